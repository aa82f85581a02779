using Governance.GraphQL.Language;

namespace Governance.GraphQL.Validation.Rules;

/// <summary>
/// Argument Uniqueness (#sec-Argument-Uniqueness): a field or directive receives each argument
/// once; two values for one name would leave its meaning ambiguous.
/// </summary>
internal sealed class ArgumentUniquenessRule : ValidationRule
{
    public const string Anchor = "sec-Argument-Uniqueness";

    public override void EnterField(ValidationContext context, FieldNode node) => Check(context, node.Arguments);

    public override void EnterDirective(ValidationContext context, DirectiveNode node, string location) =>
        Check(context, node.Arguments);

    private static void Check(ValidationContext context, IReadOnlyList<ArgumentNode> arguments)
    {
        if (arguments.Count < 2)
        {
            return;
        }

        foreach (var group in arguments.GroupBy(a => a.Name, StringComparer.Ordinal))
        {
            var nodes = group.Cast<SyntaxNode>().ToArray();
            if (nodes.Length > 1)
            {
                context.ReportError(Anchor, $"There can be only one argument named \"{group.Key}\".", nodes);
            }
        }
    }
}
