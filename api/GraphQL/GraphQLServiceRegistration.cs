using Governance.GraphQL.Http;
using Microsoft.Extensions.Options;

namespace Governance.Api.GraphQL;

public static class GraphQLServiceRegistration
{
    /// <summary>
    /// Registers the GraphQL transports (HTTP, WebSocket) and their limits from the "GraphQL"
    /// configuration section. The engine itself (<see cref="Governance.GraphQL.Execution.IGraphQLExecutor"/>)
    /// is registered by whoever builds the schema; /graphql answers 503 until one is.
    /// </summary>
    public static IHostApplicationBuilder AddGraphQLTransport(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddProblemDetails();
        builder.Services.TryAddTimeProvider();
        builder.Services.AddOptions<GraphQLHttpOptions>()
            .BindConfiguration("GraphQL")
            .Validate(o => o.MaxRequestBodyBytes > 0, "GraphQL:MaxRequestBodyBytes must be positive.")
            .Validate(o => o.ExecutionTimeout > TimeSpan.Zero, "GraphQL:ExecutionTimeout must be positive.")
            .Validate(o => o.WebSocket.MaxMessageBytes > 0, "GraphQL:WebSocket:MaxMessageBytes must be positive.")
            .Validate(o => o.WebSocket.ConnectionInitTimeout > TimeSpan.Zero, "GraphQL:WebSocket:ConnectionInitTimeout must be positive.")
            .ValidateOnStart();
        builder.Services.AddSingleton(sp => sp.GetRequiredService<IOptions<GraphQLHttpOptions>>().Value);
        builder.Services.AddSingleton(sp => LoadPersistedDocuments(
            sp.GetRequiredService<GraphQLHttpOptions>().PersistedDocuments,
            sp.GetRequiredService<IConfiguration>(),
            sp.GetRequiredService<IWebHostEnvironment>(),
            sp.GetRequiredService<ILoggerFactory>().CreateLogger<PersistedDocuments>()));
        return builder;
    }

    /// <summary>The setting naming the trusted manifest; by default the web client build's persisted-documents.json.</summary>
    public const string ManifestSetting = "GraphQL:PersistedDocumentsManifest";

    /// <summary>
    /// The trusted documents: the manifest codegen writes beside the built web client (its every
    /// operation, by SHA-256), so the first-party client sends hashes and the server can be told
    /// to run nothing else. Without a manifest, TrustedOnly would refuse everything: that is a
    /// configuration error at start-up, not a silent outage.
    /// </summary>
    private static PersistedDocuments LoadPersistedDocuments(PersistedDocumentMode mode, IConfiguration configuration, IWebHostEnvironment environment, ILogger logger)
    {
        var path = configuration[ManifestSetting] is { Length: > 0 } configured
            ? configured
            : WebClient.WebClientEndpoints.FindDist(configuration, environment) is { } dist ? Path.Combine(dist, "persisted-documents.json") : null;
        IReadOnlyDictionary<string, string> trusted = new Dictionary<string, string>();
        if (path is not null && File.Exists(path))
        {
            trusted = PersistedDocuments.ReadManifest(File.ReadAllText(path));
        }
        else if (mode == PersistedDocumentMode.TrustedOnly)
        {
            throw new InvalidOperationException(
                $"GraphQL:PersistedDocuments is TrustedOnly but there is no manifest ({path ?? "no web client build"}); set {ManifestSetting}.");
        }

        logger.LogInformation("Persisted documents: {Mode}, {Count} trusted documents.", mode, trusted.Count);
        return new PersistedDocuments(mode, trusted);
    }

    private static void TryAddTimeProvider(this IServiceCollection services)
    {
        if (!services.Any(d => d.ServiceType == typeof(TimeProvider)))
        {
            services.AddSingleton(TimeProvider.System);
        }
    }
}
