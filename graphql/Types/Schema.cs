using Governance.GraphQL.Execution;

namespace Governance.GraphQL.Types;

/// <summary>
/// A built, validated schema (#sec-Schema): its types in definition order, directives, root
/// operation types, and the meta-fields introspection adds. Build one with <see cref="SchemaBuilder"/>.
/// </summary>
public sealed class Schema
{
    private readonly Dictionary<string, NamedType> _types;
    private readonly Dictionary<string, DirectiveDefinition> _directives;
    private readonly Dictionary<NamedType, IReadOnlyList<ObjectType>> _possibleTypes = [];
    private readonly Dictionary<InterfaceType, IReadOnlyList<FieldsType>> _implementations = [];
    private readonly Dictionary<(NamedType, ObjectType), bool> _isPossible = [];

    internal Schema(
        string? description,
        IReadOnlyList<NamedType> types,
        IReadOnlyList<DirectiveDefinition> directives,
        ObjectType query,
        ObjectType? mutation,
        ObjectType? subscription)
    {
        Description = description;
        Types = types;
        Directives = directives;
        QueryType = query;
        MutationType = mutation;
        SubscriptionType = subscription;
        _types = types.ToDictionary(t => t.Name, StringComparer.Ordinal);
        _directives = directives.ToDictionary(d => d.Name, StringComparer.Ordinal);
        foreach (var type in types)
        {
            switch (type)
            {
                case UnionType union:
                    _possibleTypes[union] = union.Types;
                    break;
                case InterfaceType iface:
                    _possibleTypes[iface] = types.OfType<ObjectType>().Where(o => o.Interfaces.Contains(iface)).ToList();
                    _implementations[iface] = types.OfType<FieldsType>().Where(o => o.Interfaces.Contains(iface)).ToList();
                    break;
            }

            if (type is ObjectType o)
            {
                foreach (var abstractType in o.Interfaces.Cast<NamedType>().Concat(types.OfType<UnionType>().Where(u => u.Types.Contains(o))))
                {
                    _isPossible[(abstractType, o)] = true;
                }
            }
        }

        TypeNameField = Introspection.MetaFields.TypeName;
        SchemaField = Introspection.MetaFields.Schema;
        TypeField = Introspection.MetaFields.Type;
    }

    public string? Description { get; }

    public ObjectType QueryType { get; }

    public ObjectType? MutationType { get; }

    public ObjectType? SubscriptionType { get; }

    /// <summary>All named types: the SDL's in definition order, then the built-in scalars and introspection types.</summary>
    public IReadOnlyList<NamedType> Types { get; }

    public IReadOnlyList<DirectiveDefinition> Directives { get; }

    /// <summary>The meta-field <c>__typename</c> (#sec-Type-Name-Introspection), valid on every composite type.</summary>
    public FieldDefinition TypeNameField { get; }

    /// <summary>The meta-field <c>__schema</c>, valid on the query root only.</summary>
    public FieldDefinition SchemaField { get; }

    /// <summary>The meta-field <c>__type(name:)</c>, valid on the query root only.</summary>
    public FieldDefinition TypeField { get; }

    public NamedType? GetType(string name) => _types.GetValueOrDefault(name);

    public DirectiveDefinition? GetDirective(string name) => _directives.GetValueOrDefault(name);

    public ObjectType? GetRootType(OperationType operation) => operation switch
    {
        OperationType.Query => QueryType,
        OperationType.Mutation => MutationType,
        _ => SubscriptionType,
    };

    /// <summary>
    /// The field a selection on <paramref name="parentType"/> named <paramref name="fieldName"/>
    /// refers to, meta-fields included (graphql-js getFieldDef); null when there is none.
    /// </summary>
    public FieldDefinition? GetFieldDefinition(NamedType parentType, string fieldName)
    {
        if (fieldName.StartsWith("__", StringComparison.Ordinal))
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
        }

        return (parentType as FieldsType)?.GetField(fieldName);
    }

    /// <summary>The object types a value of an interface or union may have (#sec-Interfaces, #sec-Unions).</summary>
    public IReadOnlyList<ObjectType> GetPossibleTypes(NamedType abstractType) => abstractType switch
    {
        ObjectType o => [o],
        _ => _possibleTypes.GetValueOrDefault(abstractType) ?? [],
    };

    /// <summary>Objects and interfaces that declare they implement the interface.</summary>
    public IReadOnlyList<FieldsType> GetImplementations(InterfaceType iface) => _implementations.GetValueOrDefault(iface) ?? [];

    public bool IsPossibleType(NamedType abstractType, ObjectType objectType) =>
        ReferenceEquals(abstractType, objectType) || _isPossible.ContainsKey((abstractType, objectType));

    /// <summary>#sec-Types "IsSubType": whether a value of <paramref name="maybeSubType"/> fits where <paramref name="superType"/> is expected.</summary>
    public bool IsSubType(NamedType superType, NamedType maybeSubType) =>
        ReferenceEquals(superType, maybeSubType)
        || (maybeSubType is ObjectType o && superType.IsAbstract && IsPossibleType(superType, o))
        || (maybeSubType is InterfaceType i && superType is InterfaceType && i.Interfaces.Contains(superType));

    /// <summary>#sec-Objects.Type-Validation "IsValidImplementationFieldType": covariance of field types.</summary>
    public bool IsTypeSubTypeOf(GraphQLType maybeSubType, GraphQLType superType)
    {
        if (ReferenceEquals(maybeSubType, superType))
        {
            return true;
        }

        if (superType is NonNullType superNonNull)
        {
            return maybeSubType is NonNullType subNonNull && IsTypeSubTypeOf(subNonNull.OfType, superNonNull.OfType);
        }

        if (maybeSubType is NonNullType nonNull)
        {
            return IsTypeSubTypeOf(nonNull.OfType, superType);
        }

        if (superType is ListType superList)
        {
            return maybeSubType is ListType subList && IsTypeSubTypeOf(subList.OfType, superList.OfType);
        }

        return maybeSubType is NamedType subNamed && superType is NamedType superNamed && IsSubType(superNamed, subNamed);
    }

    /// <summary>The schema as SDL, like graphql-js printSchema.</summary>
    public string Print() => SchemaPrinter.Print(this);
}
