using Xunit.Abstractions;

namespace Governance.Api.Tests.Conformance;

/// <summary>
/// The proofs of issue 4, run against the real engine on a real port by the reference tools
/// from npm (tests/conformance). Each script prints one line per check and exits non-zero on
/// any failure; the output is shown here either way.
/// </summary>
public sealed class ConformanceTests(ConformanceServer server, ITestOutputHelper output)
    : SchemaIndependentProofs(server.HttpUrl, output), IClassFixture<ConformanceServer>
{
    [Fact]
    public Task GraphQLWsClientSubscribesAndReceivesEveryEvent() => RunAsync("ws-client.mjs", server.WebSocketUrl);

    [Fact]
    public Task GraphQLSseClientReceivesSubscriptionsAsServerSentEvents() => RunAsync("sse-client.mjs", server.HttpUrl);

    [Fact]
    public Task EveryGraphQLTransportWsCloseCodeAndPingPongBehaveAsSpecified() => RunAsync("ws-close-codes.mjs", server.WebSocketUrl);
}
