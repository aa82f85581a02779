using Xunit.Abstractions;

namespace Governance.Api.Tests.Conformance;

/// <summary>
/// The proofs of issue 4, run against the real engine on a real port by the reference tools
/// from npm (tests/conformance). Each script prints one line per check and exits non-zero on
/// any failure; the output is shown here either way.
/// </summary>
public sealed class ConformanceTests(ConformanceServer server, ITestOutputHelper output) : IClassFixture<ConformanceServer>
{
    private async Task<string> RunAsync(string script, string url)
    {
        var (exitCode, text) = await NodeScript.RunAsync(script, url);
        output.WriteLine(text);
        Assert.True(exitCode == 0, $"{script} reported failures:\n{text}");
        return text;
    }

    [Fact]
    public async Task EveryGraphQLOverHttpAuditOfGraphQLHttpIsOk()
    {
        var text = await RunAsync("audit.mjs", server.HttpUrl);

        // The last line is {"total":N,"ok":N,"warn":0,"notice":0,"error":0}: warnings and notices fail too.
        var summary = System.Text.Json.JsonDocument.Parse(text.TrimEnd().Split('\n')[^1]).RootElement;
        var total = summary.GetProperty("total").GetInt32();
        Assert.True(total >= 61, $"graphql-http ran only {total} audits");
        Assert.Equal(total, summary.GetProperty("ok").GetInt32());
    }

    [Fact]
    public Task GraphQLWsClientSubscribesAndReceivesEveryEvent() => RunAsync("ws-client.mjs", server.WebSocketUrl);

    [Fact]
    public Task GraphQLSseClientReceivesSubscriptionsAsServerSentEvents() => RunAsync("sse-client.mjs", server.HttpUrl);

    [Fact]
    public Task EveryGraphQLTransportWsCloseCodeAndPingPongBehaveAsSpecified() => RunAsync("ws-close-codes.mjs", server.WebSocketUrl);

    [Fact]
    public Task GraphQLJsRebuildsOurSchemaFromIntrospectionAndItEqualsTheSdlExport() => RunAsync("introspection.mjs", server.HttpUrl);
}
