using System.Globalization;
using Governance.GraphQL.Language;
using Governance.GraphQL.Validation.Model;

namespace Governance.GraphQL.Validation;

/// <summary>What the value rules share: when a literal's shape already fails its position, and how built-in leaves accept literals.</summary>
internal static class ValueShapes
{
    /// <summary>
    /// A list where no list is expected, or an object where no input object is expected: Values
    /// of Correct Type reports the whole literal once, and no value rule looks inside it.
    /// </summary>
    public static bool IsMisplacedComposite(TypeInfo typeInfo, ValueNode node) => node switch
    {
        // On entering a list TypeInfo already expects its items; the list's own type is the parent.
        ListValueNode => typeInfo.ParentInputType?.Nullable is not ListTypeRef,
        ObjectValueNode => typeInfo.InputType?.Named is not { Kind: TypeKind.InputObject },
        _ => false,
    };

    /// <summary>
    /// Whether a literal is a valid input for a leaf type (#sec-Scalars.Input-Coercion, #sec-Enums).
    /// A custom scalar decides with its own ParseLiteral; one built from SDL alone accepts any
    /// literal, as graphql-js's default parseLiteral does.
    /// </summary>
    public static bool LeafAccepts(NamedType type, ValueNode node)
    {
        if (type.Kind == TypeKind.Enum)
        {
            return node is EnumValueNode enumValue && type.EnumValues.ContainsKey(enumValue.Value);
        }

        return type.Name switch
        {
            "Int" => node is IntValueNode i && int.TryParse(i.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
            "Float" => node is IntValueNode or FloatValueNode,
            "String" => node is StringValueNode,
            "Boolean" => node is BooleanValueNode,
            "ID" => node is StringValueNode or IntValueNode,
            _ => type.AcceptsLiteral?.Invoke(node) ?? true,
        };
    }
}
