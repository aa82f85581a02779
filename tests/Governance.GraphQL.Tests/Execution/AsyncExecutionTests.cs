using Governance.GraphQL.Execution;
using Governance.GraphQL.Tests.Fixtures;
using Governance.GraphQL.Types;
using static Governance.GraphQL.Tests.Fixtures.Run;

namespace Governance.GraphQL.Tests.Execution;

public class AsyncExecutionTests
{
    [Fact]
    public async Task QueryFieldsRunConcurrently()
    {
        // Each resolver waits until both have started: executed one after another, they would never finish.
        var started = 0;
        var bothStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        async Task<string> Resolver(ResolveContext context)
        {
            if (Interlocked.Increment(ref started) == 2)
            {
                bothStarted.SetResult();
            }

            await bothStarted.Task.WaitAsync(TimeSpan.FromSeconds(5), context.CancellationToken);
            return context.Field.Name;
        }

        var executor = new GraphQLExecutor(new SchemaBuilder()
            .AddTypeDefinitions("type Query { a: String b: String }")
            .ResolveAsync("Query.a", Resolver)
            .ResolveAsync("Query.b", Resolver)
            .Build());
        Assert.Equal(Q("{'data':{'a':'a','b':'b'}}"), await Json(executor, "{ a b }"));
    }

    [Fact]
    public async Task MutationFieldsRunOneAfterAnother()
    {
        var probe = new TestSchema.Probe();
        var executor = new GraphQLExecutor(TestSchema.Build(probe));
        var json = await Json(executor, "mutation { first: append(text: \"1\") second: append(text: \"2\") third: append(text: \"3\") }");
        Assert.Equal(Q("{'data':{'first':['1'],'second':['1','2'],'third':['1','2','3']}}"), json);
    }

    [Fact]
    public async Task DataLoaderBatchesEveryKeyOfALevelIntoOneCall()
    {
        var probe = new TestSchema.Probe();
        var executor = new GraphQLExecutor(TestSchema.Build(probe));
        var json = await Json(executor, "{ proposals { author { name } votes { member { name } } } }");
        Assert.Equal(
            Q("{'data':{'proposals':[{'author':{'name':'Ada'},'votes':[{'member':{'name':'Grace'}},{'member':{'name':'Linus'}}]},{'author':{'name':'Grace'},'votes':[]},{'author':{'name':'Ada'},'votes':[]}]}}"),
            json);
        Assert.Equal(1, probe.MemberBatches);
        Assert.Equal(3, probe.MemberLoads);
    }

    [Fact]
    public async Task DataLoaderBatchesEachLevelOfANestedListOnce()
    {
        var probe = new TestSchema.Probe();
        var executor = new GraphQLExecutor(TestSchema.Build(probe));
        var json = await Json(executor, "{ members(first: 3) { delegates(first: 2) { name delegates(first: 2) { name } } } }");
        Assert.Equal(
            Q("{'data':{'members':[{'delegates':[{'name':'Grace','delegates':[{'name':'Linus'}]},{'name':'Linus','delegates':[]}]},{'delegates':[{'name':'Linus','delegates':[]}]},{'delegates':[]}]}}"),
            json);

        // Level one asks for m2 and m3; level two for m3 again, which the request's cache answers.
        Assert.Equal(1, probe.MemberBatches);
    }

    [Fact]
    public async Task DataLoaderLoadsAfterAnAwaitStillComplete()
    {
        var batches = 0;
        var executor = new GraphQLExecutor(new SchemaBuilder()
            .AddTypeDefinitions("type Query { a: Int b: Int }")
            .ResolveAsync("Query.a", Load)
            .ResolveAsync("Query.b", Load)
            .Build());
        Assert.Equal(Q("{'data':{'a':2,'b':2}}"), await Json(executor, "{ a b }"));
        Assert.InRange(batches, 1, 2);

        async Task<int> Load(ResolveContext context)
        {
            await Task.Delay(10, context.CancellationToken);
            var loader = context.DataLoader<int, int>("double", (keys, _) =>
            {
                Interlocked.Increment(ref batches);
                return Task.FromResult<IReadOnlyDictionary<int, int>>(keys.ToDictionary(k => k, k => k * 2));
            });
            return await loader.LoadAsync(1);
        }
    }

    [Fact]
    public async Task FailingBatchFailsEveryFieldThatAskedIt()
    {
        var executor = new GraphQLExecutor(new SchemaBuilder()
            .AddTypeDefinitions("type Query { a: Int b: Int }")
            .ResolveAsync("Query.a", Load)
            .ResolveAsync("Query.b", Load)
            .Build());
        var result = await Result(executor, "{ a b }");
        Assert.Equal([["a"], ["b"]], result.Errors.Select(e => e.Path!.Cast<string>().ToArray()).OrderBy(p => p[0]));

        static Task<int> Load(ResolveContext context) =>
            context.DataLoader<int, int>("broken", (_, _) => throw new InvalidOperationException("down")).LoadAsync(1);
    }

    [Fact]
    public async Task ExecutionTimeoutCancelsResolversAndReportsAnError()
    {
        var executor = new GraphQLExecutor(TestSchema.Build(), new ExecutorOptions { ExecutionTimeout = TimeSpan.FromMilliseconds(100) });
        var result = await Result(executor, "{ slow(ms: 10000) }");
        Assert.False(result.HasData);
        Assert.Equal("The request exceeded the configured execution timeout of 0.1 seconds.", Assert.Single(result.Errors).Message);
    }

    [Fact]
    public async Task CallerCancellationPropagates()
    {
        var executor = new GraphQLExecutor(TestSchema.Build());
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Result(executor, "{ slow(ms: 10000) }", cancellationToken: cancellation.Token));
    }

    [Fact]
    public async Task AsyncResultsStillComeBackInSelectionOrder()
    {
        var executor = new GraphQLExecutor(TestSchema.Build());
        Assert.Equal(Q("{'data':{'s':'done','now':'2026-11-21T23:20:00Z','t':'done'}}"), await Json(executor, "{ s: slow(ms: 30) now t: slow(ms: 1) }"));
    }
}

public class SharedPlanTests
{
    [Fact]
    public async Task ConcurrentRequestsForOneOperationAgreeWithASerialRun()
    {
        // Operations without variables share their collected fields across requests.
        var executor = new GraphQLExecutor(TestSchema.Build());
        const string query = "{ proposals { id author { name delegates { name } } } search(text: \"a\") { ... on Member { karma } ... on Proposal { status } } }";
        var expected = await Json(executor, query);
        var results = await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => Task.Run(() => Json(executor, query))));
        Assert.All(results, r => Assert.Equal(expected, r));
        Assert.Contains("Ada", expected, StringComparison.Ordinal);
    }
}
