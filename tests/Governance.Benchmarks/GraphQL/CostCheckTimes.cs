using System.Diagnostics;
using System.Globalization;
using Governance.GraphQL.Execution;
using Governance.GraphQL.Types;

namespace Governance.Benchmarks.GraphQL;

/// <summary>
/// What the list-aware cost check adds to a request (issue 20: ≤ 5 %), measured A/B in one run
/// with the rounds interleaved so load drifts hit both sides alike. A: a request as the server
/// runs it (prepared document from the cache; the check's result is kept per document and
/// slicing-variable values, so it is a lookup). B: the same request plus a full, uncached walk
/// of the check (<see cref="GraphQLExecutor.MeasureCost"/>), which is what a document the server has
/// not seen pays once. B − A is the walk; its share of A bounds what the check can add.
/// </summary>
public static class CostCheckTimes
{
    private sealed record Child(string Id, string Name, int Value);

    private sealed record Item(string Id, string Name, Child[] Children);

    public static int Run(int rounds = 31, int perRound = 2_000)
    {
        var items = Enumerable.Range(0, 50)
            .Select(i => new Item($"i{i}", $"Item {i}", Enumerable.Range(0, 20).Select(j => new Child($"c{i}-{j}", $"Child {j}", j)).ToArray()))
            .ToArray();
        var schema = new SchemaBuilder()
            .AddTypeDefinitions("""
                directive @cost(weight: String!) on FIELD_DEFINITION
                directive @listSize(assumedSize: Int, slicingArguments: [String!], sizedFields: [String!], requireOneSlicingArgument: Boolean = false) on FIELD_DEFINITION
                type Query {
                  items(first: Int): [Item!]! @listSize(assumedSize: 50, slicingArguments: ["first"]) @cost(weight: "10")
                }
                type Item { id: ID! name: String! children(first: Int): [Child!]! @listSize(assumedSize: 20, slicingArguments: ["first"]) }
                type Child { id: ID! name: String! value: Int! @cost(weight: "2") }
                """)
            .Resolve("Query.items", c => items.Take(c.Argument<int?>("first") ?? 50).ToArray())
            .Resolve("Item.children", c => c.ParentAs<Item>().Children.Take(c.Argument<int?>("first") ?? 20).ToArray())
            .BindType<Item>("Item")
            .BindType<Child>("Child")
            .Build();
        var executor = new GraphQLExecutor(schema, new ExecutorOptions { MaxCost = 100_000 });
        var cases = new (string Name, GraphQLRequest Request)[]
        {
            ("10 × 10 (literal sizes)", new GraphQLRequest("{ items(first: 10) { id name children(first: 10) { id name value } } }")),
            ("variables, 20 × 20", new GraphQLRequest(
                "query($a: Int, $b: Int) { items(first: $a) { id name children(first: $b) { id name value } } }",
                Variables: new Dictionary<string, object?> { ["a"] = 20L, ["b"] = 20L })),
            ("fragments, 5 × 5", new GraphQLRequest(
                "query { items(first: 5) { ...I children(first: 5) { ...C } } } fragment I on Item { id name } fragment C on Child { id name value }")),
        };

        Console.WriteLine($"cost check A/B: {rounds} interleaved rounds of {perRound} requests per side, load {Load()}");
        Console.WriteLine("| Request | A: as served, median CPU µs (min – max) | B: + uncached walk, median CPU µs (min – max) | walk = B − A | share of A |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var (name, request) in cases)
        {
            // Warm-up: JIT, the document cache and the per-document check.
            for (var i = 0; i < perRound; i++)
            {
                Once(executor, request, walk: i % 2 == 0);
            }

            var a = new List<double>();
            var b = new List<double>();
            for (var round = 0; round < rounds; round++)
            {
                foreach (var walk in round % 2 == 0 ? new[] { false, true } : [true, false])
                {
                    // Process CPU time, not wall time: on a shared machine the wait for a core would
                    // otherwise swamp a difference of a few per cent.
                    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                    for (var i = 0; i < perRound; i++)
                    {
                        Once(executor, request, walk);
                    }

                    (walk ? b : a).Add((Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMicroseconds / perRound);
                }
            }

            var (ma, mb) = (Median(a), Median(b));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {ma:F1} ({a.Min():F1} – {a.Max():F1}) | {mb:F1} ({b.Min():F1} – {b.Max():F1}) | {mb - ma:F2} | {(mb - ma) / ma:P1} |"));
        }

        return 0;
    }

    private static void Once(GraphQLExecutor executor, GraphQLRequest request, bool walk)
    {
        if (walk && executor.MeasureCost(request) is null)
        {
            throw new InvalidOperationException("the request did not validate");
        }

        var prepared = executor.Prepare(request);
        var result = executor.ExecuteAsync(prepared.Operation!, request, null, CancellationToken.None).GetAwaiter().GetResult();
        if (result.Errors.Count > 0)
        {
            throw new InvalidOperationException(result.Errors[0].Message);
        }
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string Load() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
}
