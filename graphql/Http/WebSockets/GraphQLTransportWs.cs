namespace Governance.GraphQL.Http.WebSockets;

/// <summary>
/// The graphql-transport-ws protocol (enisdenjo/graphql-ws PROTOCOL.md): its subprotocol name,
/// message types and close codes.
/// </summary>
public static class GraphQLTransportWs
{
    public const string SubProtocol = "graphql-transport-ws";

    /// <summary>
    /// True when the handshake offered graphql-transport-ws (a client may list several protocols,
    /// in one header value or several). Otherwise the socket is accepted and closed with 4406.
    /// </summary>
    public static bool IsOffered(IEnumerable<string> requestedProtocols)
    {
        ArgumentNullException.ThrowIfNull(requestedProtocols);
        foreach (var value in requestedProtocols)
        {
            foreach (var protocol in value.Split(',', StringSplitOptions.TrimEntries))
            {
                if (protocol == SubProtocol)
                {
                    return true;
                }
            }
        }

        return false;
    }
}

/// <summary>The close codes graphql-transport-ws defines (PROTOCOL.md, graphql-ws CloseCode).</summary>
public static class GraphQLWebSocketCloseCodes
{
    /// <summary>A message of a type or shape the protocol does not define.</summary>
    public const int BadRequest = 4400;

    /// <summary>subscribe before the connection was acknowledged.</summary>
    public const int Unauthorized = 4401;

    /// <summary>The init hook refused the connection.</summary>
    public const int Forbidden = 4403;

    public const int SubprotocolNotAcceptable = 4406;

    public const int ConnectionInitialisationTimeout = 4408;

    /// <summary>subscribe with an id that is still active.</summary>
    public const int SubscriberAlreadyExists = 4409;

    /// <summary>A second connection_init.</summary>
    public const int TooManyInitialisationRequests = 4429;

    public const int InternalServerError = 4500;

    /// <summary>RFC 6455 §7.4.1: a message too big to process.</summary>
    public const int MessageTooBig = 1009;
}

internal static class MessageTypes
{
    public const string ConnectionInit = "connection_init";
    public const string ConnectionAck = "connection_ack";
    public const string Ping = "ping";
    public const string Pong = "pong";
    public const string Subscribe = "subscribe";
    public const string Next = "next";
    public const string Error = "error";
    public const string Complete = "complete";
}
