using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Dapper;
using Governance.Api.Schema;
using Governance.Api.Tests.Schema;
using Governance.Core.Delegation;
using Governance.Core.Storage;
using Governance.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Api.Tests;

/// <summary>
/// Two instances of the real app on one PostgreSQL database: what is written through one is
/// in the other's engine, subscriptions and sessions; the clock runs on one at a time; and
/// when the first goes away in the middle of writes, the second carries on.
/// </summary>
public sealed class MultiInstanceTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private static GovernanceApiFactory Instance(string connectionString) => new()
    {
        PostgresConnectionString = connectionString,
        Settings =
        {
            ["RateLimits:SignInAttemptsPerMinute"] = "1000",
            ["Clock:Enabled"] = "true",
            ["Clock:IntervalSeconds"] = "1",
        },
    };

    [PostgresFact]
    public async Task TwoInstancesStartedTogetherOnAnEmptyDatabaseSeedOneOrganisationAndBothServe()
    {
        var connectionString = PostgresServer.CreateDatabase("multiseed");
        using var a = Instance(connectionString);
        using var b = Instance(connectionString);

        // Both find the database empty; one seeds it, the other waits for the write lock and
        // then finds the organisation there, and both start.
        await Task.WhenAll(Task.Run(() => a.Server), Task.Run(() => b.Server));

        foreach (var instance in new[] { a, b })
        {
            using var client = instance.CreateClient();
            var proposals = await GraphQLAsync(client, "{ proposals(first: 1) { totalCount } }", new { });
            Assert.True(proposals.GetProperty("proposals").GetProperty("totalCount").GetInt32() > 0);
        }

        using var connection = a.Services.GetRequiredService<Database>().Open();
        Assert.Equal(1, connection.ExecuteScalar<long>("SELECT count(*) FROM event_log WHERE type = 'organisation.seeded'"));
        Assert.Equal(
            connection.ExecuteScalar<long>("SELECT count(DISTINCT payload::text) FROM event_log WHERE type = 'vote.closed'"),
            connection.ExecuteScalar<long>("SELECT count(*) FROM event_log WHERE type = 'vote.closed'"));
        Assert.True(EventLog.Verify(a.Services.GetRequiredService<Database>()).Intact);
    }

    [PostgresFact]
    public async Task WritesThroughOneInstanceReachTheOthersEngineSubscriptionsAndSessionsAndItCarriesOnWhenTheFirstDies()
    {
        var connectionString = PostgresServer.CreateDatabase("multi");
        var a = Instance(connectionString);
        using var b = Instance(connectionString);
        try
        {
            // A starts first and seeds the demo organisation; B finds it there.
            var ann = ApiClient.CreateCookieClient(a);
            var (annId, _) = await ApiClient.RegisterAsync(ann, "multi-ann");
            var bobOnA = ApiClient.CreateCookieClient(a);
            var (bobId, _) = await ApiClient.RegisterAsync(bobOnA, "multi-bob");
            var bobToken = await TokenAsync(bobOnA, "read", "delegate", "vote");
            _ = b.Server;
            var database = b.Services.GetRequiredService<Database>();

            // A session and a token made on A work on B: both live in the database.
            using var bobOnB = b.CreateClient();
            bobOnB.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bobToken);
            var viewer = await GraphQLAsync(bobOnB, "{ viewer { handle } }", new { });
            Assert.Equal("multi-bob", viewer.GetProperty("viewer").GetProperty("handle").GetString());
            using var annSessionOnB = await SessionClientAsync(b, a, "multi-ann");
            Assert.Equal(HttpStatusCode.OK, (await annSessionOnB.GetAsync("/api/account/session")).StatusCode);

            // Bob listens on B; Ann delegates to him through A.
            var bus = b.Services.GetRequiredService<GovernanceEventBus>();
            var listening = bus.SubscriberCount;
            using var socket = await SubscribeAsync(b, bobToken, "subscription { myDelegationsChanged { kind member { handle } delegation { delegates { handle } } } }");
            await UntilAsync(() => bus.SubscriberCount > listening, "B's subscription never started listening");
            await GraphQLAsync(ann, "mutation($d: [ID!]!) { delegate(input: { scope: { global: true }, delegates: $d }) { errors { __typename } } }",
                new { d = new[] { SchemaFixture.Id("Member", bobId) } });
            var heard = (await ReceiveAsync(socket))!.Value.GetProperty("payload").GetProperty("data").GetProperty("myDelegationsChanged");
            Assert.Equal("SET", heard.GetProperty("kind").GetString());
            Assert.Equal("multi-ann", heard.GetProperty("member").GetProperty("handle").GetString());
            Assert.Equal("multi-bob", heard.GetProperty("delegation").GetProperty("delegates")[0].GetProperty("handle").GetString());

            // Bob votes through A on a proposal in voting: B's live tally equals a fresh recount.
            long voting;
            using (var connection = database.Open())
            {
                voting = connection.ExecuteScalar<long>("SELECT id FROM proposals WHERE status = 'voting' ORDER BY id LIMIT 1");
            }

            await GraphQLAsync(bobOnA, "mutation($p: ID!) { vote(input: { proposal: $p, choice: YES }) { errors { __typename } } }",
                new { p = SchemaFixture.Id("Proposal", voting) });
            await CaughtUpAsync(b);
            AssertSameAsFreshLoad(b, database, voting, [annId, bobId]);
            Assert.Contains(Tally(b, voting).Weights, w => w.MemberId == bobId && w.Weight >= 2);

            // One clock between them.
            await UntilAsync(() => Holds(a) || Holds(b), "no instance took the clock");
            Assert.True(Holds(a) ^ Holds(b), "exactly one instance holds the clock");
            Assert.True(Holds(a), "the first instance took the clock");

            // Writes in flight through A when it goes away.
            var members = new List<long>();
            using (var connection = database.Open())
            {
                members.AddRange(connection.Query<long>("SELECT id FROM members WHERE voting_right = 1 AND id NOT IN (@annId, @bobId) ORDER BY id LIMIT 20", new { annId, bobId }));
            }

            var inFlight = members.Select(async (target, i) =>
            {
                try
                {
                    await GraphQLAsync(ann, "mutation($d: [ID!]!) { delegate(input: { scope: { global: true }, delegates: $d }) { errors { __typename } } }",
                        new { d = new[] { SchemaFixture.Id("Member", target) } });
                }
                catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or ObjectDisposedException or OperationCanceledException or IOException or JsonException)
                {
                    // Cut off with its instance: committed or not, never half.
                }
            }).ToList();
            await Task.Delay(50);
            a.Dispose();
            await Task.WhenAll(inFlight);

            // B carries on: it writes, follows, takes the clock, and its engine equals a fresh load.
            await GraphQLAsync(bobOnB, "mutation($d: [ID!]!) { delegate(input: { scope: { global: true }, delegates: $d }) { errors { __typename } } }",
                new { d = new[] { SchemaFixture.Id("Member", members[0]) } });
            await CaughtUpAsync(b);
            AssertSameAsFreshLoad(b, database, voting, [annId, bobId]);
            await UntilAsync(() => Holds(b), "B never took over the clock");
            Assert.True(EventLog.Verify(database).Intact);
            using (var connection = database.Open())
            {
                Assert.Equal(0, connection.ExecuteScalar<long>("SELECT count(*) FROM (SELECT period_id FROM lottery_draws GROUP BY period_id HAVING count(*) > 1) AS twice"));
            }
        }
        finally
        {
            a.Dispose();
        }
    }

    private static bool Holds(GovernanceApiFactory instance) => instance.Services.GetRequiredService<ClockLease>().IsHeld;

    private static Tally Tally(GovernanceApiFactory instance, long proposal) =>
        instance.Services.GetRequiredService<EngineHost>().Read(e => e.Count(proposal, TallyPolicy.Default));

    private static void AssertSameAsFreshLoad(GovernanceApiFactory instance, Database database, long proposal, long[] members)
    {
        var fresh = EngineLoader.Load(database);
        var live = Tally(instance, proposal);
        var recount = fresh.Count(proposal, TallyPolicy.Default);
        Assert.Equal((recount.Eligible, recount.Voters, recount.Represented, recount.Unrepresented, recount.Yes, recount.No, recount.Abstain),
            (live.Eligible, live.Voters, live.Represented, live.Unrepresented, live.Yes, live.No, live.Abstain));
        Assert.Equal(recount.Weights.OrderBy(w => w.MemberId), live.Weights.OrderBy(w => w.MemberId));
        foreach (var member in members)
        {
            Assert.Equal(fresh.GetDelegation(member, DelegationScope.Global),
                instance.Services.GetRequiredService<EngineHost>().Read(e => e.GetDelegation(member, DelegationScope.Global)));
        }
    }

    /// <summary>Waits until B's follower has read the whole event log.</summary>
    private static async Task CaughtUpAsync(GovernanceApiFactory instance)
    {
        var database = instance.Services.GetRequiredService<Database>();
        var follower = instance.Services.GetRequiredService<EngineFollower>();
        long head;
        using (var connection = database.Open())
        {
            head = EventLog.Head(connection).Seq;
        }

        await UntilAsync(() => follower.Position >= head, $"the follower stopped before entry {head}");
    }

    private static async Task UntilAsync(Func<bool> condition, string failure)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, failure);
            await Task.Delay(25);
        }
    }

    private static async Task<string> TokenAsync(HttpClient owner, params string[] scopes)
    {
        var response = await owner.PostAsJsonAsync("/api/tokens", new { name = "multi", scopes });
        response.EnsureSuccessStatusCode();
        return (await response.JsonAsync()).GetProperty("token").GetString()!;
    }

    /// <summary>Signs in on <paramref name="signIn"/> and returns a client of <paramref name="use"/> carrying that session's cookie and CSRF token.</summary>
    private static async Task<HttpClient> SessionClientAsync(GovernanceApiFactory use, GovernanceApiFactory signIn, string handle)
    {
        using var client = signIn.CreateClient(new() { HandleCookies = false });
        var response = await client.PostAsJsonAsync("/api/account/sign-in", new { handleOrEmail = handle, password = ApiClient.Password });
        response.EnsureSuccessStatusCode();
        var cookie = response.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
        var csrf = (await response.JsonAsync()).GetProperty("csrfToken").GetString()!;
        var other = use.CreateClient(new() { HandleCookies = false });
        other.DefaultRequestHeaders.Add("Cookie", cookie);
        other.DefaultRequestHeaders.Add("X-CSRF-Token", csrf);
        return other;
    }

    private static async Task<JsonElement> GraphQLAsync(HttpClient client, string query, object variables)
    {
        var response = await client.PostAsJsonAsync("/graphql", new { query, variables });
        response.EnsureSuccessStatusCode();
        var body = await response.JsonAsync();
        Assert.False(body.TryGetProperty("errors", out var errors), errors.ToString());
        return body.GetProperty("data");
    }

    private static async Task<WebSocket> SubscribeAsync(GovernanceApiFactory instance, string token, string query)
    {
        var client = instance.Server.CreateWebSocketClient();
        client.SubProtocols.Add("graphql-transport-ws");
        var socket = await client.ConnectAsync(new Uri("ws://localhost/graphql"), CancellationToken.None);
        await SendAsync(socket, new { type = "connection_init", payload = new { authorization = $"Bearer {token}" } });
        Assert.Equal("connection_ack", (await ReceiveAsync(socket))!.Value.GetProperty("type").GetString());
        await SendAsync(socket, new { id = "1", type = "subscribe", payload = new { query } });
        return socket;
    }

    private static Task SendAsync(WebSocket socket, object message) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(message)), WebSocketMessageType.Text, true, CancellationToken.None);

    private static async Task<JsonElement?> ReceiveAsync(WebSocket socket)
    {
        using var timeout = new CancellationTokenSource(Patience);
        var buffer = new byte[64 * 1024];
        var text = new StringBuilder();
        while (true)
        {
            var received = await socket.ReceiveAsync(buffer, timeout.Token);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            text.Append(Encoding.UTF8.GetString(buffer, 0, received.Count));
            if (received.EndOfMessage)
            {
                return JsonDocument.Parse(text.ToString()).RootElement.Clone();
            }
        }
    }
}
