using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Dapper;
using Governance.Api.Schema;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Api.Tests.Schema;

/// <summary>
/// A proposal's discussion over GraphQL (issue 17): threads three deep, edits kept, deletions
/// leave their place, orders and keyset pages, typed refusals that write nothing, and the live
/// commentsChanged subscription.
/// </summary>
public sealed class CommentTests(SchemaFixture fixture) : IClassFixture<SchemaFixture>
{
    private const string Post = """
        mutation($p: ID!, $body: String!, $to: ID) {
          postComment(input: { proposal: $p, body: $body, replyTo: $to }) {
            comment { id depth deleted body parent { id } replyTo { id } }
            errors { __typename ... on UserError { code field message } }
          }
        }
        """;

    private const string Threads = """
        query($p: ID!, $order: CommentOrder, $first: Int, $after: String) {
          proposal(id: $p) {
            commentCount
            comments(orderBy: $order, first: $first, after: $after) {
              totalCount
              pageInfo { hasNextPage endCursor }
              nodes { id body deleted endorsementCount replyCount replies { id depth body deleted replyTo { id } } history { version body } }
            }
          }
        }
        """;

    private async Task<string> ProposalAsync(Actor author, string title)
    {
        var data = await author.DataAsync("mutation($a: ID!, $t: String!) { propose(input: { area: $a, title: $t, body: \"b\" }) { proposal { id } } }",
            new { a = SchemaFixture.Id("Area", fixture.RootArea()), t = title });
        return data.GetProperty("propose").GetProperty("proposal").GetProperty("id").GetString()!;
    }

    private static async Task<JsonElement> PostAsync(Actor actor, string proposal, string body, string? to = null) =>
        (await actor.DataAsync(Post, new { p = proposal, body, to })).GetProperty("postComment");

    private static string IdOf(JsonElement payload) => payload.GetProperty("comment").GetProperty("id").GetString()!;

    [Fact]
    public async Task RepliesNestThreeDeepAndADeeperReplyShowsBesideWhatItAnswers()
    {
        var ann = await fixture.MemberAsync("cm-ann");
        var bob = await fixture.MemberAsync("cm-bob");
        var p = await ProposalAsync(ann, "Threads");

        var top = IdOf(await PostAsync(ann, p, "First thoughts"));
        var second = IdOf(await PostAsync(bob, p, "A reply", top));
        var third = IdOf(await PostAsync(ann, p, "A reply to the reply", second));
        var fourth = await PostAsync(bob, p, "Deeper still", third);

        var flattened = fourth.GetProperty("comment");
        Assert.Equal(3, flattened.GetProperty("depth").GetInt32());
        Assert.Equal(second, flattened.GetProperty("parent").GetProperty("id").GetString());
        Assert.Equal(third, flattened.GetProperty("replyTo").GetProperty("id").GetString());

        var thread = Assert.Single((await bob.DataAsync(Threads, new { p })).GetProperty("proposal").GetProperty("comments").GetProperty("nodes").EnumerateArray());
        Assert.Equal(3, thread.GetProperty("replyCount").GetInt32());
        Assert.Equal([2, 3, 3], thread.GetProperty("replies").EnumerateArray().Select(r => r.GetProperty("depth").GetInt32()));
    }

    [Fact]
    public async Task AnEditKeepsTheTextItReplacedAndADeletionLeavesItsPlaceWithoutText()
    {
        var ann = await fixture.MemberAsync("cm-editor");
        var bob = await fixture.MemberAsync("cm-other");
        var p = await ProposalAsync(ann, "Edits");
        var id = IdOf(await PostAsync(ann, p, "Frist draft"));
        IdOf(await PostAsync(bob, p, "Typo?", id));

        var notMine = (await bob.DataAsync("mutation($c: ID!) { editComment(input: { comment: $c, body: \"Mine now\" }) { errors { ... on UserError { code } } } }", new { c = id })).GetProperty("editComment");
        Assert.Equal(["NOT_ALLOWED"], notMine.Codes());
        var edited = (await ann.DataAsync("mutation($c: ID!) { editComment(input: { comment: $c, body: \"First draft\" }) { comment { body editedAt history { version body } } errors { ... on UserError { code } } } }", new { c = id }))
            .GetProperty("editComment").GetProperty("comment");
        Assert.Equal("First draft", edited.GetProperty("body").GetString());
        Assert.Equal("Frist draft", Assert.Single(edited.GetProperty("history").EnumerateArray()).GetProperty("body").GetString());

        var deleted = (await ann.DataAsync("mutation($c: ID!) { deleteComment(input: { comment: $c }) { comment { deleted body history { body } } errors { ... on UserError { code } } } }", new { c = id }))
            .GetProperty("deleteComment").GetProperty("comment");
        Assert.True(deleted.GetProperty("deleted").GetBoolean());
        Assert.Equal(JsonValueKind.Null, deleted.GetProperty("body").ValueKind);
        Assert.Empty(deleted.GetProperty("history").EnumerateArray());

        var thread = Assert.Single((await bob.DataAsync(Threads, new { p })).GetProperty("proposal").GetProperty("comments").GetProperty("nodes").EnumerateArray());
        Assert.True(thread.GetProperty("deleted").GetBoolean());
        Assert.Equal("Typo?", Assert.Single(thread.GetProperty("replies").EnumerateArray()).GetProperty("body").GetString());
    }

    [Theory]
    [InlineData("", "INVALID_INPUT")]
    [InlineData("   \n\t ", "INVALID_INPUT")]
    [InlineData("\u200B\u2060\u3164", "INVALID_INPUT")]
    [InlineData("price \u202Eevil", "INVALID_INPUT")]
    public async Task AnEmptyInvisibleOrBidiTextIsRefusedNamingTheBodyAndNothingIsWritten(string body, string code)
    {
        var ann = await fixture.MemberAsync("cm-bad-" + Guid.NewGuid().ToString("N")[..8]);
        var p = await ProposalAsync(ann, "Bad input");
        var before = fixture.EventCount();

        var refused = await PostAsync(ann, p, body);

        Assert.Equal([code], refused.Codes());
        Assert.Equal("body", refused.GetProperty("errors")[0].GetProperty("field").GetString());
        Assert.Equal(before, fixture.EventCount());
    }

    [Fact]
    public async Task AnOverLongCommentAStrangerAndAnUnknownCommentAreRefused()
    {
        var ann = await fixture.MemberAsync("cm-limits");
        var p = await ProposalAsync(ann, "Limits");
        var before = fixture.EventCount();

        var tooLong = await PostAsync(ann, p, new string('x', 5_001));
        Assert.Equal(["INVALID_INPUT"], tooLong.Codes());
        Assert.Contains("5000", tooLong.GetProperty("errors")[0].GetProperty("message").GetString()!.Replace(",", "", StringComparison.Ordinal));
        Assert.Equal(["UNAUTHENTICATED"], (await fixture.Anonymous.DataAsync(Post, new { p, body = "hello", to = (string?)null })).GetProperty("postComment").Codes());
        Assert.Equal(["UNKNOWN_COMMENT"], (await PostAsync(ann, p, "hello", SchemaFixture.Id("Proposal", 1))).Codes());
        Assert.Equal(before, fixture.EventCount());
    }

    [Fact]
    public async Task CommentsCloseSevenDaysAfterTheProposalDoes()
    {
        var ann = await fixture.MemberAsync("cm-closed");
        var p = await ProposalAsync(ann, "Closed");
        await ann.DataAsync("mutation($p: ID!) { withdrawProposal(input: { proposal: $p }) { errors { ... on UserError { code } } } }", new { p });
        Assert.Empty((await PostAsync(ann, p, "Still talking it over")).Codes());

        using (var connection = fixture.Database.Open())
        {
            connection.Execute("UPDATE proposal_status_history SET at = at - @eightDays WHERE proposal_id = (SELECT max(id) FROM proposals WHERE title = 'Closed')",
                new { eightDays = 8L * 24 * 3600 * 1000 });
        }

        var late = await PostAsync(ann, p, "Too late");
        Assert.Equal(["COMMENTS_CLOSED"], late.Codes());
        Assert.Equal("proposal", late.GetProperty("errors")[0].GetProperty("field").GetString());
    }

    [Fact]
    public async Task TheMostEndorsedOrderPagesWithoutRepeatsAndOwnEndorsementsAreRefused()
    {
        var ann = await fixture.MemberAsync("cm-order-ann");
        var bob = await fixture.MemberAsync("cm-order-bob");
        var cy = await fixture.MemberAsync("cm-order-cy");
        var p = await ProposalAsync(ann, "Orders");
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(IdOf(await PostAsync(ann, p, $"Point {i}")));
        }

        const string Endorse = "mutation($c: ID!) { endorseComment(input: { comment: $c }) { comment { endorsementCount endorsedByMe } errors { ... on UserError { code } } } }";
        Assert.Equal(["NOT_ALLOWED"], (await ann.DataAsync(Endorse, new { c = ids[0] })).GetProperty("endorseComment").Codes());
        await bob.DataAsync(Endorse, new { c = ids[1] });
        await cy.DataAsync(Endorse, new { c = ids[1] });
        var mine = (await bob.DataAsync(Endorse, new { c = ids[3] })).GetProperty("endorseComment").GetProperty("comment");
        Assert.True(mine.GetProperty("endorsedByMe").GetBoolean());

        var seen = new List<string>();
        string? after = null;
        do
        {
            var page = (await bob.DataAsync(Threads, new { p, order = "MOST_ENDORSED", first = 2, after })).GetProperty("proposal").GetProperty("comments");
            Assert.Equal(5, page.GetProperty("totalCount").GetInt32());
            seen.AddRange(page.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetString()!));
            after = page.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean() ? page.GetProperty("pageInfo").GetProperty("endCursor").GetString() : null;
        }
        while (after is not null);

        Assert.Equal([ids[1], ids[3], ids[4], ids[2], ids[0]], seen);
        var oldest = (await bob.DataAsync(Threads, new { p, order = "OLDEST", first = 2 })).GetProperty("proposal").GetProperty("comments").GetProperty("nodes");
        Assert.Equal([ids[0], ids[1]], oldest.EnumerateArray().Select(n => n.GetProperty("id").GetString()));
    }

    [Theory]
    [InlineData("NEWEST")]
    [InlineData("OLDEST")]
    [InlineData("MOST_ENDORSED")]
    public async Task EachOrderWalksBackWithLastAndBeforeWhileCommentsArrive(string order)
    {
        var ann = await fixture.MemberAsync($"cm-back-{order.ToLowerInvariant().Replace('_', '-')}");
        var p = await ProposalAsync(ann, $"Backwards {order}");
        for (var i = 0; i < 7; i++)
        {
            await PostAsync(ann, p, $"Point {i}");
        }

        const string Back = """
            query($p: ID!, $order: CommentOrder, $last: Int, $before: String) {
              proposal(id: $p) { comments(orderBy: $order, last: $last, before: $before) {
                pageInfo { hasPreviousPage hasNextPage startCursor } nodes { id } } }
            }
            """;
        static List<string> Ids(JsonElement page) => page.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetString()!).ToList();
        var forward = Ids((await ann.DataAsync(Threads, new { p, order, first = 50 })).GetProperty("proposal").GetProperty("comments"));
        var backward = new List<string>();
        string? before = null;
        for (var pages = 0; pages < 10; pages++)
        {
            var page = (await ann.DataAsync(Back, new { p, order, last = 3, before })).GetProperty("proposal").GetProperty("comments");
            backward.InsertRange(0, Ids(page));
            Assert.True(Ids(page).Count <= 3);
            if (!page.GetProperty("pageInfo").GetProperty("hasPreviousPage").GetBoolean())
            {
                break;
            }

            before = page.GetProperty("pageInfo").GetProperty("startCursor").GetString();
            await PostAsync(ann, p, $"Arrived during the walk {pages}");
        }

        // Arrivals land at one end of the walk, never inside the part already walked: oldest
        // first, at the tail the walk back has left; newest first (and most endorsed, where all
        // have 0 and the newer comes first), at the head it walks towards.
        Assert.Equal(backward.Distinct().Count(), backward.Count);
        Assert.Equal(forward, order == "OLDEST" ? backward.Take(forward.Count).ToList() : backward.Skip(backward.Count - forward.Count).ToList());
    }

    [Fact]
    public async Task WatchersOfAProposalHearEachCommentAsItCommits()
    {
        var ann = await fixture.MemberAsync("cm-live");
        var p = await ProposalAsync(ann, "Live");
        var bus = fixture.Factory.Services.GetRequiredService<GovernanceEventBus>();
        var subscribers = bus.SubscriberCount;
        using var socket = await WatchAsync(null, "c", $"subscription {{ commentsChanged(proposal: \"{p}\") {{ kind comment {{ body author {{ handle }} }} }} }}");
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (bus.SubscriberCount <= subscribers && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        await PostAsync(ann, p, "Live and direct");
        var change = (await ReceiveAsync(socket)).GetProperty("payload").GetProperty("data").GetProperty("commentsChanged");
        Assert.Equal("POSTED", change.GetProperty("kind").GetString());
        Assert.Equal("Live and direct", change.GetProperty("comment").GetProperty("body").GetString());
    }

    [Fact]
    public async Task WatchersShareOneResultOnlyWhereNothingSelectedDependsOnWhoAsks()
    {
        var ann = await fixture.MemberAsync("cm-share-ann");
        var bob = await fixture.MemberAsync("cm-share-bob");
        var p = await ProposalAsync(ann, "Shared");
        var comment = IdOf(await PostAsync(ann, p, "Endorse me"));
        var bus = fixture.Factory.Services.GetRequiredService<GovernanceEventBus>();
        var subscribers = bus.SubscriberCount;

        // Two anonymous watchers with a selection the same for everyone (shared: one payload, each under its own id),
        // and Ann and Bob selecting endorsedByMe (each executed for its viewer).
        var shared = $"subscription {{ commentsChanged(proposal: \"{p}\") {{ kind comment {{ id endorsementCount }} }} }}";
        var personal = $"subscription {{ commentsChanged(proposal: \"{p}\") {{ kind comment {{ id endorsedByMe }} }} }}";
        using var first = await WatchAsync(null, "first", shared);
        using var second = await WatchAsync(null, "second", shared);
        using var annWatch = await WatchAsync(await fixture.TokenAsync(ann, "ann-watch", "read"), "ann", personal);
        using var bobWatch = await WatchAsync(await fixture.TokenAsync(bob, "bob-watch", "read"), "bob", personal);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (bus.SubscriberCount < subscribers + 4 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        var endorsed = await bob.DataAsync("mutation($c: ID!) { endorseComment(input: { comment: $c }) { comment { endorsementCount } } }", new { c = comment });
        Assert.Equal(1, endorsed.GetProperty("endorseComment").GetProperty("comment").GetProperty("endorsementCount").GetInt32());

        foreach (var (socket, id) in new[] { (first, "first"), (second, "second") })
        {
            var message = await ReceiveAsync(socket);
            Assert.Equal(id, message.GetProperty("id").GetString());
            var change = message.GetProperty("payload").GetProperty("data").GetProperty("commentsChanged");
            Assert.Equal("ENDORSED", change.GetProperty("kind").GetString());
            Assert.Equal(comment, change.GetProperty("comment").GetProperty("id").GetString());
            Assert.Equal(1, change.GetProperty("comment").GetProperty("endorsementCount").GetInt32());
        }

        bool EndorsedByMe(JsonElement message) =>
            message.GetProperty("payload").GetProperty("data").GetProperty("commentsChanged").GetProperty("comment").GetProperty("endorsedByMe").GetBoolean();
        Assert.False(EndorsedByMe(await ReceiveAsync(annWatch)));
        Assert.True(EndorsedByMe(await ReceiveAsync(bobWatch)));
    }

    private async Task<WebSocket> WatchAsync(Actor? token, string id, string query)
    {
        var client = fixture.Factory.Server.CreateWebSocketClient();
        client.SubProtocols.Add("graphql-transport-ws");
        var socket = await client.ConnectAsync(new Uri("ws://localhost/graphql"), CancellationToken.None);
        await SendAsync(socket, token is null
            ? new { type = "connection_init" }
            : (object)new { type = "connection_init", payload = new { authorization = token.Client.DefaultRequestHeaders.Authorization!.ToString() } });
        Assert.Equal("connection_ack", (await ReceiveAsync(socket)).GetProperty("type").GetString());
        await SendAsync(socket, new { id, type = "subscribe", payload = new { query } });
        return socket;
    }

    private static Task SendAsync(WebSocket socket, object message) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(message)), WebSocketMessageType.Text, true, CancellationToken.None);

    private static async Task<JsonElement> ReceiveAsync(WebSocket socket)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
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
