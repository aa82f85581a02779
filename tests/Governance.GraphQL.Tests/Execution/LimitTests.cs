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
}
