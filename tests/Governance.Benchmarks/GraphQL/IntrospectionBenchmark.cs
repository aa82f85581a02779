using BenchmarkDotNet.Attributes;
using Governance.GraphQL.Execution;
using Governance.GraphQL.Tests.Fixtures;
using Governance.GraphQL.Tests.Introspection;

namespace Governance.Benchmarks.GraphQL;

/// <summary>
/// The full graphql-js introspection query against the engine's representative test schema,
/// in process: Prepare (a document cache hit after the first run, as in a server) plus
/// ExecuteAsync. Target: a median of at most 150 µs (issue 4).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[MinColumn]
[MaxColumn]
public class IntrospectionBenchmark
{
    private readonly GraphQLRequest _request = new(IntrospectionQuery.Full);
    private GraphQLExecutor _executor = null!;

    [GlobalSetup]
    public void Setup() => _executor = new GraphQLExecutor(TestSchema.Build());

    [Benchmark]
    public async Task<ExecutionResult> FullIntrospectionQuery()
    {
        var prepared = _executor.Prepare(_request);
        return await _executor.ExecuteAsync(prepared.Operation!, _request, null, CancellationToken.None);
    }

    /// <summary>The trivial query: what every request pays regardless of its work.</summary>
    [Benchmark]
    public async Task<ExecutionResult> Typename()
    {
        var request = new GraphQLRequest("{ __typename }");
        var prepared = _executor.Prepare(request);
        return await _executor.ExecuteAsync(prepared.Operation!, request, null, CancellationToken.None);
    }
}
