using Governance.GraphQL.Execution;
using Governance.GraphQL.Language;
using Governance.GraphQL.Tests.Fixtures;
using static Governance.GraphQL.Tests.Fixtures.Run;

namespace Governance.GraphQL.Tests.Execution;

public class LimitTests
{
    [Fact]
    public async Task OperationsDeeperThanTheLimitAreRefusedBeforeRunning()
    {
        var executor = new GraphQLExecutor(TestSchema.Build(), new ExecutorOptions { MaxExecutionDepth = 3 });
        Assert.Equal(Q("{'data':{'member':{'delegates':[{'name':'Grace'},{'name':'Linus'}]}}}"), await Json(executor, "{ member(id: \"m1\") { delegates { name } } }"));
        var refused = await Result(executor, "{ member(id: \"m1\") { delegates { delegates { name } } } }");
        Assert.False(refused.HasData);
        Assert.Equal("The GraphQL document has an execution depth of 4 which exceeds the max allowed execution depth of 3.", Assert.Single(refused.Errors).Message);
        Assert.Equal("LIMIT_EXCEEDED", Assert.Single(refused.Errors).Extensions!["code"]);
    }

    [Fact]
    public async Task DepthCountsThroughFragments()
    {
        var executor = new GraphQLExecutor(TestSchema.Build(), new ExecutorOptions { MaxExecutionDepth = 3 });
        var refused = await Result(executor, "{ member(id: \"m1\") { ...D } } fragment D on Member { delegates { delegates { name } } }");
        Assert.Contains("execution depth of 4", Assert.Single(refused.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListsMultiplyCostByTheirPageSize()
    {
        var executor = new GraphQLExecutor(TestSchema.Build(), new ExecutorOptions { MaxCost = 100 });

        // members(first: 3) × (1 + delegates(first: 5) × 1) = 3 × 6 = 18
        Assert.Empty((await Result(executor, "{ members(first: 3) { delegates(first: 5) { name } } }")).Errors);

        // members(first: 10) × (1 + delegates(first: 10) × 1) = 110
        var refused = await Result(executor, "query ($n: Int) { members(first: $n) { delegates(first: 10) { name } } }", new Dictionary<string, object?> { ["n"] = 10L });
        Assert.Equal("The operation has a cost of 110 which exceeds the max allowed cost of 100.", Assert.Single(refused.Errors).Message);
    }

    [Fact]
    public async Task DefaultsAreSafe()
    {
        var options = new ExecutorOptions();
        Assert.Equal((15, 1_000, TimeSpan.FromSeconds(30), false, true), (options.MaxExecutionDepth, options.MaxCost, options.ExecutionTimeout, options.IncludeExceptionDetails, options.EnableIntrospection));
        Assert.Equal((15_000, 2_048), (ParserOptions.Default.MaxTokens, ParserOptions.Default.MaxFields));
        var executor = new GraphQLExecutor(TestSchema.Build());
        var tooBig = "{ " + string.Join(" ", Enumerable.Range(0, 2_100).Select(i => $"a{i}: now")) + " }";
        Assert.Equal("Syntax Error: Document contains more than 2048 fields. Parsing aborted.", Assert.Single((await Result(executor, tooBig)).Errors).Message);
    }

    /// <summary>
    /// Found by the HTTP fuzzer (docs/reliability.md): 2.4 KB of fragments, each spreading the one
    /// below twice, made the cost walk visit 2^58 fields and held a server thread for good.
    /// </summary>
    [Fact]
    public async Task AFragmentFanOutIsJudgedInLinearTime()
    {
        var executor = new GraphQLExecutor(TestSchema.Build(), new ExecutorOptions { MaxCost = 100 });
        var levels = 60;
        var document = $"{{ ...F{levels} }} fragment F0 on Query {{ members(first: 3) {{ name }} }} "
            + string.Concat(Enumerable.Range(1, levels).Select(i => $"fragment F{i} on Query {{ ...F{i - 1} ...F{i - 1} }} "));

        var judged = Task.Run(() => Result(executor, document));
        var finished = await Task.WhenAny(judged, Task.Delay(TimeSpan.FromSeconds(20)));

        Assert.Same(judged, finished);
        // Each spread counts in full, as it always did (2^60 × 4, saturated): refused, not hung.
        var refused = await judged;
        Assert.False(refused.HasData);
        Assert.Equal("The operation has a cost of 2147483647 which exceeds the max allowed cost of 100.", Assert.Single(refused.Errors).Message);
    }

    private static GraphQLExecutor Sized(ExecutorOptions options) => new(new Governance.GraphQL.Types.SchemaBuilder()
        .AddTypeDefinitions("""
            directive @cost(weight: String!) on FIELD_DEFINITION
            directive @listSize(assumedSize: Int, slicingArguments: [String!], sizedFields: [String!], requireOneSlicingArgument: Boolean = false) on FIELD_DEFINITION
            type Query {
              graph: Graph @cost(weight: "100")
              page(first: Int, last: Int): Page @listSize(assumedSize: 50, slicingArguments: ["first", "last"], sizedFields: ["items"])
              all: [Item!]! @listSize(assumedSize: 2000)
            }
            type Graph { nodes: [Item!]! @listSize(assumedSize: 1000) }
            type Page { items: [Item!]! total: Int }
            type Item { name: String tags: [String!]! }
            """)
        .Resolve("Query.graph", _ => new Dictionary<string, object?> { ["nodes"] = Array.Empty<object>() })
        .Resolve("Query.page", _ => new Dictionary<string, object?> { ["items"] = Array.Empty<object>(), ["total"] = 0 })
        .Resolve("Query.all", _ => Array.Empty<object>())
        .Resolve("Graph.nodes", _ => Array.Empty<object>())
        .Resolve("Page.items", _ => Array.Empty<object>())
        .Resolve("Page.total", _ => 0)
        .Resolve("Item.name", _ => "x")
        .Resolve("Item.tags", _ => Array.Empty<string>())
        .Build(), options);

    [Fact]
    public void ListSizeAndCostDirectivesPriceListsAtTheirSizeAndResolversAtTheirWeight()
    {
        var executor = Sized(new ExecutorOptions());

        // graph: 100 + 1 + nodes 1000 × (1 + name 0) = 1,101
        Assert.Equal(1_101, executor.MeasureCost(new GraphQLRequest("{ graph { nodes { name } } }")));
        // the connection's size reaches its items: 1 + 7 × 1 = 8; without first, its assumed 50: 51
        Assert.Equal(8, executor.MeasureCost(new GraphQLRequest("{ page(first: 7) { items { name } total } }")));
        Assert.Equal(51, executor.MeasureCost(new GraphQLRequest("{ page { items { name } } }")));
        // the largest slicing argument counts, from a variable too
        Assert.Equal(31, executor.MeasureCost(new GraphQLRequest("query($n: Int) { page(first: 3, last: $n) { items { name } } }", Variables: new Dictionary<string, object?> { ["n"] = 30L })));
        Assert.Equal(2_000, executor.MeasureCost(new GraphQLRequest("{ all { name } }")));
    }

    [Fact]
    public void WithLeafCostOneEveryValueCounts()
    {
        var executor = Sized(new ExecutorOptions { LeafFieldCost = 1 });

        // 2,000 × (1 + name 1 + tags 1)
        Assert.Equal(6_000, executor.MeasureCost(new GraphQLRequest("{ all { name tags } }")));
    }

    [Fact]
    public void TypenameCostsNothingEvenWhenEveryValueCounts()
    {
        var executor = Sized(new ExecutorOptions { LeafFieldCost = 1 });

        // urql and Apollo add __typename to every selection set; it is answered from the type,
        // without a resolver, so a first-party page must not pay 2,000 for it here.
        Assert.Equal(
            executor.MeasureCost(new GraphQLRequest("{ all { name tags } }")),
            executor.MeasureCost(new GraphQLRequest("{ __typename all { __typename name tags } }")));
    }

    [Fact]
    public async Task AliasesOfAnExpensiveFieldAddUpPastTheLimitAndTheRefusalNamesTheCost()
    {
        var executor = Sized(new ExecutorOptions { MaxCost = 5_000 });
        var query = "{ " + string.Join(" ", Enumerable.Range(0, 98).Select(i => $"g{i}: graph {{ nodes {{ name }} }}")) + " }";

        var refused = await Result(executor, query);

        var error = Assert.Single(refused.Errors);
        Assert.Equal("LIMIT_EXCEEDED", error.Extensions!["code"]);
        Assert.Equal(98 * 1_101, error.Extensions["cost"]);
    }

    [Fact]
    public async Task IntrospectionCanBeAllowedPerCallerAndTheHostIsChargedEachRequestsCost()
    {
        var charged = new List<(object? Context, int Cost)>();
        var executor = Sized(new ExecutorOptions
        {
            MaxCost = 100_000,
            AllowIntrospection = context => context is "member",
            ChargeCost = (context, cost) =>
            {
                charged.Add((context, cost));
                return cost > 1_500 ? new Governance.GraphQL.Errors.GraphQLError("budget spent") : null;
            },
        });

        async Task<ExecutionResult> As(object? context, string query)
        {
            var request = new GraphQLRequest(query);
            return await executor.ExecuteAsync(executor.Prepare(request).Operation!, request, context, CancellationToken.None);
        }

        Assert.Equal("INTROSPECTION_DISABLED", Assert.Single((await As("anonymous", "{ __schema { queryType { name } } }")).Errors).Extensions!["code"]);
        Assert.Empty((await As("member", "{ __schema { queryType { name } } }")).Errors);
        Assert.Empty((await As("member", "{ graph { nodes { name } } }")).Errors);
        Assert.Equal("budget spent", Assert.Single((await As("member", "{ all { name } }")).Errors).Message);
        Assert.Equal([("member", 0), ("member", 1_101), ("member", 2_000)], charged);
    }
}
