using Governance.GraphQL.Execution;
using Governance.GraphQL.Language;

namespace Governance.GraphQL.Types.Introspection;

/// <summary>
/// The introspection types of #sec-Schema-Introspection (September 2025 edition: specifiedByURL,
/// isOneOf, isRepeatable, deprecated arguments and input fields), built once and shared by every
/// schema. Their resolvers read the type system objects directly: a __Type is a
/// <see cref="GraphQLType"/>, a __Field a <see cref="FieldDefinition"/>, and so on.
/// </summary>
public static class IntrospectionTypes
{
    static IntrospectionTypes()
    {
        var s = BuiltInScalars.String;
        var b = BuiltInScalars.Boolean;
        TypeKind = Enum("__TypeKind", "An enum describing what kind of type a given `__Type` is.",
            ("SCALAR", "Indicates this type is a scalar."),
            ("OBJECT", "Indicates this type is an object. `fields` and `interfaces` are valid fields."),
            ("INTERFACE", "Indicates this type is an interface. `fields`, `interfaces`, and `possibleTypes` are valid fields."),
            ("UNION", "Indicates this type is a union. `possibleTypes` is a valid field."),
            ("ENUM", "Indicates this type is an enum. `enumValues` is a valid field."),
            ("INPUT_OBJECT", "Indicates this type is an input object. `inputFields` is a valid field."),
            ("LIST", "Indicates this type is a list. `ofType` is a valid field."),
            ("NON_NULL", "Indicates this type is a non-null. `ofType` is a valid field."));
        DirectiveLocation = Enum("__DirectiveLocation", "A Directive can be adjacent to many parts of the GraphQL language, a __DirectiveLocation describes one such possible adjacencies.",
            ("QUERY", "Location adjacent to a query operation."),
            ("MUTATION", "Location adjacent to a mutation operation."),
            ("SUBSCRIPTION", "Location adjacent to a subscription operation."),
            ("FIELD", "Location adjacent to a field."),
            ("FRAGMENT_DEFINITION", "Location adjacent to a fragment definition."),
            ("FRAGMENT_SPREAD", "Location adjacent to a fragment spread."),
            ("INLINE_FRAGMENT", "Location adjacent to an inline fragment."),
            ("VARIABLE_DEFINITION", "Location adjacent to a variable definition."),
            ("SCHEMA", "Location adjacent to a schema definition."),
            ("SCALAR", "Location adjacent to a scalar definition."),
            ("OBJECT", "Location adjacent to an object type definition."),
            ("FIELD_DEFINITION", "Location adjacent to a field definition."),
            ("ARGUMENT_DEFINITION", "Location adjacent to an argument definition."),
            ("INTERFACE", "Location adjacent to an interface definition."),
            ("UNION", "Location adjacent to a union definition."),
            ("ENUM", "Location adjacent to an enum definition."),
            ("ENUM_VALUE", "Location adjacent to an enum value definition."),
            ("INPUT_OBJECT", "Location adjacent to an input object type definition."),
            ("INPUT_FIELD_DEFINITION", "Location adjacent to an input object field definition."),
            ("DIRECTIVE_DEFINITION", "Location adjacent to a directive definition."));

        SchemaType = new ObjectType("__Schema", "A GraphQL Schema defines the capabilities of a GraphQL server. It exposes all available types and directives on the server, as well as the entry points for query, mutation, and subscription operations.");
        TypeType = new ObjectType("__Type", "The fundamental unit of any GraphQL Schema is the type. There are many kinds of types in GraphQL as represented by the `__TypeKind` enum.\n\nDepending on the kind of a type, certain fields describe information about that type. Scalar types provide no information beyond a name, description and optional `specifiedByURL`, while Enum types provide their values. Object and Interface types provide the fields they describe. Abstract types, Union and Interface, provide the Object types possible at runtime. List and NonNull types compose other types.");
        FieldType = new ObjectType("__Field", "Object and Interface types are described by a list of Fields, each of which has a name, potentially a list of arguments, and a return type.");
        InputValueType = new ObjectType("__InputValue", "Arguments provided to Fields or Directives and the input fields of an InputObject are represented as Input Values which describe their type and optionally a default value.");
        EnumValueType = new ObjectType("__EnumValue", "One possible value for a given Enum. Enum values are unique values, not a placeholder for a string or numeric value. However an Enum value is returned in a JSON response as a string.");
        DirectiveType = new ObjectType("__Directive", "A Directive provides a way to describe alternate runtime execution and type validation behavior in a GraphQL document.\n\nIn some cases, you need to provide options to alter GraphQL's execution behavior in ways field arguments will not suffice, such as conditionally including or skipping a field. Directives provide this by describing additional information to the executor.");

        var includeDeprecated = () => new InputValueDefinition("includeDeprecated", null, b, new BooleanValueNode { Value = false }, null, null) { DefaultValue = false };
        GraphQLType NN(GraphQLType t) => new NonNullType(t);
        GraphQLType ListOf(GraphQLType t) => new NonNullType(new ListType(new NonNullType(t)));

        SchemaType.SetFields(
        [
            Field("description", s, p => ((Schema)p.Parent!).Description),
            Field("types", ListOf(TypeType), p => ((Schema)p.Parent!).Types, "A list of all types supported by this server."),
            Field("queryType", NN(TypeType), p => ((Schema)p.Parent!).QueryType, "The type that query operations will be rooted at."),
            Field("mutationType", TypeType, p => ((Schema)p.Parent!).MutationType, "If this server supports mutation, the type that mutation operations will be rooted at."),
            Field("subscriptionType", TypeType, p => ((Schema)p.Parent!).SubscriptionType, "If this server support subscription, the type that subscription operations will be rooted at."),
            Field("directives", ListOf(DirectiveType), p => Filter(p, ((Schema)p.Parent!).Directives, d => d.IsDeprecated), "A list of all directives supported by this server.",
                [new InputValueDefinition("includeDeprecated", null, NN(b), new BooleanValueNode { Value = false }, null, null) { DefaultValue = false }]),
        ]);

        TypeType.SetFields(
        [
            Field("kind", NN(TypeKind), p => KindName(((GraphQLType)p.Parent!).Kind)),
            Field("name", s, p => (p.Parent as NamedType)?.Name),
            Field("description", s, p => (p.Parent as NamedType)?.Description),
            Field("specifiedByURL", s, p => (p.Parent as ScalarType)?.SpecifiedByUrl),
            Field("fields", new ListType(NN(FieldType)), p => p.Parent is FieldsType f
                ? Filter(p, f.Fields, x => x.IsDeprecated)
                : null, arguments: [includeDeprecated()]),
            Field("interfaces", new ListType(NN(TypeType)), p => (p.Parent as FieldsType)?.Interfaces),
            Field("possibleTypes", new ListType(NN(TypeType)), p => p.Parent is NamedType { IsAbstract: true } t ? p.Schema.GetPossibleTypes(t) : null),
            Field("enumValues", new ListType(NN(EnumValueType)), p => p.Parent is EnumType e
                ? Filter(p, e.Values, x => x.IsDeprecated)
                : null, arguments: [includeDeprecated()]),
            Field("inputFields", new ListType(NN(InputValueType)), p => p.Parent is InputObjectType i
                ? Filter(p, i.Fields, x => x.IsDeprecated)
                : null, arguments: [includeDeprecated()]),
            Field("ofType", TypeType, p => p.Parent switch { ListType l => l.OfType, NonNullType n => n.OfType, _ => null }),
            Field("isOneOf", b, p => p.Parent is InputObjectType i ? i.IsOneOf : null),
        ]);

        FieldType.SetFields(
        [
            Field("name", NN(s), p => ((FieldDefinition)p.Parent!).Name),
            Field("description", s, p => ((FieldDefinition)p.Parent!).Description),
            Field("args", ListOf(InputValueType), p => Filter(p, ((FieldDefinition)p.Parent!).Arguments, x => x.IsDeprecated), arguments: [includeDeprecated()]),
            Field("type", NN(TypeType), p => ((FieldDefinition)p.Parent!).Type),
            Field("isDeprecated", NN(b), p => Box(((FieldDefinition)p.Parent!).IsDeprecated)),
            Field("deprecationReason", s, p => ((FieldDefinition)p.Parent!).DeprecationReason),
        ]);

        InputValueType.SetFields(
        [
            Field("name", NN(s), p => ((InputValueDefinition)p.Parent!).Name),
            Field("description", s, p => ((InputValueDefinition)p.Parent!).Description),
            Field("type", NN(TypeType), p => ((InputValueDefinition)p.Parent!).Type),
            Field("defaultValue", s, p => DefaultValue((InputValueDefinition)p.Parent!), "A GraphQL-formatted string representing the default value for this input value."),
            Field("isDeprecated", NN(b), p => Box(((InputValueDefinition)p.Parent!).IsDeprecated)),
            Field("deprecationReason", s, p => ((InputValueDefinition)p.Parent!).DeprecationReason),
        ]);

        EnumValueType.SetFields(
        [
            Field("name", NN(s), p => ((EnumValueDefinition)p.Parent!).Name),
            Field("description", s, p => ((EnumValueDefinition)p.Parent!).Description),
            Field("isDeprecated", NN(b), p => Box(((EnumValueDefinition)p.Parent!).IsDeprecated)),
            Field("deprecationReason", s, p => ((EnumValueDefinition)p.Parent!).DeprecationReason),
        ]);

        DirectiveType.SetFields(
        [
            Field("name", NN(s), p => ((DirectiveDefinition)p.Parent!).Name),
            Field("description", s, p => ((DirectiveDefinition)p.Parent!).Description),
            Field("isRepeatable", NN(b), p => Box(((DirectiveDefinition)p.Parent!).IsRepeatable)),
            Field("locations", ListOf(DirectiveLocation), p => ((DirectiveDefinition)p.Parent!).Locations),
            Field("args", ListOf(InputValueType), p => Filter(p, ((DirectiveDefinition)p.Parent!).Arguments, x => x.IsDeprecated), arguments: [includeDeprecated()]),
            Field("isDeprecated", NN(b), p => Box(((DirectiveDefinition)p.Parent!).IsDeprecated)),
            Field("deprecationReason", s, p => ((DirectiveDefinition)p.Parent!).DeprecationReason),
        ]);

        All = [SchemaType, DirectiveType, DirectiveLocation, TypeType, FieldType, InputValueType, EnumValueType, TypeKind];
    }

    public static ObjectType SchemaType { get; }

    public static ObjectType TypeType { get; }

    public static ObjectType FieldType { get; }

    public static ObjectType InputValueType { get; }

    public static ObjectType EnumValueType { get; }

    public static ObjectType DirectiveType { get; }

    public static EnumType TypeKind { get; }

    public static EnumType DirectiveLocation { get; }

    /// <summary>The introspection types in graphql-js's order.</summary>
    public static IReadOnlyList<NamedType> All { get; }

    public static bool IsIntrospectionType(NamedType type) => type.Name.StartsWith("__", StringComparison.Ordinal);

    internal static string KindName(TypeKind kind) => kind switch
    {
        Types.TypeKind.Scalar => "SCALAR",
        Types.TypeKind.Object => "OBJECT",
        Types.TypeKind.Interface => "INTERFACE",
        Types.TypeKind.Union => "UNION",
        Types.TypeKind.Enum => "ENUM",
        Types.TypeKind.InputObject => "INPUT_OBJECT",
        Types.TypeKind.List => "LIST",
        _ => "NON_NULL",
    };

    /// <summary>#sec-The-__InputValue-Type: the default value printed as GraphQL.</summary>
    internal static string? DefaultValue(InputValueDefinition input) =>
        input.DefaultValueLiteral is null ? null : Printer.Print(input.DefaultValueLiteral);

    /// <summary>The items, without deprecated ones unless includeDeprecated; no copy when nothing is left out.</summary>
    private static IReadOnlyList<T> Filter<T>(ResolveContext context, IReadOnlyList<T> items, Func<T, bool> isDeprecated)
    {
        if (context.Arguments.GetValueOrDefault("includeDeprecated") is true)
        {
            return items;
        }

        foreach (var item in items)
        {
            if (isDeprecated(item))
            {
                return items.Where(i => !isDeprecated(i)).ToList();
            }
        }

        return items;
    }

    private static readonly object True = true;
    private static readonly object False = false;

    /// <summary>Shared boxes: a full introspection answers a few hundred booleans.</summary>
    private static object Box(bool value) => value ? True : False;

    private static FieldDefinition Field(string name, GraphQLType type, Func<ResolveContext, object?> resolve, string? description = null, IReadOnlyList<InputValueDefinition>? arguments = null) =>
        new(name, description, type, arguments ?? [], null, null) { Resolver = context => new ValueTask<object?>(resolve(context)), HasPureResolver = true };

    private static EnumType Enum(string name, string description, params (string Name, string Description)[] values)
    {
        var type = new EnumType(name, description);
        type.SetValues(values.Select(v => new EnumValueDefinition(v.Name, v.Description, null, null)).ToList());
        return type;
    }
}

/// <summary>The meta-fields of #sec-Schema-Introspection: __typename, __schema and __type(name:).</summary>
public static class MetaFields
{
    public static FieldDefinition TypeName { get; } = new(
        "__typename", "The name of the current Object type at runtime.", new NonNullType(BuiltInScalars.String), [], null, null)
    {
        Resolver = context => new ValueTask<object?>(context.ParentType.Name),
        HasPureResolver = true,
    };

    public static FieldDefinition Schema { get; } = new(
        "__schema", "Access the current type schema of this server.", new NonNullType(IntrospectionTypes.SchemaType), [], null, null)
    {
        Resolver = context => new ValueTask<object?>(context.Schema),
        HasPureResolver = true,
    };

    public static FieldDefinition Type { get; } = new(
        "__type",
        "Request the type information of a single type.",
        IntrospectionTypes.TypeType,
        [new InputValueDefinition("name", null, new NonNullType(BuiltInScalars.String), null, null, null)],
        null,
        null)
    {
        Resolver = context => new ValueTask<object?>(context.Schema.GetType((string)context.Arguments["name"]!)),
        HasPureResolver = true,
    };
}
