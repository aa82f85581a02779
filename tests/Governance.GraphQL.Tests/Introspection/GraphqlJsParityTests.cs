using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using Governance.GraphQL.Execution;
using Governance.GraphQL.Tests.Fixtures;

namespace Governance.GraphQL.Tests.Introspection;

/// <summary>
/// Our introspection and SDL export against graphql-js 16.15's own answers for the same SDL
/// (GraphqlJs/expected-*, made by GraphqlJs/generate.js): byte for byte, order included, so
/// buildClientSchema and printSchema on a client see exactly what graphql-js would serve.
/// </summary>
public class GraphqlJsParityTests
{
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string Folder([CallerFilePath] string path = "") => Path.Combine(Path.GetDirectoryName(path)!, "GraphqlJs");

    [Fact]
    public void TheFixtureSdlIsTheOneGraphqlJsWasGivenTo() =>
        Assert.Equal(TestSchema.Sdl, File.ReadAllText(Path.Combine(Folder(), "test-schema.graphql")));

    [Fact]
    public async Task IntrospectionMatchesGraphqlJs()
    {
        var executor = new GraphQLExecutor(TestSchema.Build());
        var result = await Run.Result(executor, IntrospectionQuery.Full);
        Assert.Empty(result.Errors);
        using var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder(), "expected-introspection.json")));
        Assert.Equal(JsonSerializer.Serialize(expected.RootElement, Relaxed), JsonSerializer.Serialize(result.Data, Relaxed));
    }

    [Fact]
    public void SdlExportMatchesGraphqlJsPrintSchema() =>
        Assert.Equal(File.ReadAllText(Path.Combine(Folder(), "expected-schema.graphql")).TrimEnd('\n'), TestSchema.Build().Print());
}
