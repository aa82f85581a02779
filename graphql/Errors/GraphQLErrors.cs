using Governance.GraphQL.Execution;

namespace Governance.GraphQL.Errors;

/// <summary>
/// The one place that builds the engine's errors, so every message, location and path follows
/// the same shape (#sec-Errors). Each factory names the spec section it enforces.
/// </summary>
public static class GraphQLErrors
{
    /// <summary>#sec-Language: the document is not in the grammar.</summary>
    public static GraphQLError Syntax(string description, SourceLocation location) =>
        new("Syntax Error: " + description, [location]);

    /// <summary>
    /// #sec-Handling-Execution-Errors: a resolver threw something that is not a GraphQL error. Its
    /// message may leak internals, so it is masked unless the host runs in development. A
    /// <paramref name="correlationId"/> (the host logged the exception under it) goes to
    /// extensions.correlationId, so a client's report finds the log entry.
    /// </summary>
    public static GraphQLError Unexpected(Exception exception, IReadOnlyList<SourceLocation>? locations, IReadOnlyList<object>? path, bool includeDetails, string? correlationId = null)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (!includeDetails && correlationId is null)
        {
            return new GraphQLError("Unexpected Execution Error", locations, path);
        }

        var extensions = new Dictionary<string, object?>();
        if (correlationId is not null)
        {
            extensions["code"] = "INTERNAL_SERVER_ERROR";
            extensions["correlationId"] = correlationId;
        }

        if (includeDetails)
        {
            extensions["message"] = exception.Message;
            extensions["exception"] = exception.GetType().FullName;
            extensions["stackTrace"] = exception.StackTrace;
        }

        return new GraphQLError("Unexpected Execution Error", locations, path, extensions);
    }

    /// <summary>An unexpected error as <paramref name="options"/> report it: handed to the host's log under a new correlation id, if it keeps one.</summary>
    internal static GraphQLError Unexpected(Exception exception, IReadOnlyList<SourceLocation>? locations, IReadOnlyList<object>? path, ExecutorOptions options)
    {
        if (options.MapException?.Invoke(exception) is { } known)
        {
            return new GraphQLError(known.Message, known.Locations ?? locations, known.Path ?? path, known.Extensions);
        }

        string? correlationId = null;
        if (options.OnUnexpectedError is { } log)
        {
            correlationId = Guid.NewGuid().ToString("N");
            log(exception, correlationId);
        }

        return Unexpected(exception, locations, path, options.IncludeExceptionDetails, correlationId);
    }

    /// <summary>#sec-Errors.Error-Result-Format: a field error carries the field's locations and response path.</summary>
    public static GraphQLError AtField(GraphQLError error, IReadOnlyList<SourceLocation> locations, IReadOnlyList<object> path) =>
        new(error.Message, error.Locations ?? locations, error.Path ?? path, error.Extensions);

    /// <summary>GraphQL over HTTP: a request without a query string.</summary>
    public static GraphQLError MissingQuery() => new("Must provide query string.");

    /// <summary>#sec-GetOperation.</summary>
    public static GraphQLError OperationNameRequired() => new("Must provide operation name if query contains multiple operations.");

    /// <summary>#sec-GetOperation.</summary>
    public static GraphQLError UnknownOperation(string name) => new($"Unknown operation named \"{name}\".");

    /// <summary>A document with no operation to run (only fragments, or only type definitions).</summary>
    public static GraphQLError NoOperation() => new("Must provide an operation.");

    /// <summary>The executor's timeout elapsed before the operation finished.</summary>
    public static GraphQLError Timeout(TimeSpan timeout) =>
        new($"The request exceeded the configured execution timeout of {timeout.TotalSeconds:0.###} seconds.");

    /// <summary>A limit of <see cref="ExecutorOptions"/> refused the operation before it ran.</summary>
    public static GraphQLError LimitExceeded(string message, IReadOnlyList<SourceLocation>? locations = null, IReadOnlyDictionary<string, object?>? extensions = null)
    {
        var all = new Dictionary<string, object?> { ["code"] = "LIMIT_EXCEEDED" };
        foreach (var (key, value) in extensions ?? new Dictionary<string, object?>())
        {
            all[key] = value;
        }

        return new(message, locations, extensions: all);
    }

    /// <summary>__schema or __type while the host allows no introspection (to this caller).</summary>
    public static GraphQLError IntrospectionDisabled(IReadOnlyList<SourceLocation>? locations) =>
        new("Introspection is not allowed for the current request.", locations, extensions: new Dictionary<string, object?> { ["code"] = "INTROSPECTION_DISABLED" });

    /// <summary>
    /// #sec-Validation: a document breaks a rule of §5. The error names the rule's section in
    /// extensions.specifiedBy (as HotChocolate does) so a client can read what was broken.
    /// </summary>
    public static GraphQLError Validation(string specAnchor, string message, IReadOnlyList<SourceLocation> locations) =>
        new(message, locations, extensions: new Dictionary<string, object?>
        {
            ["code"] = "GRAPHQL_VALIDATION_FAILED",
            ["specifiedBy"] = "https://spec.graphql.org/September2025/#" + specAnchor,
        });
}
