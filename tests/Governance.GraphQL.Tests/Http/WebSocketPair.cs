using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;

namespace Governance.GraphQL.Tests.Http;

/// <summary>
/// A server and a client WebSocket joined by a real loopback TCP connection, with the
/// handshake already done, so the protocol session can be tested without a web host.
/// </summary>
internal sealed class WebSocketPair : IDisposable
{
    private readonly Socket _serverSocket;
    private readonly Socket _clientSocket;

    private WebSocketPair(Socket server, Socket client, string? subProtocol)
    {
        _serverSocket = server;
        _clientSocket = client;
        Server = WebSocket.CreateFromStream(new NetworkStream(server, ownsSocket: false), Options(subProtocol, isServer: true));
        Client = WebSocket.CreateFromStream(new NetworkStream(client, ownsSocket: false), Options(subProtocol, isServer: false));
    }

    private static WebSocketCreationOptions Options(string? subProtocol, bool isServer) =>
        new() { SubProtocol = subProtocol, IsServer = isServer, KeepAliveInterval = Timeout.InfiniteTimeSpan };

    public WebSocket Server { get; }

    public WebSocket Client { get; }

    public static async Task<WebSocketPair> ConnectAsync(string? subProtocol)
    {
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(1);
        var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        var accept = listener.AcceptAsync();
        await client.ConnectAsync(listener.LocalEndPoint!);
        return new WebSocketPair(await accept, client, subProtocol);
    }

    public void Dispose()
    {
        Server.Dispose();
        Client.Dispose();
        _serverSocket.Dispose();
        _clientSocket.Dispose();
    }
}
