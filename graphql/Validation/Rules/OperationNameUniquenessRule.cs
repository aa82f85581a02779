using Governance.GraphQL.Language;

namespace Governance.GraphQL.Validation.Rules;

/// <summary>
/// Operation Name Uniqueness (#sec-Operation-Name-Uniqueness): each named operation must be
/// the only one of its name, whatever its type, so that an operation name selects one.
/// </summary>
internal sealed class OperationNameUniquenessRule : ValidationRule
{
    public const string Anchor = "sec-Operation-Name-Uniqueness";

    private readonly Dictionary<string, OperationDefinitionNode> _seen = new(StringComparer.Ordinal);

    public override void EnterOperation(ValidationContext context, OperationDefinitionNode node)
    {
        if (node.Name is not { } name)
        {
            return;
        }

        if (_seen.TryGetValue(name, out var first))
        {
            context.ReportError(
                Anchor,
                $"There can be only one operation named \"{name}\".",
                first.NameLocation.ToSourceLocation(),
                node.NameLocation.ToSourceLocation());
        }
        else
        {
            _seen[name] = node;
        }
    }
}
