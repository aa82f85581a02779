using Xunit.Abstractions;

namespace Governance.Api.Tests.Conformance;

/// <summary>
/// Issue 6: "the conformance checks of the engine issue pass against this schema too". The
/// schema-independent proofs — graphql-http's server audits and graphql-js's round trip of
/// introspection and SDL — run against the governance schema. (The WebSocket and SSE scripts
/// subscribe to the conformance schema's own fields, so they run in ConformanceTests only.)
/// </summary>
public sealed class GovernanceSchemaConformanceTests(GovernanceConformanceServer server, ITestOutputHelper output) : IClassFixture<GovernanceConformanceServer>
{
    private async Task<string> RunAsync(string script, string url)
    {
        var (exitCode, text) = await NodeScript.RunAsync(script, url);
        output.WriteLine(text);
        Assert.True(exitCode == 0, $"{script} reported failures:\n{text}");
        return text;
    }

    [Fact]
    public async Task EveryGraphQLOverHttpAuditIsOkAgainstTheGovernanceSchema()
    {
        var text = await RunAsync("audit.mjs", server.HttpUrl);

        var summary = System.Text.Json.JsonDocument.Parse(text.TrimEnd().Split('\n')[^1]).RootElement;
        var total = summary.GetProperty("total").GetInt32();
        Assert.True(total >= 61, $"graphql-http ran only {total} audits");
        Assert.Equal(total, summary.GetProperty("ok").GetInt32());
    }

    [Fact]
    public Task GraphQLJsRebuildsTheGovernanceSchemaFromIntrospectionAndItEqualsTheSdlExport() => RunAsync("introspection.mjs", server.HttpUrl);
}
