using Governance.GraphQL.Errors;

namespace Governance.GraphQL.Execution;

/// <summary>
/// A GraphQL request as a transport delivers it (GraphQL-over-HTTP §"Request Parameters").
/// Variable and extension values are JSON-shaped: null, bool, string, long, double,
/// IReadOnlyList&lt;object?&gt; and IReadOnlyDictionary&lt;string, object?&gt;.
/// </summary>
public sealed record GraphQLRequest(
    string? Query,
    string? OperationName = null,
    IReadOnlyDictionary<string, object?>? Variables = null,
    IReadOnlyDictionary<string, object?>? Extensions = null);

public enum OperationType
{
    Query,
    Mutation,
    Subscription,
}

/// <summary>
/// The result of executing a request (spec §7.1, #sec-Response-Format). <see cref="HasData"/>
/// tells "data": null (an execution error bubbled to the root) from no "data" entry at all
/// (a request error: parse, validation or variable coercion failed before execution), which
/// GraphQL over HTTP answers with different status codes.
/// </summary>
public sealed class ExecutionResult
{
    public bool HasData { get; init; }

    /// <summary>The response data in selection order; null when "data" is null or absent.</summary>
    public IReadOnlyDictionary<string, object?>? Data { get; init; }

    public IReadOnlyList<GraphQLError> Errors { get; init; } = [];

    public IReadOnlyDictionary<string, object?>? Extensions { get; init; }

    /// <summary>One result handed to several subscribers of a shared event: a transport may serialise it once.</summary>
    internal bool Shared { get; init; }

    public static ExecutionResult RequestError(IReadOnlyList<GraphQLError> errors) =>
        new() { HasData = false, Errors = errors };
}

/// <summary>
/// A request that parsed and validated and whose operation was selected: a transport can look
/// at <see cref="OperationType"/> before running it (a mutation over GET is refused).
/// </summary>
public interface IPreparedOperation
{
    OperationType OperationType { get; }

    string? OperationName { get; }
}

/// <summary>
/// What the transports (HTTP, WebSocket, SSE) need from the engine. Prepare parses, validates
/// and selects the operation; Execute runs a query or mutation; Subscribe maps the source
/// stream to a response stream (#sec-Subscription).
/// </summary>
public interface IGraphQLExecutor
{
    /// <summary>Parses, validates and selects the operation. On failure the result carries the request errors.</summary>
    PrepareResult Prepare(GraphQLRequest request);

    Task<ExecutionResult> ExecuteAsync(
        IPreparedOperation operation,
        GraphQLRequest request,
        object? context,
        CancellationToken cancellationToken);

    /// <summary>
    /// Starts a subscription. The first element may be a request error (variables did not coerce,
    /// the source stream could not be created), after which the stream ends.
    /// </summary>
    IAsyncEnumerable<ExecutionResult> SubscribeAsync(
        IPreparedOperation operation,
        GraphQLRequest request,
        object? context,
        CancellationToken cancellationToken);
}

/// <summary>Either a prepared operation or the request errors that stopped it.</summary>
public sealed class PrepareResult
{
    public IPreparedOperation? Operation { get; init; }

    public IReadOnlyList<GraphQLError> Errors { get; init; } = [];

    public bool Succeeded => Operation is not null;
}
