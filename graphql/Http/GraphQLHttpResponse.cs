using Governance.GraphQL.Execution;

namespace Governance.GraphQL.Http;

/// <summary>
/// The transport's answer: a status code and either a GraphQL response (<see cref="Result"/>, to
/// be written in <see cref="ContentType"/>) or a <see cref="Problem"/> for refusals that happen
/// before any GraphQL request exists (405 for other methods, 406, 413, 415), which the host
/// writes as RFC 9457 problem details.
/// </summary>
public sealed class GraphQLHttpResponse
{
    private GraphQLHttpResponse(int statusCode)
    {
        StatusCode = statusCode;
    }

    public int StatusCode { get; }

    /// <summary>The response media type with its charset, set when <see cref="Result"/> is.</summary>
    public string? ContentType { get; private init; }

    /// <summary>The methods a 405 allows (the Allow header RFC 9110 §15.5.6 requires).</summary>
    public string? Allow { get; private init; }

    public ExecutionResult? Result { get; private init; }

    public HttpProblem? Problem { get; private init; }

    /// <summary>
    /// Results to stream as Server-Sent Events (<see cref="GraphQLEventStream"/>) when the client
    /// asked for text/event-stream; <see cref="ContentType"/> is then the event-stream type.
    /// </summary>
    public IAsyncEnumerable<ExecutionResult>? Events { get; private init; }

    internal static GraphQLHttpResponse FromResult(int statusCode, GraphQLResponseMediaType mediaType, ExecutionResult result, string? allow = null) =>
        new(statusCode)
        {
            ContentType = mediaType == GraphQLResponseMediaType.GraphQLResponseJson
                ? GraphQLMediaTypes.GraphQLResponseJsonUtf8
                : GraphQLMediaTypes.JsonUtf8,
            Result = result,
            Allow = allow,
        };

    internal static GraphQLHttpResponse FromEvents(IAsyncEnumerable<ExecutionResult> events) =>
        new(200) { ContentType = GraphQLEventStream.ContentType, Events = events };

    internal static GraphQLHttpResponse FromProblem(int statusCode, string title, string detail, string? allow = null) =>
        new(statusCode) { Problem = new HttpProblem(title, detail), Allow = allow };
}

/// <summary>A refusal the host reports as problem details (RFC 9457).</summary>
public sealed record HttpProblem(string Title, string Detail);
