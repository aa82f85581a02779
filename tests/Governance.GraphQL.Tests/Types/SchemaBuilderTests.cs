using Governance.GraphQL.Errors;
using Governance.GraphQL.Tests.Fixtures;
using Governance.GraphQL.Types;

namespace Governance.GraphQL.Tests.Types;

public class SchemaBuilderTests
{
    private static List<string> BuildErrors(SchemaBuilder builder) =>
        Assert.Throws<GraphQLException>(() => builder.Build()).Errors.Select(e => e.Message).ToList();

    [Fact]
    public void RepresentativeSchemaBuildsWithEveryKindOfType()
    {
        var schema = TestSchema.Build();
        Assert.Equal("Query", schema.QueryType.Name);
        Assert.Equal("Mutation", schema.MutationType!.Name);
        Assert.Equal("Subscription", schema.SubscriptionType!.Name);
        var named = Assert.IsType<InterfaceType>(schema.GetType("Named"));
        Assert.Equal(["Node"], named.Interfaces.Select(i => i.Name));
        Assert.Equal(["Member", "Proposal"], schema.GetPossibleTypes(schema.GetType("Node")!).Select(t => t.Name));
        Assert.Equal(["Member", "Proposal"], schema.GetPossibleTypes(schema.GetType("SearchResult")!).Select(t => t.Name));
        Assert.True(Assert.IsType<InputObjectType>(schema.GetType("ProposalKey")).IsOneOf);
        Assert.Equal("https://scalars.graphql.org/andimarek/date-time", Assert.IsType<DateTimeScalarType>(schema.GetType("DateTime")).SpecifiedByUrl);
        Assert.Equal("Use `now`.", schema.QueryType.GetField("oldField")!.DeprecationReason);
        Assert.Equal("No longer supported", Assert.IsType<ObjectType>(schema.GetType("Proposal")).GetField("legacyScore")!.DeprecationReason);
        Assert.Equal("Use author.", Assert.IsType<InputObjectType>(schema.GetType("ProposalFilter")).GetField("authorId")!.DeprecationReason);
        Assert.Equal("none", Assert.IsType<InputObjectType>(schema.GetType("VoteInput")).GetField("comment")!.DefaultValue);
        Assert.Equal(["include", "skip", "deprecated", "specifiedBy", "oneOf"], schema.Directives.Select(d => d.Name));
    }

    [Fact]
    public void BuildFailsNamingEveryFieldWithoutAResolverAndEveryResolverWithoutAField()
    {
        var errors = BuildErrors(new SchemaBuilder()
            .AddTypeDefinitions("type Query { a: Int b: Int c: Thing } type Thing { x: Int y: Int }")
            .Resolve("Query.a", _ => 1)
            .Resolve("Query.nope", _ => 1)
            .Resolve("Thing.z", _ => 1));
        Assert.Equal(
            [
                "Field Query.b has no resolver.",
                "Field Query.c has no resolver.",
                "Field Thing.x has no resolver.",
                "Field Thing.y has no resolver.",
                "Resolver \"Query.nope\" has no field in the schema.",
                "Resolver \"Thing.z\" has no field in the schema.",
            ],
            errors.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void BoundClrTypeSuppliesPropertyResolversAndNamesMissingProperties()
    {
        var errors = BuildErrors(new SchemaBuilder()
            .AddTypeDefinitions("type Query { m: M } type M { id: ID name: String missing: Int }")
            .Resolve("Query.m", _ => null)
            .BindType<TestSchema.Member>("M"));
        Assert.Equal(["Field M.missing has no resolver, and Member has no public property \"missing\"."], errors);
    }

    [Fact]
    public void InterfaceImplementationMistakesAreAllReported()
    {
        const string sdl = """
            type Query { n: Node }
            interface Node { id: ID! f(a: Int): String }
            interface Named implements Node { id: ID! f(a: Int): String name: String }
            type A implements Named { id: ID f(b: Int!): String name: String }
            """;
        var errors = BuildErrors(new SchemaBuilder().AddTypeDefinitions(sdl).BindDictionary("A").Resolve("Query.n", _ => null));
        Assert.Contains("Type A must implement Node because it is implemented by Named.", errors);
        Assert.Contains("Interface field Named.id expects type ID! but A.id is type ID.", errors);
        Assert.Contains("Interface field argument Named.f(a:) expected but A.f does not provide it.", errors);
        Assert.Contains("Argument A.f(b:) must not be required type Int! if not provided by the Interface field Named.f.", errors);
    }

    [Fact]
    public void CovariantFieldTypesAreValidImplementations()
    {
        const string sdl = """
            type Query { n: Node }
            interface Node { self: Node list: [Node] }
            type A implements Node { self: A! list: [A!]! }
            """;
        var schema = new SchemaBuilder().AddTypeDefinitions(sdl).BindDictionary("A").Resolve("Query.n", _ => null).Build();
        Assert.NotNull(schema.GetType("A"));
    }

    [Fact]
    public void TypeSystemRuleViolationsAreCollected()
    {
        const string sdl = """
            type Query { a: In u: U e: E __bad: Int }
            input In { self: In! }
            input One @oneOf { a: Int! b: Int = 1 }
            union U = In
            enum E { A A }
            type Empty
            scalar Unimplemented
            extend type Missing { x: Int }
            """;
        var errors = BuildErrors(new SchemaBuilder().AddTypeDefinitions(sdl));
        Assert.Contains("The type of Query.a must be Output Type but got: In.", errors);
        Assert.Contains("Cannot reference Input Object \"In\" within itself through a series of non-null fields: \"self\".", errors);
        Assert.Contains("OneOf input field One.a must be nullable.", errors);
        Assert.Contains("OneOf input field One.b cannot have a default value.", errors);
        Assert.Contains("Union type U can only include Object types, it cannot include In.", errors);
        Assert.Contains("Enum value \"E.A\" can only be defined once.", errors);
        Assert.Contains("Type Empty must define one or more fields.", errors);
        Assert.Contains("Scalar \"Unimplemented\" has no implementation: register one with AddScalar.", errors);
        Assert.Contains("Cannot extend type \"Missing\" because it is not defined.", errors);
        Assert.Contains("Name \"__bad\" must not begin with \"__\", which is reserved by GraphQL introspection.", errors);
    }

    [Fact]
    public void UnknownTypesAndMissingQueryRootAreReported()
    {
        Assert.Contains("Query root type must be provided.", BuildErrors(new SchemaBuilder().AddTypeDefinitions("type Foo { a: Int }")));
        Assert.Contains("Unknown type \"Nope\". (line 1, column 17)", BuildErrors(new SchemaBuilder().AddTypeDefinitions("type Query { a: Nope }")));
    }

    [Fact]
    public void ExtensionsAddFieldsInterfacesMembersAndValues()
    {
        var schema = new SchemaBuilder()
            .AddTypeDefinitions("type Query { a: Int } enum E { A } interface I { i: Int }")
            .AddTypeDefinitions("extend type Query implements I { b: E i: Int } extend enum E { B }")
            .Resolve("Query.a", _ => 1).Resolve("Query.b", _ => "B").Resolve("Query.i", _ => 2)
            .ResolveType("I", _ => "Query")
            .Build();
        Assert.Equal(["a", "b", "i"], schema.QueryType.Fields.Select(f => f.Name));
        Assert.Equal(["I"], schema.QueryType.Interfaces.Select(i => i.Name));
        Assert.Equal(["A", "B"], Assert.IsType<EnumType>(schema.GetType("E")).Values.Select(v => v.Name));
    }

    [Fact]
    public void AbstractTypesNeedAWayToResolveTheirObjectType()
    {
        var errors = BuildErrors(new SchemaBuilder()
            .AddTypeDefinitions("type Query { r: R } union R = A type A { x: Int }")
            .Resolve("Query.r", _ => null).Resolve("A.x", _ => 1));
        Assert.Equal(["Abstract type \"R\" has no type resolver: register one with ResolveType, or bind each of its object types with BindType or BindDictionary."], errors);
    }

    [Fact]
    public void SchemaDefinitionNamesCustomRootTypes()
    {
        var schema = new SchemaBuilder()
            .AddTypeDefinitions("schema { query: Root mutation: Change } type Root { a: Int } type Change { b: Int }")
            .Resolve("Root.a", _ => 1).Resolve("Change.b", _ => 2)
            .Build();
        Assert.Equal(("Root", "Change"), (schema.QueryType.Name, schema.MutationType!.Name));
    }

    [Fact]
    public void InvalidDefaultValuesAreRefused() =>
        Assert.Contains(
            "Default value \"x\" of Query.a(n:) is not a valid Int.",
            BuildErrors(new SchemaBuilder().AddTypeDefinitions("type Query { a(n: Int = \"x\"): Int }").Resolve("Query.a", _ => 1)));
}
