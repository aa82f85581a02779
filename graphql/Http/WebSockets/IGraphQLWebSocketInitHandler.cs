namespace Governance.GraphQL.Http.WebSockets;

/// <summary>
/// Decides whether a graphql-transport-ws connection is accepted when its connection_init
/// arrives (authentication lives here). Refusing closes the socket with 4403 Forbidden.
/// </summary>
public interface IGraphQLWebSocketInitHandler
{
    /// <param name="payload">The connection_init payload, if the client sent one.</param>
    /// <param name="transportContext">What the host passed for this socket (for example its HTTP context).</param>
    ValueTask<ConnectionInitResult> OnConnectAsync(
        IReadOnlyDictionary<string, object?>? payload,
        object? transportContext,
        CancellationToken cancellationToken);
}

/// <summary>
/// The answer to connection_init: accepted or not, an optional connection_ack payload, and the
/// context object every operation on this socket is executed with (the transport context if null).
/// </summary>
public sealed record ConnectionInitResult(
    bool Accepted,
    IReadOnlyDictionary<string, object?>? AckPayload = null,
    object? Context = null)
{
    public static ConnectionInitResult Accept { get; } = new(true);

    public static ConnectionInitResult Refuse { get; } = new(false);
}
