using Governance.GraphQL.Execution;
using Governance.GraphQL.Language;
using Governance.GraphQL.Types;
using Governance.GraphQL.Validation;

namespace Governance.GraphQL.Tests.Validation;

/// <summary>The validator as the executor and a real schema use it: custom scalars, the executor's switches.</summary>
public sealed class ValidationInThePipelineTests
{
    private const string Sdl = """
        scalar DateTime
        type Query { events(after: DateTime): [Event!]! }
        type Event { id: ID! name: String }
        """;

    private static Schema BuildSchema() =>
        new SchemaBuilder()
            .AddTypeDefinitions(Sdl)
            .AddScalar(new DateTimeScalarType())
            .BindDictionary("Query")
            .BindDictionary("Event")
            .Build();

    private static readonly Schema Schema = BuildSchema();

    [Fact]
    public void CustomScalarJudgesItsOwnLiterals()
    {
        Assert.Empty(DocumentValidator.Validate(Schema, Parser.Parse("{ events(after: \"2026-11-21T23:20:00Z\") { id } }")));
        var error = Assert.Single(DocumentValidator.Validate(Schema, Parser.Parse("{ events(after: \"yesterday\") { id } }")));
        Assert.Equal("Expected value of type \"DateTime\", found \"yesterday\".", error.Message);
        Assert.Single(DocumentValidator.Validate(Schema, Parser.Parse("{ events(after: 20261121) { id } }")));
    }

    [Fact]
    public void ExecutorSuggestsNamesOnlyWhenIntrospectionIsOn()
    {
        var open = new GraphQLExecutor(Schema);
        var closed = new GraphQLExecutor(Schema, new ExecutorOptions { EnableIntrospection = false });

        var withIntrospection = Assert.Single(open.Prepare(new GraphQLRequest("{ event { id } }")).Errors);
        var withoutIntrospection = Assert.Single(closed.Prepare(new GraphQLRequest("{ event { id } }")).Errors);

        Assert.Equal("Cannot query field \"event\" on type \"Query\". Did you mean \"events\"?", withIntrospection.Message);
        Assert.Equal("Cannot query field \"event\" on type \"Query\".", withoutIntrospection.Message);
    }

    [Fact]
    public void ExecutorCapsValidationErrors()
    {
        var executor = new GraphQLExecutor(Schema, new ExecutorOptions { MaxValidationErrors = 3 });
        var prepared = executor.Prepare(new GraphQLRequest("{ a b c d e f }"));
        Assert.False(prepared.Succeeded);
        Assert.Equal(3, prepared.Errors.Count);
        Assert.All(prepared.Errors, e => Assert.StartsWith("Cannot query field", e.Message, StringComparison.Ordinal));
    }
}
