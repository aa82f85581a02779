using Governance.GraphQL.Language;
using Governance.GraphQL.Types;

namespace Governance.GraphQL.Validation.Rules;

/// <summary>
/// Field Selections (#sec-Field-Selections): a selected field must be defined on the type of
/// its selection set (meta-fields included); on a union only <c>__typename</c> is.
/// </summary>
internal sealed class FieldSelectionsRule : ValidationRule
{
    public const string Anchor = "sec-Field-Selections";

    public override void EnterField(ValidationContext context, FieldNode node)
    {
        if (context.TypeInfo.ParentType is not { } parentType || context.TypeInfo.FieldDef is not null)
        {
            return;
        }

        context.ReportError(
            Anchor,
            $"Cannot query field \"{node.Name}\" on type \"{parentType.Name}\"." + Suggest(context, parentType, node.Name),
            node);
    }

    /// <summary>
    /// Types that do have the field come first (an inline fragment is the likely fix on an
    /// abstract type); otherwise fields whose names are close.
    /// </summary>
    private static string Suggest(ValidationContext context, NamedType parentType, string fieldName)
    {
        if (!context.Options.IncludeSuggestions)
        {
            return string.Empty;
        }

        if (parentType.IsAbstract)
        {
            // The possible types that have the field, and the interfaces they share that have it.
            var possible = context.Schema.GetPossibleTypes(parentType);
            var types = possible.Cast<FieldsType>()
                .Concat(possible.SelectMany(t => t.Interfaces))
                .Distinct()
                .Where(t => t.GetField(fieldName) is not null && !ReferenceEquals(t, parentType))
                .OrderBy(t => t is ObjectType ? 1 : 0)
                .ThenBy(t => t.Name, StringComparer.Ordinal)
                .Select(t => t.Name)
                .ToList();
            if (types.Count > 0)
            {
                return Suggestions.DidYouMean(types, "to use an inline fragment on");
            }
        }

        return parentType is FieldsType fields ? context.DidYouMean(fieldName, fields.Fields.Select(f => f.Name)) : string.Empty;
    }
}
