using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Governance.GraphQL.Http;
using Governance.GraphQL.Http.WebSockets;

namespace Governance.GraphQL.Tests.Http;

public sealed class GraphQLWebSocketSessionTests : IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly GraphQLHttpOptions _options = new();
    private WebSocketPair _pair = null!;
    private GraphQLWebSocketSession _session = null!;
    private Task _run = Task.CompletedTask;

    private WebSocket Client => _pair.Client;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        // Hang up as a client would, so that the session ends now rather than at a timeout. The
        // client's close waits for the TCP connection to end, which only Dispose does.
        var hangUp = _pair?.Client.State is WebSocketState.Open or WebSocketState.CloseReceived
            ? _pair.Client.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None)
            : Task.CompletedTask;
        await _run.WaitAsync(Patience).ContinueWith(_ => { }, TaskScheduler.Default);
        Dispose();
        await hangUp.ContinueWith(_ => { }, TaskScheduler.Default);
    }

    public void Dispose()
    {
        _session?.Dispose();
        _pair?.Dispose();
    }

    private async Task StartAsync(string? subProtocol = GraphQLTransportWs.SubProtocol, IGraphQLWebSocketInitHandler? initHandler = null)
    {
        _pair = await WebSocketPair.ConnectAsync(subProtocol);
        _session = new GraphQLWebSocketSession(_pair.Server, new FakeExecutor(), _options, TimeProvider.System, initHandler);
        _run = _session.RunAsync(CancellationToken.None);
    }

    private Task SendAsync(string text) =>
        Client.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);

    private Task SendAsync(object message) => SendAsync(JsonSerializer.Serialize(message));

    /// <summary>The next message as JSON, or null when the server closed the socket.</summary>
    private async Task<JsonElement?> ReceiveAsync()
    {
        var buffer = new byte[64 * 1024];
        var length = 0;
        using var timeout = new CancellationTokenSource(Patience);
        while (true)
        {
            var result = await Client.ReceiveAsync(buffer.AsMemory(length), timeout.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            length += result.Count;
            if (result.EndOfMessage)
            {
                return JsonDocument.Parse(buffer.AsMemory(0, length)).RootElement;
            }
        }
    }

    private async Task<int?> ReceiveCloseAsync()
    {
        while (await ReceiveAsync() is not null)
        {
        }

        return (int?)Client.CloseStatus;
    }

    private async Task InitAsync()
    {
        await SendAsync(new { type = "connection_init" });
        Assert.Equal("connection_ack", (await ReceiveAsync())?.GetProperty("type").GetString());
    }

    [Fact]
    public async Task ConnectionInitIsAcknowledgedAndPingIsAnsweredWithItsPayload()
    {
        await StartAsync();
        await InitAsync();

        await SendAsync(new { type = "ping", payload = new { n = 7 } });
        var pong = await ReceiveAsync();

        Assert.Equal("pong", pong?.GetProperty("type").GetString());
        Assert.Equal(7, pong?.GetProperty("payload").GetProperty("n").GetInt32());
    }

    [Fact]
    public async Task SubscriptionStreamsNextMessagesThenComplete()
    {
        await StartAsync();
        await InitAsync();

        await SendAsync(new { type = "subscribe", id = "s1", payload = new { query = FakeExecutor.CountTo3 } });
        var counts = new List<int>();
        JsonElement? message;
        while ((message = await ReceiveAsync())?.GetProperty("type").GetString() == "next")
        {
            Assert.Equal("s1", message.Value.GetProperty("id").GetString());
            counts.Add(message.Value.GetProperty("payload").GetProperty("data").GetProperty("count").GetInt32());
        }

        Assert.Equal([1, 2, 3], counts);
        Assert.Equal("complete", message?.GetProperty("type").GetString());
    }

    [Fact]
    public async Task QueryOverTheSocketGivesOneNextThenComplete()
    {
        await StartAsync();
        await InitAsync();

        await SendAsync(new { type = "subscribe", id = "q", payload = new { query = FakeExecutor.Typename } });

        Assert.Equal("Query", (await ReceiveAsync())?.GetProperty("payload").GetProperty("data").GetProperty("__typename").GetString());
        Assert.Equal("complete", (await ReceiveAsync())?.GetProperty("type").GetString());
    }

    [Fact]
    public async Task InvalidDocumentGivesAnErrorMessageAndKeepsTheSocketOpen()
    {
        await StartAsync();
        await InitAsync();

        await SendAsync(new { type = "subscribe", id = "bad", payload = new { query = FakeExecutor.UnknownField } });
        var error = await ReceiveAsync();
        await SendAsync(new { type = "ping" });

        Assert.Equal("error", error?.GetProperty("type").GetString());
        Assert.Equal(JsonValueKind.Array, error?.GetProperty("payload").ValueKind);
        Assert.Equal("pong", (await ReceiveAsync())?.GetProperty("type").GetString());
    }

    [Fact]
    public async Task VariableCoercionFailureEndsTheOperationWithAnErrorMessage()
    {
        await StartAsync();
        await InitAsync();

        await SendAsync(new { type = "subscribe", id = "v", payload = new { query = FakeExecutor.NeedsId, variables = new { id = (string?)null } } });
        var error = await ReceiveAsync();
        await SendAsync(new { type = "ping" });

        Assert.Equal("error", error?.GetProperty("type").GetString());
        Assert.Contains("$id", error?.GetProperty("payload")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("pong", (await ReceiveAsync())?.GetProperty("type").GetString());
    }

    [Fact]
    public async Task CompleteFromTheClientStopsTheSubscriptionSoTheIdCanBeReused()
    {
        await StartAsync();
        await InitAsync();
        await SendAsync(new { type = "subscribe", id = "f", payload = new { query = FakeExecutor.Forever } });
        Assert.Equal("next", (await ReceiveAsync())?.GetProperty("type").GetString());

        await SendAsync(new { type = "complete", id = "f" });
        await SendAsync(new { type = "subscribe", id = "f", payload = new { query = FakeExecutor.Typename } });

        // Stale "next" messages of the first subscription may still be in flight; the reused id then completes.
        JsonElement? message;
        while ((message = await ReceiveAsync())?.GetProperty("type").GetString() == "next")
        {
        }

        Assert.Equal("complete", message?.GetProperty("type").GetString());
        Assert.Equal(WebSocketState.Open, Client.State);
    }

    [Fact]
    public async Task SubscribeBeforeAcknowledgementClosesWith4401()
    {
        await StartAsync();

        await SendAsync(new { type = "subscribe", id = "1", payload = new { query = FakeExecutor.Typename } });

        Assert.Equal(4401, await ReceiveCloseAsync());
    }

    [Fact]
    public async Task SecondConnectionInitClosesWith4429()
    {
        await StartAsync();
        await InitAsync();

        await SendAsync(new { type = "connection_init" });

        Assert.Equal(4429, await ReceiveCloseAsync());
    }

    [Fact]
    public async Task DuplicateActiveIdClosesWith4409()
    {
        await StartAsync();
        await InitAsync();

        await SendAsync(new { type = "subscribe", id = "dup", payload = new { query = FakeExecutor.Forever } });
        await SendAsync(new { type = "subscribe", id = "dup", payload = new { query = FakeExecutor.Forever } });

        Assert.Equal(4409, await ReceiveCloseAsync());
        Assert.Contains("dup", Client.CloseStatusDescription, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefusingInitHandlerClosesWith4403()
    {
        await StartAsync(initHandler: new RefuseAll());

        await SendAsync(new { type = "connection_init", payload = new { token = "wrong" } });

        Assert.Equal(4403, await ReceiveCloseAsync());
    }

    [Fact]
    public async Task NoConnectionInitWithinTheTimeoutClosesWith4408()
    {
        _options.WebSocket.ConnectionInitTimeout = TimeSpan.FromMilliseconds(100);
        await StartAsync();

        Assert.Equal(4408, await ReceiveCloseAsync());
    }

    [Fact]
    public async Task WrongSubprotocolClosesWith4406()
    {
        await StartAsync(subProtocol: null);

        Assert.Equal(4406, await ReceiveCloseAsync());
    }

    [Theory]
    [InlineData("""not json""")]
    [InlineData("""[]""")]
    [InlineData("""{"type":"unknown"}""")]
    [InlineData("""{"type":"next","id":"1","payload":{}}""")]
    [InlineData("""{"type":"subscribe","id":"","payload":{"query":"{ a }"}}""")]
    [InlineData("""{"type":"subscribe","id":"1","payload":{"query":1}}""")]
    [InlineData("""{"type":"subscribe","id":"1","payload":{"query":"{ a }","variables":[]}}""")]
    [InlineData("""{"type":"connection_init","payload":"token"}""")]
    [InlineData("""{"type":"complete"}""")]
    public async Task MessageOutsideTheProtocolClosesWith4400(string message)
    {
        await StartAsync();
        await InitAsync();

        await SendAsync(message);

        Assert.Equal(4400, await ReceiveCloseAsync());
    }

    [Fact]
    public async Task MessageAboveTheSizeLimitClosesWith1009()
    {
        _options.WebSocket.MaxMessageBytes = 1024;
        await StartAsync();

        await SendAsync(new { type = "connection_init", payload = new { filler = new string('x', 5000) } });

        Assert.Equal(1009, await ReceiveCloseAsync());
    }

    private sealed class RefuseAll : IGraphQLWebSocketInitHandler
    {
        public ValueTask<ConnectionInitResult> OnConnectAsync(IReadOnlyDictionary<string, object?>? payload, object? transportContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(ConnectionInitResult.Refuse);
    }
}
