using Governance.GraphQL.Execution;
using Governance.GraphQL.Tests.Fixtures;
using static Governance.GraphQL.Tests.Fixtures.Run;

namespace Governance.GraphQL.Tests.Execution;

public class QueryExecutionTests
{
    private readonly GraphQLExecutor _executor = new(TestSchema.Build());

    [Fact]
    public async Task SimpleQueryReturnsDataInSelectionOrder()
    {
        var json = await Json(_executor, "{ member(id: \"m1\") { name id karma joinedAt } }");
        Assert.Equal(Q("{'data':{'member':{'name':'Ada','id':'m1','karma':10,'joinedAt':'2026-01-02T03:04:05Z'}}}"), json);
    }

    [Fact]
    public async Task AliasesAndMergedFieldsKeepFirstSeenOrder()
    {
        var json = await Json(_executor, "{ b: member(id: \"m2\") { name } a: member(id: \"m1\") { id } b: member(id: \"m2\") { karma } __typename }");
        Assert.Equal(Q("{'data':{'b':{'name':'Grace','karma':7},'a':{'id':'m1'},'__typename':'Query'}}"), json);
    }

    [Fact]
    public async Task FragmentsApplyByTypeConditionOnAbstractTypes()
    {
        const string query = """
            query { search(text: "a") { __typename ...M ... on Proposal { title author { name } } } }
            fragment M on Member { name ... on Named { id } }
            """;
        var json = await Json(_executor, query);
        Assert.Equal(
            Q("{'data':{'search':[{'__typename':'Member','name':'Ada','id':'m1'},{'__typename':'Member','name':'Grace','id':'m2'},{'__typename':'Proposal','title':'Open the garden','author':{'name':'Ada'}},{'__typename':'Proposal','title':'Paint the hall','author':{'name':'Ada'}}]}}"),
            json);
    }

    [Fact]
    public async Task InterfaceFieldsResolveThroughTheTypeResolver()
    {
        var json = await Json(_executor, "{ a: node(id: \"m3\") { id __typename } b: node(id: \"p2\") { ... on Proposal { status } } }");
        Assert.Equal(Q("{'data':{'a':{'id':'m3','__typename':'Member'},'b':{'status':'CLOSED'}}}"), json);
    }

    [Theory]
    [InlineData("{ member(id: \"m1\") { name @skip(if: true) id } }", "{'data':{'member':{'id':'m1'}}}")]
    [InlineData("{ member(id: \"m1\") { name @include(if: false) id } }", "{'data':{'member':{'id':'m1'}}}")]
    [InlineData("{ member(id: \"m1\") { name @skip(if: false) @include(if: true) } }", "{'data':{'member':{'name':'Ada'}}}")]
    [InlineData("{ member(id: \"m1\") { name @skip(if: true) @include(if: true) id } }", "{'data':{'member':{'id':'m1'}}}")]
    [InlineData("{ member(id: \"m1\") { ... @skip(if: true) { name } id } }", "{'data':{'member':{'id':'m1'}}}")]
    public async Task SkipAndIncludeDecideWhetherASelectionCounts(string query, string expected) =>
        Assert.Equal(Q(expected), await Json(_executor, query));

    [Fact]
    public async Task SkipAndIncludeReadVariables()
    {
        var json = await Json(_executor, "query ($s: Boolean!) { member(id: \"m1\") { name @skip(if: $s) id } }", new Dictionary<string, object?> { ["s"] = true });
        Assert.Equal(Q("{'data':{'member':{'id':'m1'}}}"), json);
    }

    [Fact]
    public async Task EnumsSerializeByNameAndFilterArguments()
    {
        var json = await Json(_executor, "{ proposals(status: OPEN) { id status } }");
        Assert.Equal(Q("{'data':{'proposals':[{'id':'p1','status':'OPEN'}]}}"), json);
    }

    [Fact]
    public async Task ArgumentDefaultsApplyWhenArgumentsAreAbsent()
    {
        var json = await Json(_executor, "{ members { id } }");
        Assert.Equal(Q("{'data':{'members':[{'id':'m1'},{'id':'m2'},{'id':'m3'}]}}"), json);
    }

    [Fact]
    public async Task OperationNameSelectsTheOperation()
    {
        const string document = "query A { now } query B { oldField }";
        Assert.Equal(Q("{'data':{'oldField':'old'}}"), await Json(_executor, document, operationName: "B"));
        Assert.Equal(Q("{'errors':[{'message':'Must provide operation name if query contains multiple operations.'}]}"), await Json(_executor, document));
        Assert.Equal(Q("{'errors':[{'message':'Unknown operation named \\u0022C\\u0022.'}]}"), await Json(_executor, document, operationName: "C"));
    }

    [Fact]
    public async Task SyntaxErrorsAreRequestErrorsWithoutData()
    {
        var result = await Result(_executor, "{ member(id: ) }");
        Assert.False(result.HasData);
        var error = Assert.Single(result.Errors);
        Assert.Equal("Syntax Error: Unexpected \")\".", error.Message);
        Assert.Equal(new Errors.SourceLocation(1, 14), Assert.Single(error.Locations!));
    }

    [Fact]
    public async Task MissingQueryIsARequestError()
    {
        var prepared = _executor.Prepare(new GraphQLRequest(null));
        Assert.False(prepared.Succeeded);
        Assert.Equal("Must provide query string.", Assert.Single(prepared.Errors).Message);
    }

    [Fact]
    public async Task PrepareTellsTheTransportTheOperationType()
    {
        var prepared = _executor.Prepare(new GraphQLRequest("mutation M { append(text: \"x\") }"));
        Assert.Equal((OperationType.Mutation, "M"), (prepared.Operation!.OperationType, prepared.Operation.OperationName));
        await Task.CompletedTask;
    }
}
