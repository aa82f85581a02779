using Governance.GraphQL.Errors;
using Governance.GraphQL.Language;

namespace Governance.GraphQL.Execution;

/// <summary>
/// Limits and switches of the executor, safe by default (at least HotChocolate's defaults):
/// parser limits, at most 5 validation errors, depth 15 and cost 1,000, introspection depth
/// limits, a 30 s timeout, and exception details hidden unless <see cref="IncludeExceptionDetails"/>.
/// </summary>
public sealed record ExecutorOptions
{
    public ParserOptions Parser { get; init; } = ParserOptions.Default;

    /// <summary>Validation stops reporting after this many errors (HotChocolate: 5).</summary>
    public int MaxValidationErrors { get; init; } = 5;

    /// <summary>When false, __schema and __type are refused (__typename stays, clients rely on it).</summary>
    public bool EnableIntrospection { get; init; } = true;

    /// <summary>
    /// Per request, with the transport's context: whether this caller may use __schema and
    /// __type (a host's "signed-in callers only"). Null: <see cref="EnableIntrospection"/> alone decides.
    /// </summary>
    public Func<object?, bool>? AllowIntrospection { get; init; }

    /// <summary>
    /// "Did you mean …" hints in validation and variable errors. They name schema members, so
    /// they are never given while introspection is off; a host that lets only some callers
    /// introspect turns them off too (the validated document is shared by all callers).
    /// </summary>
    public bool EnableSuggestions { get; init; } = true;

    internal bool Suggests => EnableIntrospection && EnableSuggestions;

    /// <summary>
    /// Called once per request that passed the limits, with its context and its cost: a host's
    /// per-caller budget (cost per minute). An error refuses the request before it runs.
    /// </summary>
    public Func<object?, int, Errors.GraphQLError?>? ChargeCost { get; init; }

    /// <summary>Deepest chain of nested ofType under introspection (HotChocolate: 16).</summary>
    public int MaxIntrospectionOfTypeDepth { get; init; } = 16;

    /// <summary>How often fields, inputFields, interfaces, possibleTypes and enumValues may nest in one path (HotChocolate: 1).</summary>
    public int MaxIntrospectionListDepth { get; init; } = 1;

    /// <summary>Deepest field nesting of an operation, introspection excluded (it has its own limits).</summary>
    public int MaxExecutionDepth { get; init; } = 15;

    /// <summary>The most an operation may cost: each composite field 1, lists multiplied by their page size.</summary>
    public int MaxCost { get; init; } = 1_000;

    /// <summary>
    /// What a scalar or enum field costs without @cost (HotChocolate: 0). A host whose limit must
    /// bound the response's size too sets 1: each value written then counts.
    /// </summary>
    public int LeafFieldCost { get; init; }

    /// <summary>The size assumed for a list field without a first or last argument.</summary>
    public int DefaultListSize { get; init; } = 10;

    public TimeSpan ExecutionTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Development only: unexpected exceptions show their message and stack trace in the error extensions.</summary>
    public bool IncludeExceptionDetails { get; init; }

    /// <summary>
    /// Called with every unexpected exception (a resolver's, a source stream's) and the
    /// correlation id its masked error carries in extensions.correlationId: the host logs it
    /// there. Without it errors carry no correlation id, as there is no log entry to find.
    /// </summary>
    public Action<Exception, string>? OnUnexpectedError { get; init; }

    /// <summary>
    /// The host's own name for an exception a resolver or source stream threw (HotChocolate's
    /// error filter): a known failure, such as the database being unreachable, returned as the
    /// error the client should see, in place of "Unexpected Execution Error". The engine adds the
    /// field's locations and path. Null, or a null answer, masks the exception as usual.
    /// </summary>
    public Func<Exception, GraphQLError?>? MapException { get; init; }

    /// <summary>Parsed and validated documents kept by query text, so a repeated query skips both phases.</summary>
    public int DocumentCacheSize { get; init; } = 256;
}
