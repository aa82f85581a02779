using System.Globalization;
using Governance.GraphQL.Language;
using Governance.GraphQL.Types;

namespace Governance.GraphQL.Validation;

/// <summary>The questions about types that several rules ask, answered over <see cref="Schema"/>.</summary>
internal static class SchemaFacts
{
    /// <summary>The type a type reference in the document names, or null if a named type is unknown.</summary>
    public static GraphQLType? TypeFromAst(this Schema schema, TypeNode node) => node switch
    {
        NamedTypeNode named => schema.GetType(named.Name),
        ListTypeNode list => schema.TypeFromAst(list.Type) is { } item ? new ListType(item) : null,
        NonNullTypeNode nonNull => schema.TypeFromAst(nonNull.Type) is { } inner ? new NonNullType(inner) : null,
        _ => null,
    };

    /// <summary>Whether some object type is possible for both composite types (#sec-Fragment-Spread-Is-Possible).</summary>
    public static bool DoTypesOverlap(this Schema schema, NamedType a, NamedType b)
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }

        if (a.IsAbstract)
        {
            return b.IsAbstract
                ? schema.GetPossibleTypes(a).Any(type => schema.IsSubType(b, type))
                : schema.IsSubType(a, b);
        }

        return b.IsAbstract && schema.IsSubType(b, a);
    }

    /// <summary>Wrappers are built anew for each field and variable, so types compare by structure.</summary>
    public static bool TypesEqual(GraphQLType? a, GraphQLType? b) => (a, b) switch
    {
        (ListType listA, ListType listB) => TypesEqual(listA.OfType, listB.OfType),
        (NonNullType nonNullA, NonNullType nonNullB) => TypesEqual(nonNullA.OfType, nonNullB.OfType),
        _ => ReferenceEquals(a, b),
    };

    /// <summary>#sec-Required-Arguments: non-null and without a default.</summary>
    public static bool IsRequired(this InputValueDefinition value) => value.Type.IsNonNull && !value.HasDefaultValue;

    /// <summary>
    /// Whether a literal is a valid input for a leaf type (#sec-Scalars.Input-Coercion,
    /// #sec-Enums). The five built-in scalars are checked here, without exceptions; a custom
    /// scalar decides with its own ParseLiteral, as in graphql-js.
    /// </summary>
    public static bool LeafAccepts(NamedType type, ValueNode node) => type switch
    {
        EnumType enumType => node is EnumValueNode value && enumType.GetValue(value.Value) is not null,
        ScalarType scalar => scalar.Name switch
        {
            "Int" => node is IntValueNode i && int.TryParse(i.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
            "Float" => node is IntValueNode or FloatValueNode,
            "String" => node is StringValueNode,
            "Boolean" => node is BooleanValueNode,
            "ID" => node is StringValueNode or IntValueNode,
            _ => CustomScalarAccepts(scalar, node),
        },
        _ => false,
    };

    private static bool CustomScalarAccepts(ScalarType scalar, ValueNode node)
    {
        try
        {
            scalar.ParseLiteral(node);
            return true;
        }
#pragma warning disable CA1031 // A custom scalar refuses a literal by throwing whatever it throws.
        catch (Exception)
#pragma warning restore CA1031
        {
            return false;
        }
    }
}
