using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Governance.GraphQL.Execution;
using Governance.GraphQL.Types;

namespace Governance.GraphQL.Tests.Execution;

/// <summary>
/// Execution against graphql-js 16.15's own answers (GraphqlJs/expected.json, made by
/// GraphqlJs/generate.js) on the same SDL and data: null propagation, list and abstract
/// completion, variable coercion messages with their paths, @skip/@include, field merging.
/// Data, error messages, locations and paths must be identical.
/// </summary>
public class GraphqlJsParityTests
{
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string Read(string name, [CallerFilePath] string path = "") =>
        File.ReadAllText(Path.Combine(Path.GetDirectoryName(path)!, "GraphqlJs", name));

    private static object? FromJson(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().ToDictionary(p => p.Name, p => FromJson(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().Select(FromJson).ToList(),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.TryGetInt64(out var l) ? (object)l : element.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    /// <summary>One canonical shape for both engines: data (if present), then errors as message, locations, path.</summary>
    private static string Canonical(JsonNode? data, bool hasData, IEnumerable<(string Message, JsonNode? Locations, JsonNode? Path)> errors)
    {
        var result = new JsonObject();
        if (hasData)
        {
            result["data"] = data?.DeepClone();
        }

        result["errors"] = new JsonArray(errors.Select(e => (JsonNode)new JsonObject
        {
            ["message"] = e.Message,
            ["locations"] = e.Locations?.DeepClone(),
            ["path"] = e.Path?.DeepClone(),
        }).ToArray());
        return result.ToJsonString(Relaxed);
    }

    [Fact]
    public async Task ExecutionMatchesGraphqlJs()
    {
        var schema = new SchemaBuilder().AddTypeDefinitions(Read("schema.graphql")).BindDictionary("Query").BindDictionary("A").BindDictionary("B").Build();
        using var data = JsonDocument.Parse(Read("data.json"));
        var executor = new GraphQLExecutor(schema) { RootValue = FromJson(data.RootElement) };
        using var cases = JsonDocument.Parse(Read("queries.json"));
        using var expected = JsonDocument.Parse(Read("expected.json"));
        var index = 0;
        foreach (var (testCase, answer) in cases.RootElement.EnumerateArray().Zip(expected.RootElement.EnumerateArray()))
        {
            var variables = testCase.TryGetProperty("v", out var v) ? (IReadOnlyDictionary<string, object?>)FromJson(v)! : null;
            var result = await Fixtures.Run.Result(executor, testCase.GetProperty("q").GetString()!, variables);

            var theirs = JsonNode.Parse(answer.GetRawText())!.AsObject();
            var theirErrors = (theirs["errors"]?.AsArray() ?? []).Select(e => ((string)e!["message"]!, e["locations"], e["path"]));
            var ours = JsonNode.Parse(JsonSerializer.Serialize(result.Data, Relaxed));
            var ourErrors = result.Errors.Select(e => (
                e.Message,
                e.Locations is null ? null : JsonNode.Parse(JsonSerializer.Serialize(e.Locations.Select(l => new { line = l.Line, column = l.Column }))),
                e.Path is null ? null : JsonNode.Parse(JsonSerializer.Serialize(e.Path))));

            Assert.True(
                Canonical(theirs["data"], theirs.ContainsKey("data"), theirErrors) == Canonical(ours, result.HasData, ourErrors),
                $"case {index}: {testCase.GetRawText()}\n graphql-js: {Canonical(theirs["data"], theirs.ContainsKey("data"), theirErrors)}\n ours:       {Canonical(ours, result.HasData, ourErrors)}");
            index++;
        }

        Assert.Equal(60, index);
    }
}
