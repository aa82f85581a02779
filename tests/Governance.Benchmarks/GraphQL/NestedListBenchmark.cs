using BenchmarkDotNet.Attributes;
using Governance.GraphQL.Execution;
using Governance.GraphQL.Types;

namespace Governance.Benchmarks.GraphQL;

/// <summary>
/// A nested list of 10 × 10 objects with three scalar fields each, resolved from bound CLR
/// objects: the in-process half of issue 4's HTTP comparison with graphql-js.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[MinColumn]
[MaxColumn]
public class NestedListBenchmark
{
    private readonly GraphQLRequest _request = new("{ items { id name children { id name value } } }");
    private GraphQLExecutor _executor = null!;

    public sealed record Child(string Id, string Name, int Value);

    public sealed record Item(string Id, string Name, Child[] Children);

    [GlobalSetup]
    public void Setup()
    {
        var items = Enumerable.Range(0, 10)
            .Select(i => new Item($"i{i}", $"Item {i}", Enumerable.Range(0, 10).Select(j => new Child($"c{i}-{j}", $"Child {j}", j)).ToArray()))
            .ToArray();
        var schema = new SchemaBuilder()
            .AddTypeDefinitions("type Query { items: [Item!]! } type Item { id: ID! name: String! children: [Child!]! } type Child { id: ID! name: String! value: Int! }")
            .Resolve("Query.items", _ => items)
            .BindType<Item>("Item")
            .BindType<Child>("Child")
            .Build();
        _executor = new GraphQLExecutor(schema);
    }

    [Benchmark]
    public async Task<ExecutionResult> TenByTenObjects()
    {
        var prepared = _executor.Prepare(_request);
        return await _executor.ExecuteAsync(prepared.Operation!, _request, null, CancellationToken.None);
    }
}
