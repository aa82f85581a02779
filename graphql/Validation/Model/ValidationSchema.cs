using Governance.GraphQL.Execution;
using Governance.GraphQL.Language;

namespace Governance.GraphQL.Validation.Model;

/// <summary>
/// The schema as validation reads it: named types, directives and root operation types, with
/// possible types precomputed so that overlap and sub-type checks are set look-ups.
/// Built once per schema from its SDL (<see cref="ValidationSchemaBuilder"/>).
/// </summary>
internal sealed class ValidationSchema
{
    public static readonly string[] StandardScalarNames = ["String", "Int", "Float", "Boolean", "ID"];

    internal ValidationSchema(
        Dictionary<string, NamedType> types,
        Dictionary<string, DirectiveDef> directives,
        NamedType? queryType,
        NamedType? mutationType,
        NamedType? subscriptionType)
    {
        Types = types;
        Directives = directives;
        QueryType = queryType;
        MutationType = mutationType;
        SubscriptionType = subscriptionType;
        TypeNameField = new FieldDef("__typename", new NonNullTypeRef(types["String"]));
        SchemaField = new FieldDef("__schema", new NonNullTypeRef(types["__Schema"]));
        TypeField = new FieldDef("__type", types["__Type"]);
        TypeField.Arguments["name"] = new InputValueDef("name", new NonNullTypeRef(types["String"]), null);
    }

    public Dictionary<string, NamedType> Types { get; }

    public Dictionary<string, DirectiveDef> Directives { get; }

    public NamedType? QueryType { get; }

    public NamedType? MutationType { get; }

    public NamedType? SubscriptionType { get; }

    /// <summary>#sec-Type-Name-Introspection: <c>__typename</c>, on every composite type.</summary>
    public FieldDef TypeNameField { get; }

    /// <summary>#sec-Schema-Introspection: <c>__schema</c> and <c>__type</c>, on the query root only.</summary>
    public FieldDef SchemaField { get; }

    public FieldDef TypeField { get; }

    public NamedType? GetType(string name) => Types.GetValueOrDefault(name);

    public NamedType? GetRootType(OperationType operation) => operation switch
    {
        OperationType.Query => QueryType,
        OperationType.Mutation => MutationType,
        _ => SubscriptionType,
    };

    /// <summary>The type a type reference in the document names, or null if a named type is unknown.</summary>
    public TypeRef? TypeFromAst(TypeNode node) => node switch
    {
        NamedTypeNode named => GetType(named.Name),
        ListTypeNode list => TypeFromAst(list.Type) is { } item ? new ListTypeRef(item) : null,
        NonNullTypeNode nonNull => TypeFromAst(nonNull.Type) is { } inner ? new NonNullTypeRef(inner) : null,
        _ => null,
    };

    /// <summary>The definition of a field selected on a composite type, meta-fields included.</summary>
    public FieldDef? GetFieldDef(NamedType parentType, string fieldName)
    {
        if (fieldName == "__typename" && parentType.IsComposite)
        {
            return TypeNameField;
        }

        if (ReferenceEquals(parentType, QueryType))
        {
            if (fieldName == "__schema")
            {
                return SchemaField;
            }

            if (fieldName == "__type")
            {
                return TypeField;
            }
        }

        return parentType.Kind is TypeKind.Object or TypeKind.Interface
            ? parentType.Fields.GetValueOrDefault(fieldName)
            : null;
    }

    /// <summary>Whether some object type is possible for both composite types (#sec-Fragment-Spread-Is-Possible).</summary>
    public static bool DoTypesOverlap(NamedType a, NamedType b)
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }

        if (a.IsAbstract)
        {
            return b.IsAbstract ? a.PossibleTypes.Overlaps(b.PossibleTypes) : a.PossibleTypes.Contains(b);
        }

        return b.IsAbstract && b.PossibleTypes.Contains(a);
    }

    /// <summary>
    /// Whether a value of <paramref name="maybeSubType"/> is always valid where
    /// <paramref name="superType"/> is expected (graphql-js isTypeSubTypeOf), used to check
    /// variable positions (#sec-All-Variable-Usages-Are-Allowed).
    /// </summary>
    public static bool IsTypeSubTypeOf(TypeRef maybeSubType, TypeRef superType)
    {
        if (maybeSubType.Equals(superType))
        {
            return true;
        }

        if (superType is NonNullTypeRef superNonNull)
        {
            return maybeSubType is NonNullTypeRef subNonNull && IsTypeSubTypeOf(subNonNull.OfType, superNonNull.OfType);
        }

        if (maybeSubType is NonNullTypeRef nonNull)
        {
            return IsTypeSubTypeOf(nonNull.OfType, superType);
        }

        if (superType is ListTypeRef superList)
        {
            return maybeSubType is ListTypeRef subList && IsTypeSubTypeOf(subList.OfType, superList.OfType);
        }

        if (maybeSubType is ListTypeRef)
        {
            return false;
        }

        return superType is NamedType { IsAbstract: true } abstractType
            && maybeSubType is NamedType named
            && (abstractType.PossibleTypes.Contains(named) || named.Interfaces.Contains(abstractType));
    }
}
