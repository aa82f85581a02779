using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Dapper;
using Governance.Api.Schema;
using Governance.Core.Clock;
using Governance.Core.Policies;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Api.Tests.Schema;

/// <summary>
/// Proposal.ballots under each privacy policy (DESIGN §5) × reader × phase: while voting, only
/// the voter a reader's own weight reaches; after close, everyone (public) or the delegates
/// (delegates-public); under aggregate nothing, on any read path: the GraphQL query, the REST
/// export, and the subscription path (<c>proposalChanged</c> over the real graphql-transport-ws
/// WebSocket, each reader with their own token, and over Server-Sent Events, each reader with
/// their own session).
/// </summary>
public sealed class BallotPrivacyTests(SchemaFixture fixture) : IClassFixture<SchemaFixture>
{
    private const string Ballots = "query($p: ID!) { proposal(id: $p) { ballots(first: 50) { totalCount nodes { voter { handle } choice weight carriesMyVote } } } }";
    private const string Vote = "mutation($p: ID!, $c: VoteChoice!) { vote(input: { proposal: $p, choice: $c }) { errors { __typename } } }";

    private sealed record Cast(Actor Delegate, Actor Delegator, Actor Solo, Actor Outsider, string Proposal, long Id);

    /// <summary>
    /// A voting proposal under <paramref name="privacy"/>: the delegate votes yes carrying the
    /// delegator, the solo voter votes no for themselves, the outsider neither votes nor delegates.
    /// </summary>
    private async Task<Cast> VotingAsync(VotePrivacy privacy, string test)
    {
        var tag = $"{test}-{privacy.ToString().ToLowerInvariant()[..4]}";
        var carrier = await fixture.MemberAsync($"bp-{tag}-delegate");
        var delegator = await fixture.MemberAsync($"bp-{tag}-delegator");
        var solo = await fixture.MemberAsync($"bp-{tag}-solo");
        var outsider = await fixture.MemberAsync($"bp-{tag}-outsider");
        var proposal = (await carrier.DataAsync("mutation($a: ID!) { propose(input: { area: $a, title: \"Ballots\", body: \"b\" }) { proposal { id } } }",
            new { a = SchemaFixture.Id("Area", fixture.RootArea()) })).GetProperty("propose").GetProperty("proposal").GetProperty("id").GetString()!;
        Assert.True(Governance.GraphQL.Relay.GlobalId.TryDecode(proposal, out _, out var local));
        var id = long.Parse(local, System.Globalization.CultureInfo.InvariantCulture);
        using (var connection = fixture.Database.Open())
        {
            connection.Execute("UPDATE proposals SET status = 'voting', voting_starts_at = @start, voting_ends_at = @end, policy_json = @policy WHERE id = @id", new
            {
                id,
                start = DateTimeOffset.UtcNow.AddDays(-1).ToUnixTimeMilliseconds(),
                end = DateTimeOffset.UtcNow.AddDays(1).ToUnixTimeMilliseconds(),
                policy = (new PolicyValues { Privacy = privacy }).ToJson(),
            });
        }

        var delegated = await delegator.DataAsync("mutation($p: ID!, $d: [ID!]!) { delegate(input: { scope: { proposal: $p }, delegates: $d }) { errors { __typename } } }",
            new { p = proposal, d = new[] { SchemaFixture.Id("Member", carrier.MemberId!.Value) } });
        Assert.Equal(JsonValueKind.Null, delegated.GetProperty("delegate").GetProperty("errors").ValueKind);
        await carrier.DataAsync(Vote, new { p = proposal, c = "YES" });
        await solo.DataAsync(Vote, new { p = proposal, c = "NO" });
        return new Cast(carrier, delegator, solo, outsider, proposal, id);
    }

    private void Close(Cast cast)
    {
        using (var connection = fixture.Database.Open())
        {
            connection.Execute("UPDATE proposals SET voting_ends_at = @end WHERE id = @id", new { id = cast.Id, end = fixture.Factory.Services.GetRequiredService<TimeProvider>().GetUtcNow().ToUnixTimeMilliseconds() });
        }

        Assert.Equal(1, fixture.Factory.Services.GetRequiredService<GovernanceClock>().RunDue(fixture.Factory.Services.GetRequiredService<TimeProvider>().GetUtcNow().AddSeconds(1)).VotingClosed);
    }

    private static async Task<List<(string Handle, string Choice, double? Weight, bool CarriesMe)>> SeenByAsync(Actor reader, string proposal)
    {
        var ballots = (await reader.DataAsync(Ballots, new { p = proposal })).GetProperty("proposal").GetProperty("ballots");
        var nodes = ballots.GetProperty("nodes").EnumerateArray().Select(b => (
            b.GetProperty("voter").GetProperty("handle").GetString()!,
            b.GetProperty("choice").GetString()!,
            b.GetProperty("weight").ValueKind == JsonValueKind.Null ? (double?)null : b.GetProperty("weight").GetDouble(),
            b.GetProperty("carriesMyVote").GetBoolean())).ToList();
        Assert.Equal(nodes.Count, ballots.GetProperty("totalCount").GetInt32());
        return nodes;
    }

    [Theory]
    [InlineData(VotePrivacy.Public)]
    [InlineData(VotePrivacy.DelegatesPublic)]
    public async Task WhileVotingOnlyTheMemberWhoseWeightReachesAVoterSeesThatBallot(VotePrivacy privacy)
    {
        var cast = await VotingAsync(privacy, "during");

        var delegator = await SeenByAsync(cast.Delegator, cast.Proposal);
        Assert.Equal([(cast.Delegate.Name, "YES", (double?)null, true)], delegator);
        foreach (var reader in new[] { cast.Delegate, cast.Solo, cast.Outsider, fixture.Anonymous })
        {
            Assert.Empty(await SeenByAsync(reader, cast.Proposal));
        }
    }

    [Fact]
    public async Task AfterClosePublicShowsEveryBallotToEveryone()
    {
        var cast = await VotingAsync(VotePrivacy.Public, "after");
        Close(cast);

        foreach (var reader in new[] { cast.Delegator, cast.Outsider, fixture.Anonymous })
        {
            var seen = await SeenByAsync(reader, cast.Proposal);
            Assert.Equal(
                [(cast.Delegate.Name, "YES", 2.0, reader == cast.Delegator), (cast.Solo.Name, "NO", 1.0, false)],
                seen.OrderBy(b => b.Handle == cast.Solo.Name).Select(b => (b.Handle, b.Choice, b.Weight, b.CarriesMe)));
        }
    }

    [Fact]
    public async Task AfterCloseDelegatesPublicShowsOnlyTheBallotsOfVotersWhoCarriedOthers()
    {
        var cast = await VotingAsync(VotePrivacy.DelegatesPublic, "after");
        Close(cast);

        foreach (var reader in new[] { cast.Delegator, cast.Solo, cast.Outsider, fixture.Anonymous })
        {
            Assert.Equal([(cast.Delegate.Name, "YES", (double?)2.0, reader == cast.Delegator)], await SeenByAsync(reader, cast.Proposal));
        }
    }

    [Fact]
    public async Task AggregateRevealsNoBallotOnAnyReadPathBeforeOrAfterClose()
    {
        var cast = await VotingAsync(VotePrivacy.Aggregate, "any");
        var readers = new[] { cast.Delegate, cast.Delegator, cast.Solo, cast.Outsider, fixture.Anonymous };
        foreach (var reader in readers)
        {
            Assert.Empty(await SeenByAsync(reader, cast.Proposal));
        }

        Close(cast);
        foreach (var reader in readers)
        {
            Assert.Empty(await SeenByAsync(reader, cast.Proposal));
        }

        // The audit trail says that they voted, never how: neither the events query nor the export.
        var events = (await cast.Outsider.DataAsync("{ events(first: 50, types: [\"vote.cast\"]) { nodes { payload proposal { id } } } }"))
            .GetProperty("events").GetProperty("nodes").EnumerateArray()
            .Where(e => e.GetProperty("proposal").ValueKind != JsonValueKind.Null && e.GetProperty("proposal").GetProperty("id").GetString() == cast.Proposal)
            .Select(e => e.GetProperty("payload").GetString()!).ToList();
        Assert.Equal(2, events.Count);
        Assert.All(events, payload => Assert.Equal(JsonValueKind.Null, JsonDocument.Parse(payload).RootElement.GetProperty("choice").ValueKind));
        var export = await cast.Outsider.Client.GetStringAsync("/api/exports/events.ndjson");
        var exported = export.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement)
            .Where(e => !e.TryGetProperty("hidden", out _) && e.GetProperty("type").GetString() == "vote.cast" && e.GetProperty("payload").TryGetProperty("proposal", out var p) && p.GetInt64() == cast.Id).ToList();
        Assert.Equal(2, exported.Count);
        Assert.All(exported, e => Assert.Equal(JsonValueKind.Null, e.GetProperty("payload").GetProperty("choice").ValueKind));
        Assert.DoesNotContain("\"yes\"", string.Join('\n', exported.Select(e => e.GetRawText())), StringComparison.Ordinal);
    }

    private const string Watch = "subscription($p: ID!) { proposalChanged(id: $p) { status ballots(first: 50) { totalCount nodes { voter { handle } choice weight carriesMyVote } } } }";

    [Theory]
    [InlineData(VotePrivacy.Public, "websocket")]
    [InlineData(VotePrivacy.DelegatesPublic, "websocket")]
    [InlineData(VotePrivacy.Aggregate, "websocket")]
    [InlineData(VotePrivacy.Public, "sse")]
    [InlineData(VotePrivacy.DelegatesPublic, "sse")]
    [InlineData(VotePrivacy.Aggregate, "sse")]
    public async Task TheSubscriptionPathShowsEachReaderExactlyTheBallotsTheQueryShowsWhileVotingAndAfterClose(VotePrivacy privacy, string transport)
    {
        var cast = await VotingAsync(privacy, transport == "sse" ? "sse" : "sub");
        var readers = new[] { cast.Delegator, cast.Delegate, cast.Outsider, fixture.Anonymous };
        var watchers = new List<(Actor Reader, IWatcher Watcher)>();
        try
        {
            var bus = fixture.Factory.Services.GetRequiredService<GovernanceEventBus>();
            var before = bus.SubscriberCount;
            foreach (var reader in readers)
            {
                watchers.Add((reader, transport == "sse" ? new SseWatcher(reader, cast.Proposal) : await WebSocketWatcher.StartAsync(fixture, reader, cast.Proposal)));
            }

            var deadline = DateTime.UtcNow + Patience;
            while (bus.SubscriberCount < before + readers.Length && DateTime.UtcNow < deadline)
            {
                await Task.Delay(20);
            }

            Assert.Equal(before + readers.Length, bus.SubscriberCount);

            // During the vote: the solo voter changes their ballot; every watcher hears the proposal.
            await cast.Solo.DataAsync(Vote, new { p = cast.Proposal, c = "ABSTAIN" });
            foreach (var (reader, watcher) in watchers)
            {
                var heard = await NextAsync(watcher, "VOTING");
                Assert.Equal(await SeenByAsync(reader, cast.Proposal), heard);
                Assert.True(privacy != VotePrivacy.Aggregate || heard.Count == 0, $"aggregate showed {reader.Name} a ballot while voting over {transport}");
                Assert.True(heard.Count == (reader == cast.Delegator && privacy != VotePrivacy.Aggregate ? 1 : 0), $"{reader.Name} saw {heard.Count} ballots while voting over {transport}");
            }

            // After the close: what the policy publishes, and under aggregate still nothing. The
            // clock's pass is run here by hand, so its publishing is too (as ClockService does).
            Close(cast);
            fixture.Factory.Services.GetRequiredService<Governance.Core.Events.IDomainEventPublisher>()
                .Publish(new Governance.Core.Events.ProposalUpdated(cast.Id, AgendaMayHaveMoved: false, DateTimeOffset.UtcNow));
            foreach (var (reader, watcher) in watchers)
            {
                var heard = await NextAsync(watcher, null);
                Assert.Equal(await SeenByAsync(reader, cast.Proposal), heard);
                var expected = privacy switch
                {
                    VotePrivacy.Public => 2,
                    VotePrivacy.DelegatesPublic => 1,
                    _ => 0,
                };
                Assert.True(heard.Count == expected, $"{reader.Name} saw {heard.Count} ballots after close under {privacy} over {transport}, expected {expected}");
            }
        }
        finally
        {
            foreach (var (_, watcher) in watchers)
            {
                watcher.Dispose();
            }
        }
    }

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    /// <summary>One reader's subscription to <see cref="Watch"/>: each call the next result (its <c>data</c> and <c>errors</c>).</summary>
    private interface IWatcher : IDisposable
    {
        Task<JsonElement> NextAsync();
    }

    /// <summary>
    /// graphql-transport-ws over the real WebSocket, as <paramref name="reader"/> with their own
    /// read token (none for the anonymous reader).
    /// </summary>
    private sealed class WebSocketWatcher(WebSocket socket) : IWatcher
    {
        public static async Task<IWatcher> StartAsync(SchemaFixture fixture, Actor reader, string proposal)
        {
            var client = fixture.Factory.Server.CreateWebSocketClient();
            client.SubProtocols.Add("graphql-transport-ws");
            var socket = await client.ConnectAsync(new Uri("ws://localhost/graphql"), CancellationToken.None);
            object init = reader == fixture.Anonymous
                ? new { type = "connection_init" }
                : new { type = "connection_init", payload = new { authorization = (await fixture.TokenAsync(reader, $"{reader.Name}-watch", "read")).Client.DefaultRequestHeaders.Authorization!.ToString() } };
            await SendAsync(socket, init);
            Assert.Equal("connection_ack", (await ReceiveAsync(socket)).GetProperty("type").GetString());
            await SendAsync(socket, new { id = "1", type = "subscribe", payload = new { query = Watch, variables = new { p = proposal } } });
            return new WebSocketWatcher(socket);
        }

        public async Task<JsonElement> NextAsync()
        {
            var frame = await ReceiveAsync(socket);
            Assert.Equal("next", frame.GetProperty("type").GetString());
            return frame.GetProperty("payload");
        }

        public void Dispose() => socket.Dispose();

        private static Task SendAsync(WebSocket socket, object message) =>
            socket.SendAsync(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(message)), WebSocketMessageType.Text, true, CancellationToken.None);

        private static async Task<JsonElement> ReceiveAsync(WebSocket socket)
        {
            using var timeout = new CancellationTokenSource(Patience);
            var buffer = new byte[64 * 1024];
            var text = new StringBuilder();
            while (true)
            {
                var received = await socket.ReceiveAsync(buffer, timeout.Token);
                text.Append(Encoding.UTF8.GetString(buffer, 0, received.Count));
                if (received.EndOfMessage)
                {
                    return JsonDocument.Parse(text.ToString()).RootElement.Clone();
                }
            }
        }
    }

    /// <summary>
    /// GraphQL over Server-Sent Events (a POST to /graphql accepting <c>text/event-stream</c>,
    /// one response per operation), as <paramref name="reader"/> with their own client: the
    /// member's session cookie, or nothing for the anonymous reader. The response's headers come
    /// with its first event, so the request is sent at once and its answer awaited at the first read.
    /// </summary>
    private sealed class SseWatcher : IWatcher
    {
        private readonly CancellationTokenSource stop = new();
        private readonly Task<HttpResponseMessage> answer;
        private StreamReader? events;

        public SseWatcher(Actor reader, string proposal)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
            {
                Content = new StringContent(JsonSerializer.Serialize(new { query = Watch, variables = new { p = proposal } }), Encoding.UTF8, "application/json"),
            };
            request.Headers.Accept.ParseAdd("text/event-stream");
            answer = reader.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, stop.Token);
        }

        public async Task<JsonElement> NextAsync()
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stop.Token);
            timeout.CancelAfter(Patience);
            if (events is null)
            {
                var response = await answer.WaitAsync(timeout.Token);
                Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
                Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
                events = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token), Encoding.UTF8);
            }

            string? kind = null;
            var data = new StringBuilder();
            while (true)
            {
                var line = await events.ReadLineAsync(timeout.Token) ?? throw new InvalidOperationException("The event stream ended.");
                if (line.Length == 0)
                {
                    if (kind is null && data.Length == 0)
                    {
                        continue;
                    }

                    Assert.Equal("next", kind);
                    return JsonDocument.Parse(data.ToString()).RootElement.Clone();
                }

                if (line.StartsWith("event:", StringComparison.Ordinal))
                {
                    kind = line["event:".Length..].Trim();
                }
                else if (line.StartsWith("data:", StringComparison.Ordinal))
                {
                    data.Append(line["data:".Length..].TrimStart());
                }
            }
        }

        public void Dispose()
        {
            stop.Cancel();
            events?.Dispose();
            if (answer.IsCompletedSuccessfully)
            {
                answer.Result.Dispose();
            }

            stop.Dispose();
        }
    }

    /// <summary>The ballots of the next result with the proposal in <paramref name="status"/> (null: the next result with the vote closed).</summary>
    private static async Task<List<(string Handle, string Choice, double? Weight, bool CarriesMe)>> NextAsync(IWatcher watcher, string? status)
    {
        while (true)
        {
            var result = await watcher.NextAsync();
            Assert.False(result.TryGetProperty("errors", out var errors), errors.ToString());
            var changed = result.GetProperty("data").GetProperty("proposalChanged");
            var now = changed.GetProperty("status").GetString();
            if (status is null ? now == "VOTING" : now != status)
            {
                continue;
            }

            var ballots = changed.GetProperty("ballots");
            var nodes = ballots.GetProperty("nodes").EnumerateArray().Select(b => (
                b.GetProperty("voter").GetProperty("handle").GetString()!,
                b.GetProperty("choice").GetString()!,
                b.GetProperty("weight").ValueKind == JsonValueKind.Null ? (double?)null : b.GetProperty("weight").GetDouble(),
                b.GetProperty("carriesMyVote").GetBoolean())).ToList();
            Assert.Equal(nodes.Count, ballots.GetProperty("totalCount").GetInt32());
            return nodes;
        }
    }
}
