using System.Buffers;
using System.Collections.Concurrent;
using System.Net.WebSockets;
using Governance.GraphQL.Execution;

namespace Governance.GraphQL.Http.WebSockets;

/// <summary>
/// One graphql-transport-ws connection over an accepted <see cref="WebSocket"/>: connection_init
/// (within a timeout, at most once, through an optional init hook), ping/pong, and subscribe /
/// next / error / complete for subscriptions, queries and mutations alike. Protocol violations
/// close the socket with the codes PROTOCOL.md assigns. Messages are handled in arrival order;
/// each operation runs on its own task so a long subscription never blocks the socket.
/// </summary>
public sealed partial class GraphQLWebSocketSession : IDisposable
{
    // How long to wait for the peer's close frame after the server sent its own.
    private static readonly TimeSpan CloseHandshakeTimeout = TimeSpan.FromSeconds(2);

    private readonly WebSocket _socket;
    private readonly IGraphQLExecutor _executor;
    private readonly GraphQLHttpOptions _options;
    private readonly TimeProvider _time;
    private readonly IGraphQLWebSocketInitHandler? _initHandler;
    private readonly object? _transportContext;
    private readonly Action<Exception>? _onUnexpectedError;
    private readonly PersistedDocuments? _persisted;
    private readonly ConcurrentDictionary<string, Operation> _operations = new(StringComparer.Ordinal);

    // Every operation still running, including those the client completed (already out of
    // _operations): the session waits for them before its lock and tokens are disposed.
    private readonly ConcurrentDictionary<Operation, byte> _running = new();
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly CancellationTokenSource _session = new();

    private volatile bool _initReceived;
    private volatile bool _acknowledged;
    private volatile bool _closeSent;
    private object? _operationContext;

    public GraphQLWebSocketSession(
        WebSocket socket,
        IGraphQLExecutor executor,
        GraphQLHttpOptions options,
        TimeProvider time,
        IGraphQLWebSocketInitHandler? initHandler = null,
        object? transportContext = null,
        Action<Exception>? onUnexpectedError = null,
        PersistedDocuments? persisted = null)
    {
        _persisted = persisted;
        _socket = socket;
        _executor = executor;
        _options = options;
        _time = time;
        _initHandler = initHandler;
        _transportContext = transportContext;
        _operationContext = transportContext;
        _onUnexpectedError = onUnexpectedError;
    }

    /// <summary>Runs the protocol until either side closes the socket or <paramref name="cancellationToken"/> fires.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var registration = cancellationToken.Register(static s => ((CancellationTokenSource)s!).Cancel(), _session);
        if (_socket.SubProtocol != GraphQLTransportWs.SubProtocol)
        {
            await CloseAsync(GraphQLWebSocketCloseCodes.SubprotocolNotAcceptable, "Subprotocol not acceptable").ConfigureAwait(false);
            await DrainUntilClosedAsync().ConfigureAwait(false);
            return;
        }

        var initTimeout = WatchConnectionInitAsync();
        try
        {
            await ReceiveLoopAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // The peer vanished or the host is stopping: nothing left to tell anyone.
        }
        finally
        {
            await _session.CancelAsync().ConfigureAwait(false);
            await initTimeout.ConfigureAwait(false);
            await Task.WhenAll(_running.Keys.Select(o => o.Completion)).WaitAsync(TimeSpan.FromSeconds(5), _time, CancellationToken.None)
                .ContinueWith(static _ => { }, TaskScheduler.Default).ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        _session.Dispose();
        _sendLock.Dispose();
    }

    private async Task WatchConnectionInitAsync()
    {
        try
        {
            await Task.Delay(_options.WebSocket.ConnectionInitTimeout, _time, _session.Token).ConfigureAwait(false);
            if (!_initReceived)
            {
                await CloseAsync(GraphQLWebSocketCloseCodes.ConnectionInitialisationTimeout, "Connection initialisation timeout").ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // The session ended first.
        }
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        while (!_closeSent)
        {
            buffer.ResetWrittenCount();
            var (kind, tooBig) = await ReceiveMessageAsync(buffer).ConfigureAwait(false);
            if (kind == WebSocketMessageType.Close)
            {
                await CloseAsync((int)(_socket.CloseStatus ?? WebSocketCloseStatus.NormalClosure), string.Empty).ConfigureAwait(false);
                return;
            }

            if (_closeSent)
            {
                break;
            }

            if (tooBig)
            {
                await CloseAsync(GraphQLWebSocketCloseCodes.MessageTooBig, "Message too big").ConfigureAwait(false);
                break;
            }

            if (kind == WebSocketMessageType.Binary)
            {
                await CloseAsync(GraphQLWebSocketCloseCodes.BadRequest, "Invalid message received").ConfigureAwait(false);
                break;
            }

            await HandleMessageAsync(buffer.WrittenMemory).ConfigureAwait(false);
        }

        await DrainUntilClosedAsync().ConfigureAwait(false);
    }

    /// <summary>Reads one whole message, stopping (and reporting it) once it passes the size limit.</summary>
    private async Task<(WebSocketMessageType Kind, bool TooBig)> ReceiveMessageAsync(ArrayBufferWriter<byte> buffer)
    {
        while (true)
        {
            var memory = buffer.GetMemory(4096);
            var result = await _socket.ReceiveAsync(memory, _session.Token).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return (WebSocketMessageType.Close, false);
            }

            buffer.Advance(result.Count);
            if (buffer.WrittenCount > _options.WebSocket.MaxMessageBytes)
            {
                return (result.MessageType, true);
            }

            if (result.EndOfMessage)
            {
                return (result.MessageType, false);
            }
        }
    }

    /// <summary>After the server's close frame, read (and ignore) until the peer's close frame, briefly.</summary>
    private async Task DrainUntilClosedAsync()
    {
        using var wait = new CancellationTokenSource(CloseHandshakeTimeout, _time);
        var scratch = new byte[1024];
        try
        {
            while (_socket.State is WebSocketState.Open or WebSocketState.CloseSent)
            {
                var result = await _socket.ReceiveAsync(scratch.AsMemory(), wait.Token).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // The peer did not finish the close handshake; the host aborts the connection.
        }
    }

    private async Task SendAsync(byte[] message)
    {
        if (!await TryEnterSendLockAsync().ConfigureAwait(false))
        {
            return;
        }

        try
        {
            if (_closeSent || _socket.State != WebSocketState.Open)
            {
                return;
            }

            // Not an operation's token: cancelling a send aborts the whole socket.
            await _socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, _session.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The peer is gone; the receive loop notices and ends the session.
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Sends the close frame once, after stopping every operation so nothing follows it.</summary>
    private async Task CloseAsync(int code, string reason)
    {
        if (!await TryEnterSendLockAsync().ConfigureAwait(false))
        {
            return;
        }

        try
        {
            if (_closeSent)
            {
                return;
            }

            _closeSent = true;
            foreach (var operation in _operations.Values)
            {
                operation.Cancel();
            }

            if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await _socket.CloseOutputAsync((WebSocketCloseStatus)code, reason, CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Already gone.
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>False once the session is disposed: an operation that outlived it has no one to tell.</summary>
    private async Task<bool> TryEnterSendLockAsync()
    {
        try
        {
            await _sendLock.WaitAsync(CancellationToken.None).ConfigureAwait(false);
            return true;
        }
        catch (ObjectDisposedException)
        {
            return false;
        }
    }

    private sealed class Operation(CancellationTokenSource cancellation)
    {
        public CancellationTokenSource Cancellation { get; } = cancellation;

        public Task Completion { get; set; } = Task.CompletedTask;

        /// <summary>Stops the operation; one that has just finished (and disposed its source) is left alone.</summary>
        public void Cancel()
        {
            try
            {
                Cancellation.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // It ended on its own in the meantime.
            }
        }
    }
}
