using Governance.GraphQL.Language;

namespace Governance.GraphQL.Validation.Rules;

/// <summary>
/// Fragment Spread Target Defined (#sec-Fragment-Spread-Target-Defined): a spread names a
/// fragment the document defines.
/// </summary>
internal sealed class FragmentSpreadTargetDefinedRule : ValidationRule
{
    public const string Anchor = "sec-Fragment-Spread-Target-Defined";

    public override void EnterFragmentSpread(ValidationContext context, FragmentSpreadNode node)
    {
        if (context.GetFragment(node.Name) is null)
        {
            context.ReportError(Anchor, $"Unknown fragment \"{node.Name}\".", node.NameLocation.ToSourceLocation());
        }
    }
}
