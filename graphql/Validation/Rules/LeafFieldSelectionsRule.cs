using Governance.GraphQL.Language;

namespace Governance.GraphQL.Validation.Rules;

/// <summary>
/// Leaf Field Selections (#sec-Leaf-Field-Selections): a field of scalar or enum type has no
/// selection set; a field of object, interface or union type must have one, or the response
/// could not say which of its fields to return.
/// </summary>
internal sealed class LeafFieldSelectionsRule : ValidationRule
{
    public const string Anchor = "sec-Leaf-Field-Selections";

    public override void EnterField(ValidationContext context, FieldNode node)
    {
        if (context.TypeInfo.Type is not { } type)
        {
            return;
        }

        if (type.GetNamedType().IsLeaf)
        {
            if (node.SelectionSet is not null)
            {
                context.ReportError(
                    Anchor,
                    $"Field \"{node.Name}\" must not have a selection since type \"{type}\" has no subfields.",
                    node.SelectionSet);
            }
        }
        else if (node.SelectionSet is null)
        {
            context.ReportError(
                Anchor,
                $"Field \"{node.Name}\" of type \"{type}\" must have a selection of subfields. Did you mean \"{node.Name} {{ ... }}\"?",
                node);
        }
    }
}
