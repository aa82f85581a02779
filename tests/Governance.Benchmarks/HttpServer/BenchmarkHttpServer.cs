using Governance.Api.GraphQL;
using Governance.GraphQL.Execution;
using Governance.Tests.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Governance.Benchmarks.HttpServer;

/// <summary>
/// Our side of http-bench.sh: Kestrel with the api's own GraphQL registration and endpoint
/// (AddGraphQLTransport, MapGraphQLEndpoints) and the engine over the conformance schema, the
/// SDL and data the graphql-js peer serves. The governance api itself cannot serve that schema,
/// and the rest of its pipeline is not what is being compared.
/// </summary>
internal static class BenchmarkHttpServer
{
    public static async Task RunAsync(int port)
    {
        var builder = WebApplication.CreateBuilder();
        // No request logging on either side: the peer has none.
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.AddGraphQLTransport();
        builder.Services.AddSingleton<IGraphQLExecutor>(ConformanceSchema.CreateExecutor());

        var app = builder.Build();
        app.MapGraphQLEndpoints();
        await app.RunAsync().ConfigureAwait(false);
    }
}
