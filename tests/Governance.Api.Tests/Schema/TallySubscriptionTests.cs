using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Dapper;
using Governance.Api.Schema;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Api.Tests.Schema;

/// <summary>The app with its clock running every second, as in production but faster.</summary>
public sealed class LiveClockFixture : IAsyncLifetime
{
    public SchemaFixture App { get; } = new();

    public async Task InitializeAsync()
    {
        App.Factory.Settings["Clock:Enabled"] = "true";
        App.Factory.Settings["Clock:IntervalSeconds"] = "1";
        await App.InitializeAsync();
    }

    public Task DisposeAsync() => App.DisposeAsync();
}

/// <summary>tallyChanged: hidden while voting (the default policy), sent once the clock closes the vote.</summary>
public sealed class TallySubscriptionTests(LiveClockFixture fixture) : IClassFixture<LiveClockFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task SubscribersReceiveTheTallyAndTheNewStatusWhenTheClockClosesTheVote()
    {
        var app = fixture.App;
        var ann = await app.MemberAsync("tally-ann");
        var bob = await app.MemberAsync("tally-bob");
        var proposal = (await ann.DataAsync("mutation($a: ID!) { propose(input: { area: $a, title: \"Count me\", body: \"b\" }) { proposal { id } } }",
            new { a = SchemaFixture.Id("Area", app.RootArea()) })).GetProperty("propose").GetProperty("proposal").GetProperty("id").GetString()!;
        Assert.True(Governance.GraphQL.Relay.GlobalId.TryDecode(proposal, out _, out var local));
        var id = long.Parse(local, System.Globalization.CultureInfo.InvariantCulture);
        using var connection = app.Database.Open();
        connection.Execute("UPDATE proposals SET status = 'voting', voting_starts_at = @start, voting_ends_at = @end WHERE id = @id",
            new { id, start = DateTimeOffset.UtcNow.AddDays(-1).ToUnixTimeMilliseconds(), end = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeMilliseconds() });
        const string Vote = "mutation($p: ID!, $c: VoteChoice!) { vote(input: { proposal: $p, choice: $c }) { errors { __typename } } }";
        await ann.DataAsync(Vote, new { p = proposal, c = "YES" });
        await bob.DataAsync(Vote, new { p = proposal, c = "YES" });

        var bus = app.Factory.Services.GetRequiredService<GovernanceEventBus>();
        var subscribers = bus.SubscriberCount;
        var client = app.Factory.Server.CreateWebSocketClient();
        client.SubProtocols.Add("graphql-transport-ws");
        using var socket = await client.ConnectAsync(new Uri("ws://localhost/graphql"), CancellationToken.None);
        await SendAsync(socket, new { type = "connection_init" });
        Assert.Equal("connection_ack", (await ReceiveAsync(socket)).GetProperty("type").GetString());
        await SendAsync(socket, new { id = "t", type = "subscribe", payload = new { query = $"subscription {{ tallyChanged(id: \"{proposal}\") {{ voters yes no passed }} }}" } });
        await SendAsync(socket, new { id = "p", type = "subscribe", payload = new { query = $"subscription {{ proposalChanged(id: \"{proposal}\") {{ status }} }}" } });
        var deadline = DateTime.UtcNow + Patience;
        while (bus.SubscriberCount < subscribers + 2)
        {
            Assert.True(DateTime.UtcNow < deadline, "the subscription never started listening");
            await Task.Delay(20);
        }

        connection.Execute("UPDATE proposals SET voting_ends_at = @end WHERE id = @id", new { id, end = DateTimeOffset.UtcNow.AddSeconds(-1).ToUnixTimeMilliseconds() });
        var messages = new[] { await ReceiveAsync(socket), await ReceiveAsync(socket) }.ToDictionary(m => m.GetProperty("id").GetString()!);

        // The clock's own change reaches the proposal's watchers too, not only the tally's.
        Assert.Equal("next", messages["p"].GetProperty("type").GetString());
        Assert.Equal("REJECTED", messages["p"].GetProperty("payload").GetProperty("data").GetProperty("proposalChanged").GetProperty("status").GetString());
        var message = messages["t"];
        Assert.Equal("next", message.GetProperty("type").GetString());
        var tally = message.GetProperty("payload").GetProperty("data").GetProperty("tallyChanged");
        Assert.Equal(2, tally.GetProperty("voters").GetInt32());
        Assert.True(tally.GetProperty("yes").GetDouble() >= 2);
        Assert.False(tally.GetProperty("passed").GetBoolean(), "two votes of over a hundred members miss the 10 % quorum");
        Assert.Equal("rejected", connection.ExecuteScalar<string>("SELECT status FROM proposals WHERE id = @id", new { id }));
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
            Assert.NotEqual(WebSocketMessageType.Close, received.MessageType);
            text.Append(Encoding.UTF8.GetString(buffer, 0, received.Count));
            if (received.EndOfMessage)
            {
                return JsonDocument.Parse(text.ToString()).RootElement.Clone();
            }
        }
    }
}
