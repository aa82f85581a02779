using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Governance.GraphQL.Tests.Differential;

/// <summary>
/// The differential suite's files (tests/differential) and graphql-js 16's outcomes for its
/// corpus, computed live: node runs once per test run over the whole corpus.
/// </summary>
internal static class DifferentialSuite
{
    private static readonly Lazy<string> LazyDirectory = new(FindDirectory);
    private static readonly Lazy<IReadOnlyList<CorpusCase>> LazyCorpus = new(LoadCorpus);
    private static readonly Lazy<IReadOnlyDictionary<string, ReferenceOutcome>> LazyReference = new(() => RunReference(null));

    public static string Directory => LazyDirectory.Value;

    public static string SchemaSdl => File.ReadAllText(Path.Combine(Directory, "schema.graphql"));

    public static string DataJson => File.ReadAllText(Path.Combine(Directory, "data.json"));

    public static IReadOnlyList<CorpusCase> Corpus => LazyCorpus.Value;

    public static IReadOnlyDictionary<string, ReferenceOutcome> Reference => LazyReference.Value;

    public static CorpusCase Case(string name) => Corpus.Single(c => c.Name == name);

    private static string FindDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "differential");
            if (File.Exists(Path.Combine(candidate, "package.json")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("tests/differential not found above " + AppContext.BaseDirectory);
    }

    private static List<CorpusCase> LoadCorpus()
    {
        var array = JsonNode.Parse(File.ReadAllText(Path.Combine(Directory, "corpus.json")))!.AsArray();
        return array.Select(node => new CorpusCase(
            (string)node!["name"]!,
            (string)node["query"]!,
            node["variables"]?.AsObject(),
            (string?)node["operationName"],
            (string)node["expect"]!)).ToList();
    }

    /// <summary>graphql-js's outcomes for a corpus file (the suite's own when null), by case name.</summary>
    public static Dictionary<string, ReferenceOutcome> RunReference(string? corpusPath)
    {
        if (!System.IO.Directory.Exists(Path.Combine(Directory, "node_modules", "graphql")))
        {
            throw new InvalidOperationException(
                $"graphql-js is not installed for the differential suite: run `npm ci` in {Directory} first.");
        }

        var start = new ProcessStartInfo("node", corpusPath is null ? ["run-reference.js"] : ["run-reference.js", corpusPath])
        {
            WorkingDirectory = Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        Process? started;
        try
        {
            started = Process.Start(start);
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            throw new InvalidOperationException("The differential suite needs Node.js (node on PATH) to run graphql-js.", exception);
        }

        using var process = started ?? throw new InvalidOperationException("Could not start node.");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"node run-reference.js failed ({process.ExitCode}): {stderr.Result}");
        }

        var outcomes = JsonNode.Parse(stdout)!.AsArray();
        return outcomes.ToDictionary(o => (string)o!["name"]!, o => new ReferenceOutcome(
            (bool)o!["valid"]!,
            (string)o["phase"]!,
            (bool)o["hasData"]!,
            o["data"],
            o["errors"]!.AsArray().Select(e => new ErrorShape(
                e!["path"] is JsonArray path ? path.Select(p => p!.GetValueKind() == JsonValueKind.Number ? (object)(int)p : (string)p!).ToList() : null,
                e["locations"]!.AsArray().Select(l => ((int)l!["line"]!, (int)l["column"]!)).ToList())).ToList()));
    }
}

internal sealed record CorpusCase(string Name, string Query, JsonObject? Variables, string? OperationName, string Expect);

internal sealed record ReferenceOutcome(bool Valid, string Phase, bool HasData, JsonNode? Data, IReadOnlyList<ErrorShape> Errors);

/// <summary>An error as the suite compares it: path and locations, not the message.</summary>
internal sealed record ErrorShape(IReadOnlyList<object>? Path, IReadOnlyList<(int Line, int Column)> Locations)
{
    public string Describe() =>
        (Path is null ? "-" : string.Join(".", Path)) + " @ " + string.Join(" ", Locations.Select(l => $"{l.Line}:{l.Column}"));
}
