using Governance.GraphQL.Language;

namespace Governance.GraphQL.Validation.Rules;

/// <summary>
/// Fragments Must Be Used (#sec-Fragments-Must-Be-Used): every fragment is reached from some
/// operation, directly or through other fragments; an unused one is likely a mistake.
/// </summary>
internal sealed class FragmentsMustBeUsedRule : ValidationRule
{
    public const string Anchor = "sec-Fragments-Must-Be-Used";

    public override void LeaveDocument(ValidationContext context, DocumentNode node)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var operation in node.Definitions.OfType<OperationDefinitionNode>())
        {
            foreach (var fragment in context.GetRecursivelyReferencedFragments(operation))
            {
                used.Add(fragment.Name);
            }
        }

        foreach (var fragment in node.Definitions.OfType<FragmentDefinitionNode>())
        {
            if (!used.Contains(fragment.Name))
            {
                context.ReportError(Anchor, $"Fragment \"{fragment.Name}\" is never used.", fragment);
            }
        }
    }
}
