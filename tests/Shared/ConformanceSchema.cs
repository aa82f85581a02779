using System.Runtime.CompilerServices;
using Governance.GraphQL.Execution;
using Governance.GraphQL.Types;

namespace Governance.Tests.Shared;

/// <summary>
/// The engine over tests/conformance/schema.graphql, with the data of
/// tests/Governance.Benchmarks/peer/data.mjs (ten items of ten children): what the conformance
/// proofs run against and what the HTTP benchmark serves, so both measure the same thing as
/// the graphql-js peer. Linked into Governance.Api.Tests and Governance.Benchmarks.
/// </summary>
public static class ConformanceSchema
{
    public sealed record Item(string Id, string Name, string Color, IReadOnlyList<Child> Children, DateTimeOffset? CreatedAt);

    public sealed record Child(string Id, string Name, int Value);

    private static readonly string[] Colors = ["RED", "GREEN", "BLUE"];

    public static readonly IReadOnlyList<Item> Items = [.. Enumerable.Range(1, 10).Select(i => new Item(
        $"item-{i}",
        $"Item {i}",
        Colors[(i - 1) % 3],
        [.. Enumerable.Range(1, 10).Select(j => new Child($"child-{i}-{j}", $"Child {i}.{j}", (i * 10) + j))],
        new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)))];

    /// <summary>tests/conformance/schema.graphql, embedded by the projects that link this file.</summary>
    public static string Sdl { get; } = ReadEmbeddedSdl();

    public static GraphQLExecutor CreateExecutor(ExecutorOptions? options = null) => new(Build(), options);

    public static Schema Build() => new SchemaBuilder()
        .AddTypeDefinitions(Sdl)
        .AddScalar(new DateTimeScalarType())
        .Resolve("Query.hello", c => $"Hello, {c.Argument<string>("name")}!")
        .Resolve("Query.items", c =>
        {
            var page = c.Arguments.GetValueOrDefault("page") as IReadOnlyDictionary<string, object?>;
            var first = page?.GetValueOrDefault("first") as int? ?? 10;
            var offset = page?.GetValueOrDefault("offset") as int? ?? 0;
            return Items.Skip(offset).Take(first);
        })
        .Resolve("Query.item", c =>
        {
            var key = (IReadOnlyDictionary<string, object?>)c.Arguments["key"]!;
            return Items.FirstOrDefault(i => i.Id == key.GetValueOrDefault("id") as string || i.Name == key.GetValueOrDefault("name") as string);
        })
        .Resolve("Query.search", c =>
        {
            var text = c.Argument<string>("text")!;
            return Items.Cast<object>().Concat(Items.SelectMany(i => i.Children))
                .Where(x => (x is Item item ? item.Name : ((Child)x).Name).Contains(text, StringComparison.Ordinal));
        })
        .Resolve("Query.oldHello", _ => "Hello, world!")
        .Resolve("Mutation.echo", c => c.Argument<string>("text"))
        .Subscribe("Subscription.count", c => Count(c.Argument<int>("to"), c.CancellationToken))
        .Subscribe("Subscription.ticks", c => Ticks(c.Argument<int?>("intervalMs") ?? 50, c.CancellationToken))
        .BindType<Item>("Item")
        .BindType<Child>("Child")
        .Build();

    private static async IAsyncEnumerable<int> Count(int to, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var i = 1; i <= to; i++)
        {
            await Task.Yield();
            cancellationToken.ThrowIfCancellationRequested();
            yield return i;
        }
    }

    private static async IAsyncEnumerable<int> Ticks(int intervalMs, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var i = 1; ; i++)
        {
            yield return i;
            await Task.Delay(intervalMs, cancellationToken);
        }
    }

    private static string ReadEmbeddedSdl()
    {
        using var stream = typeof(ConformanceSchema).Assembly.GetManifestResourceStream("conformance-schema.graphql")
            ?? throw new InvalidOperationException("Embed tests/conformance/schema.graphql as conformance-schema.graphql.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
