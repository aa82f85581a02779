using System.Text.Json;
using Governance.GraphQL.Errors;
using Governance.GraphQL.Execution;
using Governance.GraphQL.Types;

namespace Governance.GraphQL.Tests.Execution;

/// <summary>
/// The executor (concurrent resolvers, a completion queue, a result tree that nulls parents
/// after the fact) against a slow, obviously correct reference: a synchronous recursive
/// transcription of ExecuteSelectionSet/CompleteValue where a null in a non-null position is
/// an exception caught by the nearest nullable field — which, as in graphql-js, also stops
/// the siblings that have not run yet. With synchronous resolvers data and error paths must
/// be equal; with asynchronous ones siblings already started still report their errors, so
/// the engine's errors must include the reference's and the data must be equal.
/// </summary>
public class ReferenceExecutionTests
{
    private const string Sdl = """
        type Query { root: Node }
        type Node { id: Int nn: Int! child: Node nnChild: Node! list: [Node] nnList: [Node!]! }
        """;

    private static readonly string[] Fields = ["id", "nn", "child", "nnChild", "list", "nnList"];

    private static readonly object Boom = new();

    [ThreadStatic]
    private static int AsyncShare;

    private sealed class NullBubble : Exception
    {
    }

    private static Dictionary<string, object?> RandomNode(Random random, int depth)
    {
        object? Scalar() => random.Next(6) switch { 0 => null, 1 => Boom, _ => random.Next(100) };
        object? Node() => depth > 3 || random.Next(5) == 0 ? null : random.Next(12) == 0 ? Boom : RandomNode(random, depth + 1);
        // Items come from the list's resolver, so an item is a node or null, never a failure of its own.
        object? List() => random.Next(6) == 0 ? null : Enumerable.Range(0, random.Next(3)).Select(_ => Node() is Dictionary<string, object?> n ? n : null).ToList<object?>();
        return new Dictionary<string, object?>
        {
            ["id"] = Scalar(),
            ["nn"] = Scalar(),
            ["child"] = Node(),
            ["nnChild"] = Node(),
            ["list"] = List(),
            ["nnList"] = List(),
            ["async"] = AsyncShare > 0 && random.Next(AsyncShare) == 0,
        };
    }

    private sealed record Selection(string Alias, string Field, List<Selection> Children);

    private static List<Selection> RandomSelections(Random random, int depth)
    {
        var count = 1 + random.Next(3);
        var selections = new List<Selection>();
        for (var i = 0; i < count; i++)
        {
            var field = Fields[random.Next(depth > 3 ? 2 : Fields.Length)];
            var children = field is "id" or "nn" ? [] : RandomSelections(random, depth + 1);
            selections.Add(new Selection($"{field}{i}", field, children));
        }

        return selections;
    }

    private static string Print(List<Selection> selections) =>
        "{ " + string.Join(" ", selections.Select(s => $"{s.Alias}: {s.Field}" + (s.Children.Count > 0 ? " " + Print(s.Children) : ""))) + " }";

    private static bool IsNonNull(string field) => field is "nn" or "nnChild" or "nnList";

    private static Dictionary<string, object?> ReferenceObject(Dictionary<string, object?> node, List<Selection> selections, string path, List<string> errors)
    {
        var result = new Dictionary<string, object?>();
        foreach (var selection in selections)
        {
            var fieldPath = path + "/" + selection.Alias;
            try
            {
                result[selection.Alias] = ReferenceField(node[selection.Field], selection, fieldPath, errors);
            }
            catch (NullBubble) when (!IsNonNull(selection.Field))
            {
                result[selection.Alias] = null;
            }
        }

        return result;
    }

    private static object? ReferenceField(object? value, Selection selection, string path, List<string> errors)
    {
        if (value == Boom)
        {
            errors.Add(path);
            return IsNonNull(selection.Field) ? throw new NullBubble() : null;
        }

        if (value is null)
        {
            if (IsNonNull(selection.Field))
            {
                errors.Add(path);
                throw new NullBubble();
            }

            return null;
        }

        switch (selection.Field)
        {
            case "id" or "nn":
                return value;
            case "child" or "nnChild":
                return ReferenceObject((Dictionary<string, object?>)value, selection.Children, path, errors);
            default:
                var items = new List<object?>();
                var list = (List<object?>)value;
                for (var i = 0; i < list.Count; i++)
                {
                    var itemPath = path + "/" + i;
                    if (list[i] is null)
                    {
                        if (selection.Field == "nnList")
                        {
                            errors.Add(itemPath);
                            throw new NullBubble();
                        }

                        items.Add(null);
                        continue;
                    }

                    try
                    {
                        items.Add(ReferenceObject((Dictionary<string, object?>)list[i]!, selection.Children, itemPath, errors));
                    }
                    catch (NullBubble) when (selection.Field == "list")
                    {
                        items.Add(null);
                    }
                }

                return items;
        }
    }

    private static GraphQLExecutor Executor(Dictionary<string, object?> root)
    {
        var builder = new SchemaBuilder().AddTypeDefinitions(Sdl).Resolve("Query.root", _ => root);
        foreach (var field in Fields)
        {
            builder.Resolve("Node." + field, context =>
            {
                var node = (Dictionary<string, object?>)context.Parent!;
                return node["async"] is true ? Later(node[field]) : Now(node[field]);
            });
        }

        return new GraphQLExecutor(builder.Build(), new ExecutorOptions { MaxCost = int.MaxValue });

        static ValueTask<object?> Now(object? value) =>
            value == Boom ? throw new GraphQLException("boom") : new ValueTask<object?>(value);

        static async ValueTask<object?> Later(object? value)
        {
            await Task.Yield();
            return value == Boom ? throw new GraphQLException("boom") : value;
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public async Task ExecutorAgreesWithTheReferenceOnRandomDataAndQueries(int asyncShare)
    {
        var random = new Random(2026 + asyncShare);
        for (var n = 0; n < 300; n++)
        {
            AsyncShare = asyncShare;
            var root = RandomNode(random, 0);
            var selections = RandomSelections(random, 0);
            var query = "{ root " + Print(selections) + " }";

            var errors = new List<string>();
            object? expectedRoot;
            try
            {
                expectedRoot = ReferenceObject(root, selections, "/root", errors);
            }
            catch (NullBubble)
            {
                expectedRoot = null;
            }

            var request = new GraphQLRequest(query);
            var result = await Executor(root).ExecuteAsync(Executor(root).Prepare(request).Operation!, request, null, CancellationToken.None);
            var actualErrors = result.Errors.Select(e => "/" + string.Join("/", e.Path!)).Order(StringComparer.Ordinal).ToList();
            var expectedErrors = errors.Order(StringComparer.Ordinal).ToList();

            Assert.True(
                JsonSerializer.Serialize(new Dictionary<string, object?> { ["root"] = expectedRoot }) == JsonSerializer.Serialize(result.Data),
                $"data differs for {query}\nexpected {JsonSerializer.Serialize(expectedRoot)}\nactual   {JsonSerializer.Serialize(result.Data)}");
            var errorsAgree = asyncShare == 0 ? expectedErrors.SequenceEqual(actualErrors) : expectedErrors.All(actualErrors.Contains);
            Assert.True(errorsAgree, $"errors differ for {query}\nexpected {string.Join(",", expectedErrors)}\nactual   {string.Join(",", actualErrors)}");
        }
    }
}
