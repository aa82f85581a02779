using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Dapper;
using Governance.Api.Schema;
using Governance.Core.Notifications;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Api.Tests.Schema;

/// <summary>Issue 16, notifications over GraphQL: the feed, the unread count, markNotificationsRead, the settings, the subscription.</summary>
public sealed class NotificationTests(SchemaFixture fixture) : IClassFixture<SchemaFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private const string Feed = """
        { viewer { unreadNotificationCount notifications(first: 10) { totalCount unreadCount
            nodes { id kind read summary delegation weight rank scope { kind } member { handle } proposal { id } } } } }
        """;

    private const string MarkRead = """
        mutation($input: MarkNotificationsReadInput!) { markNotificationsRead(input: $input) {
          notifications { id read } unreadCount errors { __typename ... on UserError { code field message } } } }
        """;

    private const string SetDelivery = """
        mutation($kind: NotificationKind!, $delivery: NotificationDelivery!) { setNotificationDelivery(input: { kind: $kind, delivery: $delivery }) {
          settings { kind delivery } errors { __typename ... on UserError { code field message } } } }
        """;

    private static Task<JsonElement> DelegateAsync(Actor from, params long[] to) =>
        from.DataAsync("mutation($d: [ID!]!) { delegate(input: { scope: { global: true }, delegates: $d }) { errors { __typename } } }",
            new { d = to.Select(id => SchemaFixture.Id("Member", id)).ToArray() });

    /// <summary>The actor's notifications once at least <paramref name="count"/> arrived (the feed runs in the background).</summary>
    private static async Task<JsonElement> FeedAsync(Actor actor, int count)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var viewer = (await actor.DataAsync(Feed)).GetProperty("viewer");
            if (viewer.GetProperty("notifications").GetProperty("totalCount").GetInt32() >= count || DateTime.UtcNow > deadline)
            {
                return viewer;
            }

            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task ADelegateIsToldOfADelegationWithTheWeightTheyNowCarryAndOfItsRevocation()
    {
        var ann = await fixture.MemberAsync("n-ann");
        var cy = await fixture.MemberAsync("n-cy");
        var bob = await fixture.MemberAsync("n-bob");

        await DelegateAsync(ann, bob.MemberId!.Value);
        await DelegateAsync(cy, bob.MemberId!.Value);
        await ann.DataAsync("mutation { revokeDelegation(input: { scope: { global: true } }) { revoked } }");
        var viewer = await FeedAsync(bob, 3);

        var nodes = viewer.GetProperty("notifications").GetProperty("nodes").EnumerateArray().ToList();
        Assert.Equal(3, nodes.Count);
        Assert.All(nodes, n => Assert.Equal("DELEGATION_RECEIVED", n.GetProperty("kind").GetString()));
        // Newest first: ann revoked (bob now carries cy and himself), cy set (three), ann set (two).
        Assert.Equal(("REVOKED", "n-ann", 2), (nodes[0].GetProperty("delegation").GetString(), nodes[0].GetProperty("member").GetProperty("handle").GetString(), nodes[0].GetProperty("weight").GetInt32()));
        Assert.Equal(("SET", "n-cy", 3), (nodes[1].GetProperty("delegation").GetString(), nodes[1].GetProperty("member").GetProperty("handle").GetString(), nodes[1].GetProperty("weight").GetInt32()));
        Assert.Equal(("SET", "n-ann", 2), (nodes[2].GetProperty("delegation").GetString(), nodes[2].GetProperty("member").GetProperty("handle").GetString(), nodes[2].GetProperty("weight").GetInt32()));
        Assert.Equal("GLOBAL", nodes[1].GetProperty("scope").GetProperty("kind").GetString());
        Assert.Equal(1, nodes[1].GetProperty("rank").GetInt32());
        Assert.Contains("@n-cy delegated to you", nodes[1].GetProperty("summary").GetString());
        Assert.Equal(3, viewer.GetProperty("unreadNotificationCount").GetInt32());
        Assert.Equal(3, viewer.GetProperty("notifications").GetProperty("unreadCount").GetInt32());
        Assert.Equal(0, (await FeedAsync(ann, 0)).GetProperty("notifications").GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task MarkReadRefusesAnotherMembersNotificationNamingTheFieldAndChangesNothing()
    {
        var ann = await fixture.MemberAsync("n-mark-ann");
        var bob = await fixture.MemberAsync("n-mark-bob");
        var eve = await fixture.MemberAsync("n-mark-eve");
        await DelegateAsync(ann, bob.MemberId!.Value, eve.MemberId!.Value);
        var bobs = (await FeedAsync(bob, 1)).GetProperty("notifications").GetProperty("nodes")[0].GetProperty("id").GetString()!;
        var eves = (await FeedAsync(eve, 1)).GetProperty("notifications").GetProperty("nodes")[0].GetProperty("id").GetString()!;

        var refused = (await bob.DataAsync(MarkRead, new { input = new { ids = new[] { bobs, eves } } })).GetProperty("markNotificationsRead");
        var notAnId = (await bob.DataAsync(MarkRead, new { input = new { ids = new[] { SchemaFixture.Id("Proposal", 1) } } })).GetProperty("markNotificationsRead");
        var neither = (await bob.DataAsync(MarkRead, new { input = new { } })).GetProperty("markNotificationsRead");

        var error = Assert.Single(refused.GetProperty("errors").EnumerateArray());
        Assert.Equal(("NotFoundError", "NOT_FOUND", "ids"), (error.GetProperty("__typename").GetString(), error.GetProperty("code").GetString(), error.GetProperty("field").GetString()));
        Assert.Equal("UNKNOWN_NOTIFICATION", notAnId.GetProperty("errors")[0].GetProperty("code").GetString());
        Assert.Equal("ValidationError", neither.GetProperty("errors")[0].GetProperty("__typename").GetString());
        Assert.Equal(1, (await FeedAsync(bob, 1)).GetProperty("unreadNotificationCount").GetInt32());
        Assert.Equal(1, (await FeedAsync(eve, 1)).GetProperty("unreadNotificationCount").GetInt32());

        var marked = (await bob.DataAsync(MarkRead, new { input = new { ids = new[] { bobs } } })).GetProperty("markNotificationsRead");

        Assert.Equal(JsonValueKind.Null, marked.GetProperty("errors").ValueKind);
        Assert.True(marked.GetProperty("notifications")[0].GetProperty("read").GetBoolean());
        Assert.Equal(0, marked.GetProperty("unreadCount").GetInt32());
        Assert.Equal(1, (await FeedAsync(eve, 1)).GetProperty("unreadNotificationCount").GetInt32());
    }

    [Fact]
    public async Task AKindTurnedOffIsNotWrittenAndTheSettingIsRefusedForAnUnknownDelivery()
    {
        var ann = await fixture.MemberAsync("n-off-ann");
        var bob = await fixture.MemberAsync("n-off-bob");

        var off = (await bob.DataAsync(SetDelivery, new { kind = "DELEGATION_RECEIVED", delivery = "OFF" })).GetProperty("setNotificationDelivery");
        await DelegateAsync(ann, bob.MemberId!.Value);
        await FailToSignInAsync(bob.Name, failures: 5);

        var settings = off.GetProperty("settings").EnumerateArray().ToDictionary(s => s.GetProperty("kind").GetString()!, s => s.GetProperty("delivery").GetString());
        Assert.Equal("OFF", settings["DELEGATION_RECEIVED"]);
        Assert.Equal("APP", settings["VOTE_OPENED"]);
        Assert.Equal(NotificationKinds.All.Count, settings.Count);
        var viewer = await FeedAsync(bob, 1);
        var only = Assert.Single(viewer.GetProperty("notifications").GetProperty("nodes").EnumerateArray());
        Assert.Equal("SIGN_IN_FAILED", only.GetProperty("kind").GetString());
    }

    [Fact]
    public async Task ADelegateWhoVotesTellsTheMembersWhoDelegateToThemOnce()
    {
        var ann = await fixture.MemberAsync("n-vote-ann");
        var bob = await fixture.MemberAsync("n-vote-bob");
        using var connection = fixture.Database.Open();
        var proposal = connection.ExecuteScalar<long>("SELECT id FROM proposals WHERE status = 'voting' ORDER BY id");
        await DelegateAsync(ann, bob.MemberId!.Value);
        var vote = "mutation($p: ID!, $c: VoteChoice!) { vote(input: { proposal: $p, choice: $c }) { errors { __typename ... on UserError { code } } } }";

        await bob.DataAsync(vote, new { p = SchemaFixture.Id("Proposal", proposal), c = "YES" });
        await bob.DataAsync(vote, new { p = SchemaFixture.Id("Proposal", proposal), c = "NO" });
        await FeedAsync(ann, 1);
        await Task.Delay(1500);

        var nodes = (await FeedAsync(ann, 1)).GetProperty("notifications").GetProperty("nodes").EnumerateArray().ToList();
        var voted = Assert.Single(nodes, n => n.GetProperty("kind").GetString() == "DELEGATE_VOTED");
        Assert.Equal("n-vote-bob", voted.GetProperty("member").GetProperty("handle").GetString());
        Assert.Equal(SchemaFixture.Id("Proposal", proposal), voted.GetProperty("proposal").GetProperty("id").GetString());
    }

    [Fact]
    public async Task ASubscriberHearsEachNotificationAsItIsWritten()
    {
        var ann = await fixture.MemberAsync("n-sub-ann");
        var bob = await fixture.MemberAsync("n-sub-bob");
        var token = await fixture.TokenAsync(bob, "bob-bell", "read");
        _ = fixture.Factory.Server;
        var bus = fixture.Factory.Services.GetRequiredService<GovernanceEventBus>();
        var subscribers = bus.SubscriberCount;
        using var socket = await SubscribeAsync(token, "subscription { notificationAdded { kind member { handle } weight } }");
        var deadline = DateTime.UtcNow + Patience;
        while (bus.SubscriberCount <= subscribers && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        await DelegateAsync(ann, bob.MemberId!.Value);
        var heard = (await ReceiveAsync(socket)).GetProperty("payload").GetProperty("data").GetProperty("notificationAdded");

        Assert.Equal("DELEGATION_RECEIVED", heard.GetProperty("kind").GetString());
        Assert.Equal("n-sub-ann", heard.GetProperty("member").GetProperty("handle").GetString());
        Assert.Equal(2, heard.GetProperty("weight").GetInt32());
    }

    [Fact]
    public async Task TheUnreadCountSubscriptionStartsWithTheCountThenFollowsWritesAndReads()
    {
        var ann = await fixture.MemberAsync("n-cnt-ann");
        var cy = await fixture.MemberAsync("n-cnt-cy");
        var bob = await fixture.MemberAsync("n-cnt-bob");
        var token = await fixture.TokenAsync(bob, "bob-count", "read");

        // Written before Bob subscribes: the first message counts it (a page that loaded, then subscribed, misses nothing).
        await DelegateAsync(ann, bob.MemberId!.Value);
        Assert.Equal(1, (await FeedAsync(bob, 1)).GetProperty("unreadNotificationCount").GetInt32());

        using var socket = await SubscribeAsync(token, "subscription { unreadNotificationCount }");
        static int Count(JsonElement message) => message.GetProperty("payload").GetProperty("data").GetProperty("unreadNotificationCount").GetInt32();
        Assert.Equal(1, Count(await ReceiveAsync(socket)));

        await DelegateAsync(cy, bob.MemberId!.Value);
        Assert.Equal(2, Count(await ReceiveAsync(socket)));

        var read = (await bob.DataAsync(MarkRead, new { input = new { all = true } })).GetProperty("markNotificationsRead");
        Assert.Equal(0, read.GetProperty("unreadCount").GetInt32());
        Assert.Equal(0, Count(await ReceiveAsync(socket)));
    }

    [Fact]
    public async Task TheUnreadCountSubscriptionIsForSignedInCallersOnly()
    {
        using var socket = await SubscribeAsync(null, "subscription { unreadNotificationCount }");
        var refused = await ReceiveAsync(socket);
        Assert.Equal("error", refused.GetProperty("type").GetString());
        Assert.Contains("sign", refused.GetProperty("payload")[0].GetProperty("message").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A graphql-ws connection, signed in with the token when given, that subscribed to <paramref name="query"/> as "1".</summary>
    private async Task<WebSocket> SubscribeAsync(Actor? token, string query)
    {
        var client = fixture.Factory.Server.CreateWebSocketClient();
        client.SubProtocols.Add("graphql-transport-ws");
        var socket = await client.ConnectAsync(new Uri("ws://localhost/graphql"), CancellationToken.None);
        await SendAsync(socket, token is null
            ? new { type = "connection_init" }
            : (object)new { type = "connection_init", payload = new { authorization = token.Client.DefaultRequestHeaders.Authorization!.ToString() } });
        Assert.Equal("connection_ack", (await ReceiveAsync(socket)).GetProperty("type").GetString());
        await SendAsync(socket, new { id = "1", type = "subscribe", payload = new { query } });
        return socket;
    }

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

    /// <summary>
    /// Wrong passwords for a handle until the guard has counted <paramref name="failures"/>,
    /// waiting out each back-off it names: at 5 it appends member.sign-in-failed, which the
    /// notification feed turns into a notification for the account's owner.
    /// </summary>
    private async Task FailToSignInAsync(string handle, int failures)
    {
        using var client = fixture.Factory.CreateClient();
        for (var counted = 0; counted < failures;)
        {
            using var response = await client.PostAsJsonAsync("/api/account/sign-in", new { handleOrEmail = handle, password = "not the password" });
            if (response.StatusCode == System.Net.HttpStatusCode.TooManyRequests)
            {
                await Task.Delay(TimeSpan.FromSeconds((response.Headers.RetryAfter?.Delta?.TotalSeconds ?? 1) + 0.2));
                continue;
            }

            Assert.Equal(System.Net.HttpStatusCode.Unauthorized, response.StatusCode);
            counted++;
        }
    }
}
