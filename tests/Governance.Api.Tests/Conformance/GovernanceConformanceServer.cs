using Governance.Api.GraphQL;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Api.Tests.Conformance;

/// <summary>The real api with the governance schema (not the conformance one) on a loopback port, over a fresh demo database.</summary>
public sealed class GovernanceConformanceServer : IDisposable
{
    private readonly GovernanceApiFactory _factory = new();

    public GovernanceConformanceServer()
    {
        _factory.UseKestrel(0);
        _factory.StartServer();
        var address = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal);
        HttpUrl = address.TrimEnd('/') + GraphQLEndpoints.Path;
    }

    public string HttpUrl { get; }

    public void Dispose() => _factory.Dispose();
}
