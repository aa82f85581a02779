using Governance.GraphQL.Language;

namespace Governance.GraphQL.Validation.Rules;

/// <summary>
/// Fragments On Composite Types (#sec-Fragments-On-Composite-Types): a fragment selects fields,
/// so its type condition must be an object, interface or union type.
/// </summary>
internal sealed class FragmentsOnCompositeTypesRule : ValidationRule
{
    public const string Anchor = "sec-Fragments-On-Composite-Types";

    public override void EnterInlineFragment(ValidationContext context, InlineFragmentNode node)
    {
        if (node.TypeCondition is { } condition && context.Schema.GetType(condition.Name) is { IsComposite: false } type)
        {
            context.ReportError(Anchor, $"Fragment cannot condition on non composite type \"{type.Name}\".", condition);
        }
    }

    public override void EnterFragmentDefinition(ValidationContext context, FragmentDefinitionNode node)
    {
        if (context.Schema.GetType(node.TypeCondition.Name) is { IsComposite: false } type)
        {
            context.ReportError(
                Anchor,
                $"Fragment \"{node.Name}\" cannot condition on non composite type \"{type.Name}\".",
                node.TypeCondition);
        }
    }
}
