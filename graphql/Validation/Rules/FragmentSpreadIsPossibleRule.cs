using Governance.GraphQL.Language;
using Governance.GraphQL.Types;

namespace Governance.GraphQL.Validation.Rules;

/// <summary>
/// Fragment Spread Is Possible (#sec-Fragment-Spread-Is-Possible): a fragment may be spread only
/// where some object type could satisfy both the enclosing type and its type condition;
/// otherwise it could never apply.
/// </summary>
internal sealed class FragmentSpreadIsPossibleRule : ValidationRule
{
    public const string Anchor = "sec-Fragment-Spread-Is-Possible";

    public override void EnterInlineFragment(ValidationContext context, InlineFragmentNode node)
    {
        if (context.TypeInfo.Type?.GetNamedType() is { IsComposite: true } fragmentType
            && context.TypeInfo.ParentType is { } parentType
            && !context.Schema.DoTypesOverlap(fragmentType, parentType))
        {
            context.ReportError(
                Anchor,
                $"Fragment cannot be spread here as objects of type \"{parentType.Name}\" can never be of type \"{fragmentType.Name}\".",
                node);
        }
    }

    public override void EnterFragmentSpread(ValidationContext context, FragmentSpreadNode node)
    {
        if (context.GetFragment(node.Name) is { } fragment
            && context.Schema.GetType(fragment.TypeCondition.Name) is { IsComposite: true } fragmentType
            && context.TypeInfo.ParentType is { } parentType
            && !context.Schema.DoTypesOverlap(fragmentType, parentType))
        {
            context.ReportError(
                Anchor,
                $"Fragment \"{node.Name}\" cannot be spread here as objects of type \"{parentType.Name}\" can never be of type \"{fragmentType.Name}\".",
                node);
        }
    }
}
