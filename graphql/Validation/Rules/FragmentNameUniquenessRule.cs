using Governance.GraphQL.Language;

namespace Governance.GraphQL.Validation.Rules;

/// <summary>
/// Fragment Name Uniqueness (#sec-Fragment-Name-Uniqueness): fragments are referred to by name,
/// so each name may be defined once.
/// </summary>
internal sealed class FragmentNameUniquenessRule : ValidationRule
{
    public const string Anchor = "sec-Fragment-Name-Uniqueness";

    private readonly Dictionary<string, FragmentDefinitionNode> _seen = new(StringComparer.Ordinal);

    public override void EnterFragmentDefinition(ValidationContext context, FragmentDefinitionNode node)
    {
        if (_seen.TryGetValue(node.Name, out var first))
        {
            context.ReportError(
                Anchor,
                $"There can be only one fragment named \"{node.Name}\".",
                first.NameLocation.ToSourceLocation(),
                node.NameLocation.ToSourceLocation());
        }
        else
        {
            _seen[node.Name] = node;
        }
    }
}
