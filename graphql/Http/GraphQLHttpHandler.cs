using System.Buffers;
using Governance.GraphQL.Errors;
using Governance.GraphQL.Execution;

namespace Governance.GraphQL.Http;

/// <summary>
/// Serves one GraphQL-over-HTTP request (graphql.github.io/graphql-over-http): method, Accept and
/// Content-Type checks, request parameters, then the engine, then the status code the chosen
/// media type requires. Knows nothing of any web framework; the host maps its request onto
/// <see cref="GraphQLHttpRequest"/> and writes back <see cref="GraphQLHttpResponse"/>.
/// </summary>
public sealed class GraphQLHttpHandler
{
    private const string AllowGetAndPost = "GET, POST";
    private const string AllowPost = "POST";

    private readonly IGraphQLExecutor _executor;
    private readonly GraphQLHttpOptions _options;
    private readonly TimeProvider _time;
    private readonly PersistedDocuments? _persisted;

    public GraphQLHttpHandler(IGraphQLExecutor executor, GraphQLHttpOptions options, TimeProvider time, PersistedDocuments? persisted = null)
    {
        _executor = executor;
        _options = options;
        _time = time;
        _persisted = persisted;
    }

    public async Task<GraphQLHttpResponse> HandleAsync(GraphQLHttpRequest http, object? context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        var isGet = string.Equals(http.Method, "GET", StringComparison.OrdinalIgnoreCase);
        var isPost = string.Equals(http.Method, "POST", StringComparison.OrdinalIgnoreCase);
        if (!isGet && !isPost)
        {
            return GraphQLHttpResponse.FromProblem(405, "Method Not Allowed",
                "GraphQL is served over GET (queries) and POST.", _options.AllowGet ? AllowGetAndPost : AllowPost);
        }

        if (isGet && !_options.AllowGet)
        {
            return GraphQLHttpResponse.FromProblem(405, "Method Not Allowed", "GraphQL over GET is turned off; use POST.", AllowPost);
        }

        // #sec-Accept: a client that accepts neither GraphQL media type gets 406. One that ranks
        // text/event-stream above JSON gets Server-Sent Events for everything; one that ranks
        // them equal (urql's default Accept) gets events for a subscription and JSON otherwise.
        // What cannot travel as an event (a malformed request, a mutation over GET) is answered
        // in application/json.
        var streamPreference = MediaTypeNegotiation.EventStream(http.Accept);
        var eventStream = streamPreference == EventStreamPreference.Preferred;
        var mediaType = eventStream ? GraphQLResponseMediaType.Json : MediaTypeNegotiation.SelectResponseMediaType(http.Accept);
        if (mediaType == GraphQLResponseMediaType.None)
        {
            return GraphQLHttpResponse.FromProblem(406, "Not Acceptable",
                $"Accept {GraphQLMediaTypes.GraphQLResponseJson} or {GraphQLMediaTypes.Json} (UTF-8).");
        }

        RequestParseResult parsed;
        if (isPost)
        {
            // #sec-POST: the body is application/json; other types (or none) are 415.
            if (!MediaTypeNegotiation.IsJsonRequestContentType(http.ContentType))
            {
                return GraphQLHttpResponse.FromProblem(415, "Unsupported Media Type",
                    $"Send the request as {GraphQLMediaTypes.Json} in UTF-8.");
            }

            var body = await ReadBodyAsync(http, cancellationToken).ConfigureAwait(false);
            if (body.TooLarge)
            {
                return GraphQLHttpResponse.FromProblem(413, "Content Too Large",
                    $"The request body exceeds {_options.MaxRequestBodyBytes} bytes.");
            }

            try
            {
                parsed = GraphQLHttpRequestParser.ParseJsonBody(body.Bytes.AsSpan(0, body.Length));
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(body.Bytes);
            }
        }
        else
        {
            parsed = GraphQLHttpRequestParser.ParseQueryString(http.QueryParameters ?? (_ => []));
        }

        // Not a well-formed GraphQL-over-HTTP request: 400 whatever the media type (#sec-Request-Parameters).
        if (parsed.Request is not { } request)
        {
            return GraphQLHttpResponse.FromResult(400, mediaType, ExecutionResult.RequestError([new GraphQLError(parsed.Error!)]));
        }

        if (_persisted is not null)
        {
            var (resolved, persistedError) = _persisted.Resolve(request);
            if (resolved is null)
            {
                return RequestError(mediaType, [persistedError!]);
            }

            request = resolved;
        }
        else if (request.Query is null)
        {
            return RequestError(mediaType, [new GraphQLError("PersistedQueryNotSupported",
                extensions: new Dictionary<string, object?> { ["code"] = PersistedDocuments.NotSupportedCode })]);
        }

        var prepared = _executor.Prepare(request);
        if (prepared.Operation is not { } operation)
        {
            return eventStream
                ? GraphQLHttpResponse.FromEvents(Once(ExecutionResult.RequestError(prepared.Errors)))
                : RequestError(mediaType, prepared.Errors);
        }

        // #sec-GET: a mutation over GET is refused, so that no link or prefetch can change state.
        // A subscription may come over GET: it reads only, and EventSource can send nothing else.
        if (isGet && operation.OperationType == OperationType.Mutation)
        {
            return GraphQLHttpResponse.FromResult(405, mediaType, ExecutionResult.RequestError([new GraphQLError(
                "Mutations cannot be sent over GET; send this mutation as a POST.")]),
                AllowPost);
        }

        if (eventStream || (streamPreference == EventStreamPreference.Acceptable && operation.OperationType == OperationType.Subscription))
        {
            return GraphQLHttpResponse.FromEvents(operation.OperationType == OperationType.Subscription
                ? _executor.SubscribeAsync(operation, request, context, cancellationToken)
                : ExecuteAsEventAsync(operation, request, context, cancellationToken));
        }

        if (operation.OperationType == OperationType.Subscription)
        {
            return RequestError(mediaType, [new GraphQLError(
                "Subscriptions are served over WebSocket (graphql-transport-ws) or as Server-Sent Events (Accept: text/event-stream), not as one JSON response.")]);
        }

        var result = await ExecuteWithTimeoutAsync(operation, request, context, cancellationToken).ConfigureAwait(false);
        if (result is null)
        {
            // No data and no fault of the request: a server condition, so 503 under the spec's media type.
            return GraphQLHttpResponse.FromResult(mediaType == GraphQLResponseMediaType.Json ? 200 : 503, mediaType,
                ExecutionResult.RequestError([TimeoutError()]));
        }

        return GraphQLHttpResponse.FromResult(StatusFor(mediaType, result), mediaType, result);
    }

    /// <summary>
    /// application/json: 200 for every GraphQL response (#sec-application-json). The spec's media
    /// type: 200 when "data" is present, 400 for a request error that stopped before execution
    /// (#sec-application-graphql-response-json).
    /// </summary>
    private static int StatusFor(GraphQLResponseMediaType mediaType, ExecutionResult result) =>
        mediaType == GraphQLResponseMediaType.Json || result.HasData ? 200 : 400;

    private static GraphQLHttpResponse RequestError(GraphQLResponseMediaType mediaType, IReadOnlyList<GraphQLError> errors)
    {
        var result = ExecutionResult.RequestError(errors);
        return GraphQLHttpResponse.FromResult(StatusFor(mediaType, result), mediaType, result);
    }

    internal static GraphQLError TimeoutError() => new(
        "The request took longer than the execution timeout and was cancelled.",
        extensions: new Dictionary<string, object?> { ["code"] = "EXECUTION_TIMEOUT" });

    private async IAsyncEnumerable<ExecutionResult> ExecuteAsEventAsync(
        IPreparedOperation operation, GraphQLRequest request, object? context,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        yield return await ExecuteWithTimeoutAsync(operation, request, context, cancellationToken).ConfigureAwait(false)
            ?? ExecutionResult.RequestError([TimeoutError()]);
    }

#pragma warning disable CS1998 // An iterator of one ready value needs no await.
    private static async IAsyncEnumerable<ExecutionResult> Once(ExecutionResult result)
    {
        yield return result;
    }
#pragma warning restore CS1998

    /// <summary>Runs the operation; null when the execution timeout (not the caller) cancelled it.</summary>
    private async Task<ExecutionResult?> ExecuteWithTimeoutAsync(
        IPreparedOperation operation, GraphQLRequest request, object? context, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(_options.ExecutionTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            return await _executor.ExecuteAsync(operation, request, context, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    private async Task<(byte[] Bytes, int Length, bool TooLarge)> ReadBodyAsync(GraphQLHttpRequest http, CancellationToken cancellationToken)
    {
        var limit = _options.MaxRequestBodyBytes;
        if (http.ContentLength > limit)
        {
            return ([], 0, true);
        }

        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Clamp(http.ContentLength ?? 4096, 256, Math.Min(limit + 1, int.MaxValue)));
        var length = 0;
        if (http.Body is null)
        {
            return (buffer, 0, false);
        }

        while (true)
        {
            if (length == buffer.Length)
            {
                if (length > limit)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    return ([], 0, true);
                }

                var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, Math.Min(limit + 1, int.MaxValue)));
                buffer.AsSpan(0, length).CopyTo(larger);
                ArrayPool<byte>.Shared.Return(buffer);
                buffer = larger;
            }

            var read = await http.Body.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            length += read;
            if (length > limit)
            {
                ArrayPool<byte>.Shared.Return(buffer);
                return ([], 0, true);
            }
        }

        return (buffer, length, false);
    }
}
