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
        return builder;
    }

    private static void TryAddTimeProvider(this IServiceCollection services)
    {
        if (!services.Any(d => d.ServiceType == typeof(TimeProvider)))
        {
            services.AddSingleton(TimeProvider.System);
        }
    }
}
