using Governance.GraphQL.Language;

namespace Governance.GraphQL.Validation.Rules;

/// <summary>
/// Fragment Spread Type Existence (#sec-Fragment-Spread-Type-Existence): the type condition of
/// a fragment or inline fragment names a type the schema defines.
/// </summary>
internal sealed class FragmentSpreadTypeExistenceRule : ValidationRule
{
    public const string Anchor = "sec-Fragment-Spread-Type-Existence";

    public override void EnterFragmentDefinition(ValidationContext context, FragmentDefinitionNode node) =>
        Check(context, node.TypeCondition);

    public override void EnterInlineFragment(ValidationContext context, InlineFragmentNode node)
    {
        if (node.TypeCondition is not null)
        {
            Check(context, node.TypeCondition);
        }
    }

    private static void Check(ValidationContext context, NamedTypeNode typeCondition)
    {
        if (context.Schema.GetType(typeCondition.Name) is null)
        {
            context.ReportError(
                Anchor,
                $"Unknown type \"{typeCondition.Name}\"." + context.DidYouMean(typeCondition.Name, context.Schema.Types.Select(t => t.Name).Where(k => !k.StartsWith("__", StringComparison.Ordinal))),
                typeCondition);
        }
    }
}
