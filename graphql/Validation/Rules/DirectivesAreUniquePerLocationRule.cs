using Governance.GraphQL.Language;

namespace Governance.GraphQL.Validation.Rules;

/// <summary>
/// Directives Are Unique Per Location (#sec-Directives-Are-Unique-Per-Location): a directive
/// that is not <c>repeatable</c> appears at most once on one operation, field, fragment or
/// variable definition. Unknown directives are left to Directives Are Defined.
/// </summary>
internal sealed class DirectivesAreUniquePerLocationRule : ValidationRule
{
    public const string Anchor = "sec-Directives-Are-Unique-Per-Location";

    public override void EnterOperation(ValidationContext context, OperationDefinitionNode node) => Check(context, node.Directives);

    public override void EnterFragmentDefinition(ValidationContext context, FragmentDefinitionNode node) => Check(context, node.Directives);

    public override bool EnterVariableDefinition(ValidationContext context, VariableDefinitionNode node)
    {
        Check(context, node.Directives);
        return true;
    }

    public override void EnterField(ValidationContext context, FieldNode node) => Check(context, node.Directives);

    public override void EnterFragmentSpread(ValidationContext context, FragmentSpreadNode node) => Check(context, node.Directives);

    public override void EnterInlineFragment(ValidationContext context, InlineFragmentNode node) => Check(context, node.Directives);

    private static void Check(ValidationContext context, IReadOnlyList<DirectiveNode> directives)
    {
        if (directives.Count < 2)
        {
            return;
        }

        var seen = new Dictionary<string, DirectiveNode>(StringComparer.Ordinal);
        foreach (var directive in directives)
        {
            if (context.Schema.GetDirective(directive.Name) is not { IsRepeatable: false })
            {
                continue;
            }

            if (seen.TryGetValue(directive.Name, out var first))
            {
                context.ReportError(Anchor, $"The directive \"@{directive.Name}\" can only be used once at this location.", first, directive);
            }
            else
            {
                seen[directive.Name] = directive;
            }
        }
    }
}
