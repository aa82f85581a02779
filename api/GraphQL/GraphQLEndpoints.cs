using System.Runtime.CompilerServices;
using Governance.GraphQL.Execution;
using Governance.GraphQL.Http;
using Governance.GraphQL.Http.WebSockets;
using Governance.GraphQL.Types;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Primitives;

namespace Governance.Api.GraphQL;

/// <summary>
/// /graphql: GraphQL over HTTP (GET and POST), graphql-transport-ws on WebSocket upgrade,
/// GraphiQL for browsers, and the SDL. A thin adapter: every rule of the protocols lives in
/// Governance.GraphQL.Http, which knows nothing of ASP.NET.
/// </summary>
public static partial class GraphQLEndpoints
{
    public const string Path = "/graphql";

    public static WebApplication MapGraphQLEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        // The WebSocket middleware must run before the endpoint for an upgrade to be seen; pings
        // at the WebSocket level keep idle subscriptions alive through proxies.
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });

        var group = app.MapGroup(Path).WithTags("GraphQL");
        group.Map("", HandleAsync).ExcludeFromDescription();
        group.MapGet("/schema.graphql", GetSchema).WithName("GetGraphQLSchema");
        return app;
    }

    /// <summary>
    /// GET /graphql/schema.graphql (and /graphql?sdl): the schema as SDL, printed as graphql-js
    /// prints it. Off when introspection is off: the SDL tells as much as __schema does.
    /// </summary>
    private static Results<ContentHttpResult, ProblemHttpResult> GetSchema(HttpContext http) =>
        http.RequestServices.GetService<IGraphQLExecutor>() switch
        {
            GraphQLExecutor { Options.EnableIntrospection: false } => TypedResults.Problem(
                "The schema is not published while introspection is turned off.", statusCode: StatusCodes.Status404NotFound, title: "Not Found"),
            GraphQLExecutor { Options.AllowIntrospection: { } allow } when !allow(http) => TypedResults.Problem(
                "The schema is published to signed-in callers only.", statusCode: StatusCodes.Status404NotFound, title: "Not Found"),
            GraphQLExecutor executor => TypedResults.Text(PrintedSchemas.GetValue(executor.Schema, SchemaPrinter.Print), "text/plain; charset=utf-8"),
            _ => NotConfigured("No GraphQL schema is registered."),
        };

    // Printed once per schema instance.
    private static readonly ConditionalWeakTable<Governance.GraphQL.Types.Schema, string> PrintedSchemas = new();

    private static async Task HandleAsync(HttpContext http)
    {
        var request = http.Request;
        if (http.WebSockets.IsWebSocketRequest)
        {
            await AcceptWebSocketAsync(http).ConfigureAwait(false);
            return;
        }

        var isGet = HttpMethods.IsGet(request.Method);
        if (isGet && request.Query.ContainsKey("sdl"))
        {
            await GetSchema(http).ExecuteAsync(http).ConfigureAwait(false);
            return;
        }

        // A browser navigating to /graphql gets GraphiQL; a GET with a query is GraphQL.
        if (isGet && !request.Query.ContainsKey("query") && MediaTypeNegotiation.PrefersHtml(request.Headers.Accept))
        {
            await GraphiQLPage.Get(http).ExecuteAsync(http).ConfigureAwait(false);
            return;
        }

        if (http.RequestServices.GetService<IGraphQLExecutor>() is not { } executor)
        {
            await NotConfigured("No GraphQL executor is registered.").ExecuteAsync(http).ConfigureAwait(false);
            return;
        }

        var handler = new GraphQLHttpHandler(executor,
            http.RequestServices.GetRequiredService<GraphQLHttpOptions>(),
            http.RequestServices.GetRequiredService<TimeProvider>(),
            http.RequestServices.GetService<PersistedDocuments>());
        var query = request.Query;
        var answer = await handler.HandleAsync(new GraphQLHttpRequest
        {
            Method = request.Method,
            Accept = request.Headers.Accept,
            ContentType = request.ContentType,
            ContentLength = request.ContentLength,
            QueryParameters = isGet ? name => Values(query[name]) : null,
            Body = request.Body,
        }, http, http.RequestAborted).ConfigureAwait(false);

        if (answer.Allow is { } allow)
        {
            http.Response.Headers.Allow = allow;
        }

        if (answer.Problem is { } problem)
        {
            await TypedResults.Problem(problem.Detail, statusCode: answer.StatusCode, title: problem.Title)
                .ExecuteAsync(http).ConfigureAwait(false);
            return;
        }

        var response = http.Response;
        if (answer.Events is { } events)
        {
            await WriteEventStreamAsync(http, answer, events).ConfigureAwait(false);
            return;
        }

        response.StatusCode = answer.StatusCode;
        if (answer.Result!.Errors.Any(e => e.Extensions?.GetValueOrDefault("code") as string == Storage.StorageUnavailable.Code))
        {
            // The database could not take the write (disk full, read-only): the same 503 REST gives.
            response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            response.Headers.RetryAfter = Storage.StorageUnavailable.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        else if (answer.Result!.Errors.FirstOrDefault(e => e.Extensions?.GetValueOrDefault("code") as string == CostBudget.Code) is { } spent)
        {
            // The caller's cost per minute is spent: the same 429 the request rate limit gives.
            response.StatusCode = StatusCodes.Status429TooManyRequests;
            response.Headers.RetryAfter = Convert.ToString(spent.Extensions!["retryAfterSeconds"], System.Globalization.CultureInfo.InvariantCulture);
        }

        response.ContentType = answer.ContentType;
        GraphQLResponseWriter.Write(response.BodyWriter, answer.Result!);
        await response.BodyWriter.FlushAsync(http.RequestAborted).ConfigureAwait(false);
    }

    private static async Task WriteEventStreamAsync(HttpContext http, GraphQLHttpResponse answer, IAsyncEnumerable<ExecutionResult> events)
    {
        var response = http.Response;
        response.StatusCode = answer.StatusCode;
        response.ContentType = answer.ContentType;
        response.Headers.CacheControl = "no-cache";
        http.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        try
        {
            await GraphQLEventStream.WriteAsync(response.Body, events, http.RequestAborted).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            // The client closed the stream: that is how an SSE subscription ends.
        }
    }

    private static async Task AcceptWebSocketAsync(HttpContext http)
    {
        var services = http.RequestServices;
        if (services.GetService<IGraphQLExecutor>() is not { } executor)
        {
            await NotConfigured("No GraphQL executor is registered.").ExecuteAsync(http).ConfigureAwait(false);
            return;
        }

        // Without graphql-transport-ws among the offered subprotocols the socket is still
        // accepted, so that the client can be told why: the session closes it with 4406.
        var offered = GraphQLTransportWs.IsOffered(http.WebSockets.WebSocketRequestedProtocols);
        using var socket = await http.WebSockets.AcceptWebSocketAsync(offered ? GraphQLTransportWs.SubProtocol : null).ConfigureAwait(false);
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(GraphQLEndpoints));
        using var session = new GraphQLWebSocketSession(
            socket,
            executor,
            services.GetRequiredService<GraphQLHttpOptions>(),
            services.GetRequiredService<TimeProvider>(),
            services.GetService<IGraphQLWebSocketInitHandler>(),
            http,
            e => LogUnexpectedError(logger, e),
            services.GetService<PersistedDocuments>());
        await session.RunAsync(http.RequestAborted).ConfigureAwait(false);
    }

    private static string?[] Values(StringValues values) => values.Count switch
    {
        0 => [],
        1 => [values[0]],
        _ => values.ToArray(),
    };

    private static ProblemHttpResult NotConfigured(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status503ServiceUnavailable, title: "GraphQL is not configured");

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected error in a GraphQL WebSocket operation")]
    private static partial void LogUnexpectedError(ILogger logger, Exception exception);
}
