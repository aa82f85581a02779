using Governance.GraphQL.Language;
using Governance.GraphQL.Validation.Model;

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
            var types = parentType.PossibleTypes
                .Concat(parentType.PossibleTypes.SelectMany(t => t.Interfaces).Where(i => i.PossibleTypes.IsSubsetOf(parentType.PossibleTypes) || parentType.Kind == TypeKind.Interface))
                .Distinct()
                .Where(t => t.Fields.ContainsKey(fieldName) && !ReferenceEquals(t, parentType))
                .OrderBy(t => t.Kind == TypeKind.Object ? 1 : 0)
                .ThenBy(t => t.Name, StringComparer.Ordinal)
                .Select(t => t.Name)
                .ToList();
            if (types.Count > 0)
            {
                return Suggestions.DidYouMean(types, "to use an inline fragment on");
            }
        }

        return context.DidYouMean(fieldName, parentType.Fields.Keys);
    }
}
