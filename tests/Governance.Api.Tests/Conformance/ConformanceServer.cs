using Governance.Api.GraphQL;
using Governance.GraphQL.Execution;
using Governance.GraphQL.Http.WebSockets;
using Governance.Tests.Shared;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Governance.Api.Tests.Conformance;

/// <summary>
/// The real api on a real loopback port (Kestrel), on a fresh database, with the engine serving the conformance
/// schema (tests/conformance/schema.graphql) instead of the governance one, a one-second
/// connection_init timeout (4408), a 64 KiB body limit, and an init hook that refuses
/// {"reject": true} (4403).
/// </summary>
public sealed class ConformanceServer : GovernanceApiFactory
{
    public ConformanceServer()
    {
        UseKestrel(0);
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal);
        HttpUrl = address.TrimEnd('/') + GraphQLEndpoints.Path;
        WebSocketUrl = "ws" + HttpUrl["http".Length..];
    }

    /// <summary>The body limit this server is configured with (the default is 1 MiB).</summary>
    public const int MaxRequestBodyBytes = 64 * 1024;

    public string HttpUrl { get; }

    public string WebSocketUrl { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // A fresh database in a temporary folder (the base), then this server's own settings.
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Development");
        builder.UseSetting("GraphQL:WebSocket:ConnectionInitTimeout", "00:00:01");
        builder.UseSetting("GraphQL:MaxRequestBodyBytes", MaxRequestBodyBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<IGraphQLExecutor>();
            services.AddSingleton<IGraphQLExecutor>(ConformanceSchema.CreateExecutor());
            services.RemoveAll<IGraphQLWebSocketInitHandler>();
            services.AddSingleton<IGraphQLWebSocketInitHandler, RejectOnRequest>();
        });
    }

    /// <summary>Accepts every connection_init except one whose payload says {"reject": true}.</summary>
    private sealed class RejectOnRequest : IGraphQLWebSocketInitHandler
    {
        public ValueTask<ConnectionInitResult> OnConnectAsync(IReadOnlyDictionary<string, object?>? payload, object? transportContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(payload?.GetValueOrDefault("reject") is true ? ConnectionInitResult.Refuse : ConnectionInitResult.Accept);
    }
}
