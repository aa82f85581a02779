using Governance.GraphQL.Language;

namespace Governance.GraphQL.Validation.Rules;

/// <summary>
/// Directives Are Defined (#sec-Directives-Are-Defined): a directive used in the document is
/// one the schema defines.
/// </summary>
internal sealed class DirectivesAreDefinedRule : ValidationRule
{
    public const string Anchor = "sec-Directives-Are-Defined";

    public override void EnterDirective(ValidationContext context, DirectiveNode node, string location)
    {
        if (context.Schema.GetDirective(node.Name) is null)
        {
            context.ReportError(Anchor, $"Unknown directive \"@{node.Name}\".", node);
        }
    }
}
