using Governance.GraphQL.Language;

namespace Governance.GraphQL.Validation.Rules;

/// <summary>
/// Directives Are In Valid Locations (#sec-Directives-Are-In-Valid-Locations): a directive
/// stands only where its definition's locations allow (a field directive on a field, …).
/// </summary>
internal sealed class DirectivesAreInValidLocationsRule : ValidationRule
{
    public const string Anchor = "sec-Directives-Are-In-Valid-Locations";

    public override void EnterDirective(ValidationContext context, DirectiveNode node, string location)
    {
        if (context.Schema.GetDirective(node.Name) is { } directive && !directive.Locations.Contains(location))
        {
            context.ReportError(Anchor, $"Directive \"@{node.Name}\" may not be used on {location}.", node);
        }
    }
}
