using Xunit.Abstractions;

namespace Governance.Api.Tests.Conformance;

/// <summary>
/// The proofs that hold for any schema, run by the reference tools from npm
/// (tests/conformance) against a server on a real port: graphql-http's server audits, and
/// graphql-js rebuilding the schema from our introspection and printing our SDL export. Each
/// script prints one line per check and exits non-zero on any failure; the output is shown
/// either way. Subclasses name the server, and add proofs of their own.
/// </summary>
public abstract class SchemaIndependentProofs(string httpUrl, ITestOutputHelper output)
{
    protected async Task<string> RunAsync(string script, string url)
    {
        var (exitCode, text) = await NodeScript.RunAsync(script, url);
        output.WriteLine(text);
        Assert.True(exitCode == 0, $"{script} reported failures:\n{text}");
        return text;
    }

    [Fact]
    public async Task EveryGraphQLOverHttpAuditOfGraphQLHttpIsOk()
    {
        var text = await RunAsync("audit.mjs", httpUrl);

        // The last line is {"total":N,"ok":N,"warn":0,"notice":0,"error":0}: warnings and notices fail too.
        var summary = System.Text.Json.JsonDocument.Parse(text.TrimEnd().Split('\n')[^1]).RootElement;
        var total = summary.GetProperty("total").GetInt32();
        Assert.True(total >= 61, $"graphql-http ran only {total} audits");
        Assert.Equal(total, summary.GetProperty("ok").GetInt32());
    }

    [Fact]
    public Task GraphQLJsRebuildsTheSchemaFromIntrospectionAndItEqualsTheSdlExport() => RunAsync("introspection.mjs", httpUrl);
}
