using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Governance.Api.Schema;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Api.Tests.Schema;

/// <summary>Subscriptions over graphql-transport-ws, fed by the event bus after each commit.</summary>
public sealed class SubscriptionTests(SchemaFixture fixture) : IClassFixture<SchemaFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private async Task<WebSocket> ConnectAsync(Action<Microsoft.AspNetCore.Http.HttpRequest>? configure = null)
    {
        _ = fixture.Factory.Server; // started by the fixture's first client
        var client = fixture.Factory.Server.CreateWebSocketClient();
        client.SubProtocols.Add("graphql-transport-ws");
        if (configure is not null)
        {
            client.ConfigureRequest = configure;
        }

        return await client.ConnectAsync(new Uri("ws://localhost/graphql"), CancellationToken.None);
    }

    private static Task SendAsync(WebSocket socket, object message) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(message)), WebSocketMessageType.Text, true, CancellationToken.None);

    /// <summary>The next message, or null when the server closed the socket.</summary>
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

    private async Task WaitForSubscribersAsync(int count)
    {
        var bus = fixture.Factory.Services.GetRequiredService<GovernanceEventBus>();
        var deadline = DateTime.UtcNow + Patience;
        while (bus.SubscriberCount < count)
        {
            Assert.True(DateTime.UtcNow < deadline, "the subscription never started listening");
            await Task.Delay(20);
        }
    }

    private async Task<WebSocket> SubscribeAsync(Actor token, string query)
    {
        var socket = await ConnectAsync();
        var bearer = token.Client.DefaultRequestHeaders.Authorization!.ToString();
        await SendAsync(socket, new { type = "connection_init", payload = new { authorization = bearer } });
        Assert.Equal("connection_ack", (await ReceiveAsync(socket))!.Value.GetProperty("type").GetString());
        await SendAsync(socket, new { id = "1", type = "subscribe", payload = new { query } });
        return socket;
    }

    [Fact]
    public async Task ADelegateHearsThatSomeoneDelegatedToThemAndTheAreaHearsItToo()
    {
        var ann = await fixture.MemberAsync("sub-ann");
        var bob = await fixture.MemberAsync("sub-bob");
        var bobToken = await fixture.TokenAsync(bob, "bob-live", "read");
        var area = SchemaFixture.Id("Area", fixture.RootArea());
        var subscribers = fixture.Factory.Services.GetRequiredService<GovernanceEventBus>().SubscriberCount;
        using var mine = await SubscribeAsync(bobToken, "subscription { myDelegationsChanged { kind member { handle } scope { kind } delegation { delegates { handle } } } }");
        using var inArea = await SubscribeAsync(bobToken, $"subscription {{ delegationsChanged(area: \"{area}\") {{ kind member {{ handle }} }} }}");
        await WaitForSubscribersAsync(subscribers + 2);

        await ann.DataAsync("mutation($d: [ID!]!) { delegate(input: { scope: { global: true }, delegates: $d }) { errors { __typename ... on UserError { code } } } }",
            new { d = new[] { SchemaFixture.Id("Member", bob.MemberId!.Value) } });
        var heard = (await ReceiveAsync(mine))!.Value;
        var heardInArea = (await ReceiveAsync(inArea))!.Value;

        Assert.Equal("next", heard.GetProperty("type").GetString());
        var change = heard.GetProperty("payload").GetProperty("data").GetProperty("myDelegationsChanged");
        Assert.Equal("SET", change.GetProperty("kind").GetString());
        Assert.Equal("sub-ann", change.GetProperty("member").GetProperty("handle").GetString());
        Assert.Equal("GLOBAL", change.GetProperty("scope").GetProperty("kind").GetString());
        Assert.Equal("sub-bob", change.GetProperty("delegation").GetProperty("delegates")[0].GetProperty("handle").GetString());
        Assert.Equal("sub-ann", heardInArea.GetProperty("payload").GetProperty("data").GetProperty("delegationsChanged").GetProperty("member").GetProperty("handle").GetString());
    }

    [Fact]
    public async Task AnyoneCanFollowAProposalAndTheAgendaAsMembersActOnThem()
    {
        var author = await fixture.MemberAsync("sub-author");
        var supporter = await fixture.MemberAsync("sub-supporter");
        var id = (await author.DataAsync("mutation($a: ID!) { propose(input: { area: $a, title: \"Live\", body: \"b\" }) { proposal { id } } }",
            new { a = SchemaFixture.Id("Area", fixture.RootArea()) })).GetProperty("propose").GetProperty("proposal").GetProperty("id").GetString()!;
        var subscribers = fixture.Factory.Services.GetRequiredService<GovernanceEventBus>().SubscriberCount;
        using var socket = await ConnectAsync();
        await SendAsync(socket, new { type = "connection_init" });
        Assert.Equal("connection_ack", (await ReceiveAsync(socket))!.Value.GetProperty("type").GetString());
        await SendAsync(socket, new { id = "p", type = "subscribe", payload = new { query = $"subscription {{ proposalChanged(id: \"{id}\") {{ id score supporterCount }} }}" } });
        await SendAsync(socket, new { id = "a", type = "subscribe", payload = new { query = "subscription { agendaChanged { id } }" } });
        await WaitForSubscribersAsync(subscribers + 2);

        await supporter.DataAsync("mutation($p: ID!) { support(input: { proposal: $p, points: 1 }) { errors { __typename } } }", new { p = id });
        var first = (await ReceiveAsync(socket))!.Value;
        var second = (await ReceiveAsync(socket))!.Value;

        var byId = new[] { first, second }.ToDictionary(m => m.GetProperty("id").GetString()!);
        var changed = byId["p"].GetProperty("payload").GetProperty("data").GetProperty("proposalChanged");
        Assert.Equal(id, changed.GetProperty("id").GetString());
        Assert.Equal(1, changed.GetProperty("score").GetInt32());
        Assert.Equal(JsonValueKind.Array, byId["a"].GetProperty("payload").GetProperty("data").GetProperty("agendaChanged").ValueKind);
    }

    [Fact]
    public async Task ManyWatchersOfAProposalShareOneReadPerChangeAndLearnWhenItCommitted()
    {
        const int Watchers = 12;
        var author = await fixture.MemberAsync("sub-shared-author");
        var supporter = await fixture.MemberAsync("sub-shared-supporter");
        var id = (await author.DataAsync("mutation($a: ID!) { propose(input: { area: $a, title: \"Shared\", body: \"b\" }) { proposal { id } } }",
            new { a = SchemaFixture.Id("Area", fixture.RootArea()) })).GetProperty("propose").GetProperty("proposal").GetProperty("id").GetString()!;
        var subscribers = fixture.Factory.Services.GetRequiredService<GovernanceEventBus>().SubscriberCount;
        var sockets = new List<WebSocket>();
        try
        {
            for (var i = 0; i < Watchers; i++)
            {
                var socket = await ConnectAsync();
                await SendAsync(socket, new { type = "connection_init" });
                Assert.Equal("connection_ack", (await ReceiveAsync(socket))!.Value.GetProperty("type").GetString());
                await SendAsync(socket, new { id = "p", type = "subscribe", payload = new { query = $"subscription {{ proposalChanged(id: \"{id}\") {{ id title status }} }}" } });
                sockets.Add(socket);
            }

            await WaitForSubscribersAsync(subscribers + Watchers);
            var counter = fixture.Factory.Services.GetRequiredService<Governance.Api.Schema.Data.SqlStatementCounter>();
            var before = DateTimeOffset.UtcNow;
            List<JsonElement> heard = [];
            counter.Reset();
            counter.Enabled = true;
            try
            {
                await supporter.DataAsync("mutation($p: ID!) { support(input: { proposal: $p, points: 1 }) { errors { __typename } } }", new { p = id });
                foreach (var socket in sockets)
                {
                    heard.Add((await ReceiveAsync(socket))!.Value);
                }
            }
            finally
            {
                counter.Enabled = false;
            }

            var after = DateTimeOffset.UtcNow;
            foreach (var message in heard)
            {
                Assert.Equal("Shared", message.GetProperty("payload").GetProperty("data").GetProperty("proposalChanged").GetProperty("title").GetString());
                var published = DateTimeOffset.Parse(message.GetProperty("payload").GetProperty("extensions").GetProperty("publishedAt").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
                Assert.InRange(published, before.AddMilliseconds(-1), after);
            }

            // The mutation reads the committed row once for its own payload, and that read serves
            // every watcher. The counter is SQLite's trace hook (the SQL is the same on PostgreSQL).
            if (!fixture.Database.IsPostgres)
            {
                var proposalReads = counter.Statements.Count(q => q.Contains("FROM proposals WHERE id", StringComparison.Ordinal));
                Assert.True(proposalReads == 1, $"{proposalReads} reads of the proposal for {Watchers} watchers:\n{string.Join("\n", counter.Statements)}");
            }
        }
        finally
        {
            foreach (var socket in sockets)
            {
                socket.Dispose();
            }
        }
    }

    [Fact]
    public async Task AnAnonymousConnectionCannotSubscribeToDelegations()
    {
        using var socket = await ConnectAsync();
        await SendAsync(socket, new { type = "connection_init" });
        Assert.Equal("connection_ack", (await ReceiveAsync(socket))!.Value.GetProperty("type").GetString());

        await SendAsync(socket, new { id = "1", type = "subscribe", payload = new { query = "subscription { myDelegationsChanged { kind } }" } });
        var answer = (await ReceiveAsync(socket))!.Value;

        Assert.Equal("error", answer.GetProperty("type").GetString());
        Assert.Contains("Sign in", answer.GetProperty("payload")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AConnectionWithAnUnknownTokenIsRefused()
    {
        using var socket = await ConnectAsync();
        await SendAsync(socket, new { type = "connection_init", payload = new { authorization = "Bearer gov_pat_not-a-real-token" } });

        Assert.Null(await ReceiveAsync(socket));
        Assert.Equal(4403, (int?)socket.CloseStatus);
    }

    [Fact]
    public async Task ACookieSessionSocketWithoutTheAntiforgeryTokenIsRefused()
    {
        using var plain = fixture.Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = false });
        using var response = await plain.PostAsync("/api/account/register", new StringContent(
            """{"handle":"sub-cookie","displayName":"Cookie","email":"sub-cookie@example.org","password":"correct horse battery"}""", Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();
        var cookie = response.Headers.GetValues("Set-Cookie").First().Split(';')[0];
        var csrf = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("csrfToken").GetString();

        using var without = await ConnectAsync(r => r.Headers.Cookie = cookie);
        await SendAsync(without, new { type = "connection_init" });
        var refused = await ReceiveAsync(without);
        using var with = await ConnectAsync(r => r.Headers.Cookie = cookie);
        await SendAsync(with, new { type = "connection_init", payload = new { csrfToken = csrf } });
        var accepted = await ReceiveAsync(with);

        Assert.Null(refused);
        Assert.Equal(4403, (int?)without.CloseStatus);
        Assert.Equal("connection_ack", accepted!.Value.GetProperty("type").GetString());
    }
}
