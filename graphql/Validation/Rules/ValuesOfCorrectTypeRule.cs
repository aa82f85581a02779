using Governance.GraphQL.Language;
using Governance.GraphQL.Types;

namespace Governance.GraphQL.Validation.Rules;

/// <summary>
/// Values of Correct Type (#sec-Values-of-Correct-Type): every literal coerces to the type its
/// position expects: leaves by their input coercion, null only where nullable, a list where a
/// list (or a lone item) is expected; a OneOf input object gets exactly one field, not null
/// (#sec-OneOf-Input-Objects). Variables are checked by All Variable Usages Are Allowed.
/// </summary>
internal sealed class ValuesOfCorrectTypeRule : ValidationRule
{
    public const string Anchor = "sec-Values-of-Correct-Type";

    public override bool EnterValue(ValidationContext context, ValueNode node)
    {
        var typeInfo = context.TypeInfo;
        switch (node)
        {
            case VariableNode:
                return true;
            case ListValueNode or ObjectValueNode when ValueShapes.IsMisplacedComposite(typeInfo, node):
                CheckLeaf(context, node);
                return false;
            case ListValueNode:
                return true;
            case ObjectValueNode obj:
                if (typeInfo.InputType!.GetNamedType() is InputObjectType { IsOneOf: true } oneOf)
                {
                    CheckOneOf(context, obj, oneOf);
                }

                return true;
            case NullValueNode:
                if (typeInfo.InputType is NonNullType nonNull)
                {
                    context.ReportError(Anchor, $"Expected value of type \"{nonNull}\", found null.", node);
                }

                return true;
            default:
                CheckLeaf(context, node);
                return true;
        }
    }

    private static void CheckLeaf(ValidationContext context, ValueNode node)
    {
        if (context.TypeInfo.InputType is not { } locationType)
        {
            return;
        }

        var type = locationType.GetNamedType();
        if (type.IsLeaf && SchemaFacts.LeafAccepts(type, node))
        {
            return;
        }

        var suggestion = type is EnumType enumType && node is EnumValueNode or StringValueNode
            ? context.DidYouMean(node is EnumValueNode e ? e.Value : ((StringValueNode)node).Value, enumType.Values.Select(v => v.Name), "the enum value")
            : string.Empty;
        context.ReportError(Anchor, $"Expected value of type \"{locationType}\", found {Printer.Print(node)}." + suggestion, node);
    }

    private static void CheckOneOf(ValidationContext context, ObjectValueNode node, InputObjectType type)
    {
        var fields = new Dictionary<string, ObjectFieldNode>(StringComparer.Ordinal);
        foreach (var field in node.Fields)
        {
            fields[field.Name] = field;
        }

        if (fields.Count != 1)
        {
            context.ReportError(Anchor, $"OneOf Input Object \"{type.Name}\" must specify exactly one key.", node);
            return;
        }

        var only = fields.Values.First();
        if (only.Value is NullValueNode)
        {
            context.ReportError(Anchor, $"Field \"{type.Name}.{only.Name}\" must be non-null.", node);
        }
    }
}
