using Governance.GraphQL.Execution;
using Governance.GraphQL.Tests.Fixtures;

namespace Governance.GraphQL.Tests.Execution;

public class SubscriptionTests
{
    private readonly GraphQLExecutor _executor = new(TestSchema.Build());

    private async Task<List<string>> Collect(string query, IReadOnlyDictionary<string, object?>? variables = null)
    {
        var request = new GraphQLRequest(query, null, variables);
        var prepared = _executor.Prepare(request);
        Assert.True(prepared.Succeeded);
        Assert.Equal(OperationType.Subscription, prepared.Operation!.OperationType);
        var results = new List<string>();
        await foreach (var result in _executor.SubscribeAsync(prepared.Operation, request, null, CancellationToken.None))
        {
            results.Add(Run.ToJson(result));
        }

        return results;
    }

    [Fact]
    public async Task EachSourceEventBecomesAResponse()
    {
        var results = await Collect("subscription ($p: ID!) { voteCast(proposalId: $p) { choice member { name } proposal { title } } }", new Dictionary<string, object?> { ["p"] = "p1" });
        Assert.Equal(
            [
                Run.Q("{'data':{'voteCast':{'choice':'YES','member':{'name':'Grace'},'proposal':{'title':'Open the garden'}}}}"),
                Run.Q("{'data':{'voteCast':{'choice':'NO','member':{'name':'Grace'},'proposal':{'title':'Open the garden'}}}}"),
                Run.Q("{'data':{'voteCast':{'choice':'ABSTAIN','member':{'name':'Grace'},'proposal':{'title':'Open the garden'}}}}"),
            ],
            results);
    }

    [Fact]
    public async Task InvalidVariablesEndTheStreamWithOneRequestError()
    {
        var results = await Collect("subscription ($p: ID!) { voteCast(proposalId: $p) { choice } }");
        Assert.Equal([Run.Q("{'errors':[{'message':'Variable \\u0022$p\\u0022 of required type \\u0022ID!\\u0022 was not provided.','locations':[{'line':1,'column':15}]}]}")], results);
    }

    [Fact]
    public async Task CancellingStopsTheStream()
    {
        var request = new GraphQLRequest("subscription { voteCast(proposalId: \"p1\") { choice } }");
        var prepared = _executor.Prepare(request);
        using var cancellation = new CancellationTokenSource();
        var received = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in _executor.SubscribeAsync(prepared.Operation!, request, null, cancellation.Token))
            {
                received++;
                await cancellation.CancelAsync();
            }
        });
        Assert.Equal(1, received);
    }

    [Fact]
    public async Task ExecuteAsyncRefusesSubscriptions()
    {
        var request = new GraphQLRequest("subscription { voteCast(proposalId: \"p1\") { choice } }");
        var result = await _executor.ExecuteAsync(_executor.Prepare(request).Operation!, request, null, CancellationToken.None);
        Assert.False(result.HasData);
    }
}

public class FailingSubscriptionTests
{
    private static async IAsyncEnumerable<int> FailAfterOne()
    {
        await Task.Yield();
        yield return 1;
        throw new InvalidOperationException("broker password leaked");
    }

    [Fact]
    public async Task AFailingSourceStreamEndsWithOneMaskedError()
    {
        var executor = new GraphQLExecutor(new Governance.GraphQL.Types.SchemaBuilder()
            .AddTypeDefinitions("type Query { a: Int } type Subscription { tick: Int }")
            .Resolve("Query.a", _ => 1)
            .Subscribe("Subscription.tick", _ => FailAfterOne())
            .Build());
        var request = new GraphQLRequest("subscription { tick }");
        var results = new List<string>();
        await foreach (var result in executor.SubscribeAsync(executor.Prepare(request).Operation!, request, null, CancellationToken.None))
        {
            results.Add(Run.ToJson(result));
        }

        Assert.Equal([Run.Q("{'data':{'tick':1}}"), Run.Q("{'errors':[{'message':'Unexpected Execution Error'}]}")], results);
    }
}

public class SubscriptionEventTests
{
    private static async IAsyncEnumerable<object> Events()
    {
        await Task.Yield();
        yield return new SubscriptionEvent(1, new Dictionary<string, object?> { ["publishedAt"] = "2026-11-22T04:00:00.000Z" });
        yield return 2;
        yield return new SubscriptionEvent(null, new Dictionary<string, object?> { ["publishedAt"] = "2026-11-22T04:00:01.000Z" });
    }

    [Fact]
    public async Task AnEventsExtensionsGoIntoItsResponseAndItsValueIsTheRootValue()
    {
        var executor = new GraphQLExecutor(new Governance.GraphQL.Types.SchemaBuilder()
            .AddTypeDefinitions("type Query { a: Int } type Subscription { tick: Int }")
            .Resolve("Query.a", _ => 1)
            .Subscribe("Subscription.tick", _ => Events())
            .Build());
        var request = new GraphQLRequest("subscription { tick }");
        var results = new List<string>();
        await foreach (var result in executor.SubscribeAsync(executor.Prepare(request).Operation!, request, null, CancellationToken.None))
        {
            // The transports' writer (graphql-ws "next" payloads and SSE events use it).
            var buffer = new System.Buffers.ArrayBufferWriter<byte>();
            using (var writer = new System.Text.Json.Utf8JsonWriter(buffer))
            {
                Governance.GraphQL.Http.GraphQLResponseWriter.Write(writer, result);
            }

            results.Add(System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan));
        }

        Assert.Equal(
            [
                Run.Q("{'data':{'tick':1},'extensions':{'publishedAt':'2026-11-22T04:00:00.000Z'}}"),
                Run.Q("{'data':{'tick':2}}"),
                Run.Q("{'data':{'tick':null},'extensions':{'publishedAt':'2026-11-22T04:00:01.000Z'}}"),
            ],
            results);
    }
}
