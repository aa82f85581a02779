using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Governance.GraphQL.Errors;
using Governance.GraphQL.Language;
using Governance.GraphQL.Types;
using Governance.GraphQL.Validation;

namespace Governance.GraphQL.Execution;

/// <summary>
/// The engine behind the transports: parse → validate → select the operation (Prepare), then
/// coerce variables, check limits and execute (#sec-Executing-Requests). Thread-safe; create one
/// per schema and share it.
/// </summary>
public sealed class GraphQLExecutor : IGraphQLExecutor
{
    private const int MaxCachedTokens = 5_000;

    private readonly ConcurrentDictionary<string, CachedDocument> _documents = new(StringComparer.Ordinal);

    public GraphQLExecutor(Schema schema, ExecutorOptions? options = null)
    {
        Schema = schema;
        Options = options ?? new ExecutorOptions();
    }

    public Schema Schema { get; }

    public ExecutorOptions Options { get; }

    /// <summary>The value root fields see as their parent; null unless the host sets one.</summary>
    public object? RootValue { get; init; }

    public PrepareResult Prepare(GraphQLRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.Query))
        {
            return Failed(GraphQLErrors.MissingQuery());
        }

        var document = GetDocument(request.Query);
        if (document.Errors.Count > 0)
        {
            return new PrepareResult { Errors = document.Errors };
        }

        var operation = SelectOperation(document, request.OperationName, out var selectionError);
        if (operation is null)
        {
            return Failed(selectionError!);
        }

        return new PrepareResult { Operation = operation };
    }

    /// <summary>
    /// What an operation would cost, without running it: the upper bound the cost limit compares
    /// (null when the request does not parse, validate or select an operation). Variables that do
    /// not coerce count as absent, so their fields take their assumed sizes.
    /// </summary>
    public int? MeasureCost(GraphQLRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Prepare(request).Operation is not PreparedOperation prepared)
        {
            return null;
        }

        var variables = Values.CoerceVariableValues(Schema, prepared.Definition, request.Variables, [], suggest: false);
        return OperationLimits.Check(Schema, Options with { MaxCost = int.MaxValue }, prepared, variables).Cost;
    }

    public async Task<ExecutionResult> ExecuteAsync(IPreparedOperation operation, GraphQLRequest request, object? context, CancellationToken cancellationToken)
    {
        var prepared = (PreparedOperation)operation;
        if (prepared.OperationType == OperationType.Subscription)
        {
            return ExecutionResult.RequestError([new GraphQLError("Subscriptions are executed with SubscribeAsync.")]);
        }

        var rootType = Schema.GetRootType(prepared.OperationType);
        if (rootType is null)
        {
            return ExecutionResult.RequestError([new GraphQLError($"Schema is not configured to execute {Printer.Keyword(prepared.OperationType)} operation.")]);
        }

        var variables = CoerceVariables(prepared, request, context, out var requestErrors);
        if (requestErrors is not null)
        {
            return ExecutionResult.RequestError(requestErrors);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Options.ExecutionTimeout);
        var state = new ExecutionState(Schema, Options, prepared, variables, context, timeout.Token);
        try
        {
            var data = await state.ExecuteRootAsync(rootType, RootValue, serially: prepared.OperationType == OperationType.Mutation).ConfigureAwait(false);
            return new ExecutionResult { HasData = true, Data = data, Errors = state.Errors };
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return ExecutionResult.RequestError([GraphQLErrors.Timeout(Options.ExecutionTimeout)]);
        }
        catch (GraphQLException error)
        {
            return ExecutionResult.RequestError(error.Errors);
        }
    }

    /// <summary>
    /// Subscribe (#sec-Subscription): creates the source stream from the single root field, then
    /// maps each event to a response by executing the selection set with the event as root value.
    /// </summary>
    public async IAsyncEnumerable<ExecutionResult> SubscribeAsync(
        IPreparedOperation operation,
        GraphQLRequest request,
        object? context,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var prepared = (PreparedOperation)operation;
        var rootType = Schema.SubscriptionType;
        if (prepared.OperationType != OperationType.Subscription || rootType is null)
        {
            yield return ExecutionResult.RequestError([new GraphQLError("Only subscription operations can be subscribed to.")]);
            yield break;
        }

        var variables = CoerceVariables(prepared, request, context, out var requestErrors);
        if (requestErrors is not null)
        {
            yield return ExecutionResult.RequestError(requestErrors);
            yield break;
        }

        var (stream, streamError) = await CreateSourceEventStreamAsync(prepared, rootType, variables, context, cancellationToken).ConfigureAwait(false);
        if (stream is null)
        {
            yield return ExecutionResult.RequestError([streamError!]);
            yield break;
        }

        // Events the source shares between subscribers (ISharedEvent) run once per plan and
        // variables when nothing selected depends on who asks; otherwise once per subscriber.
        var sharing = prepared.Plan.SelectsOnlySameForEveryViewer(Schema, prepared) ? SharedEventResults.VariablesKey(variables) : null;
        var events = stream.GetAsyncEnumerator(cancellationToken);
        try
        {
            while (true)
            {
                // A failing source stream ends the response stream with one error, masked like a resolver's.
                var (hasEvent, streamFailure) = await MoveNextAsync(events).ConfigureAwait(false);
                if (streamFailure is not null)
                {
                    yield return ExecutionResult.RequestError([streamFailure]);
                    yield break;
                }

                if (!hasEvent)
                {
                    yield break;
                }

                // MapSourceToResponseEvent: each event runs like a query with the event as root value.
                // An event may bring response extensions of its own (SubscriptionEvent): the root value is its Value.
                var (rootValue, extensions) = events.Current is SubscriptionEvent wrapped ? (wrapped.Value, wrapped.Extensions) : (events.Current, null);
                if (sharing is not null && events.Current is ISharedEvent shared)
                {
                    // Not this subscriber's token: the others wait on the same execution.
                    yield return await SharedEventResults.GetOrExecute(shared, prepared.Plan, sharing,
                        () => ExecuteEventAsync(prepared, rootType, rootValue, extensions, variables, context, shared: true, CancellationToken.None)).ConfigureAwait(false);
                    continue;
                }

                yield return await ExecuteEventAsync(prepared, rootType, rootValue, extensions, variables, context, shared: false, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            await events.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task<ExecutionResult> ExecuteEventAsync(
        PreparedOperation prepared,
        ObjectType rootType,
        object? rootValue,
        IReadOnlyDictionary<string, object?>? extensions,
        IReadOnlyDictionary<string, object?> variables,
        object? context,
        bool shared,
        CancellationToken cancellationToken)
    {
        var state = new ExecutionState(Schema, Options, prepared, variables, context, cancellationToken);
        try
        {
            var data = await state.ExecuteRootAsync(rootType, rootValue, serially: false).ConfigureAwait(false);
            return new ExecutionResult { HasData = true, Data = data, Errors = state.Errors, Extensions = extensions, Shared = shared };
        }
        catch (GraphQLException error)
        {
            return ExecutionResult.RequestError(error.Errors);
        }
    }

    private async Task<(bool HasEvent, GraphQLError? Failure)> MoveNextAsync(IAsyncEnumerator<object?> events)
    {
        try
        {
            return (await events.MoveNextAsync().ConfigureAwait(false), null);
        }
        catch (GraphQLException error)
        {
            return (false, error.Errors[0]);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            return (false, GraphQLErrors.Unexpected(error, null, null, Options));
        }
    }

    /// <summary>CreateSourceEventStream (#sec-Source-Stream): the root field's subscriber with coerced arguments.</summary>
    private async Task<(IAsyncEnumerable<object?>? Stream, GraphQLError? Error)> CreateSourceEventStreamAsync(
        PreparedOperation prepared, ObjectType rootType, IReadOnlyDictionary<string, object?> variables, object? context, CancellationToken cancellationToken)
    {
        var state = new ExecutionState(Schema, Options, prepared, variables, context, cancellationToken);
        var fields = state.CollectFields(rootType, [prepared.Definition.SelectionSet]);
        if (fields.Fields.Length == 0)
        {
            return (null, new GraphQLError("The subscription selects no field."));
        }

        var field = fields.Fields[0];
        var path = new ResponsePath(null, field.ResponseKey);
        if (field.Definition.Subscriber is null)
        {
            return (null, new GraphQLError($"Subscription field \"{field.Definition.Name}\" has no source stream.", field.Locations, path.ToList()));
        }

        try
        {
            var arguments = field.GetArguments(variables);
            var resolveContext = new ResolveContext(state, RootValue, rootType, field.Definition, field.Nodes, arguments, null, field.ResponseKey);
            return (await field.Definition.Subscriber(resolveContext).ConfigureAwait(false), null);
        }
        catch (GraphQLException error)
        {
            return (null, GraphQLErrors.AtField(error.Errors[0], field.Locations, path.ToList()));
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            return (null, GraphQLErrors.Unexpected(error, field.Locations, path.ToList(), Options));
        }
    }

    private IReadOnlyDictionary<string, object?> CoerceVariables(PreparedOperation prepared, GraphQLRequest request, object? context, out IReadOnlyList<GraphQLError>? errors)
    {
        var coercionErrors = new List<GraphQLError>();
        // Hints name schema members, so they are left out when introspection is off.
        var variables = Values.CoerceVariableValues(Schema, prepared.Definition, request.Variables, coercionErrors, suggest: Options.Suggests);
        if (coercionErrors.Count > 0)
        {
            errors = coercionErrors;
            return variables;
        }

        var limits = prepared.Plan.Limits(variables, () => OperationLimits.Check(Schema, Options, prepared, variables));
        if (limits.Errors.Count > 0)
        {
            errors = limits.Errors;
            return variables;
        }

        // Per caller: whether they may introspect, and what is left of their cost budget.
        if (limits.UsesIntrospection && Options.AllowIntrospection is { } allow && !allow(context))
        {
            errors = [GraphQLErrors.IntrospectionDisabled(null)];
            return variables;
        }

        errors = Options.ChargeCost?.Invoke(context, limits.Cost) is { } refused ? [refused] : null;
        return variables;
    }

    /// <summary>Parses and validates a query once; later requests with the same text reuse the outcome.</summary>
    private CachedDocument GetDocument(string query)
    {
        if (_documents.TryGetValue(query, out var cached))
        {
            return cached;
        }

        CachedDocument result;
        try
        {
            var document = Parser.Parse(query, Options.Parser);
            var errors = DocumentValidator.Validate(Schema, document, new ValidationOptions { MaxErrors = Options.MaxValidationErrors, IncludeSuggestions = Options.Suggests });
            result = new CachedDocument(document, errors.Count > Options.MaxValidationErrors ? [.. errors.Take(Options.MaxValidationErrors)] : errors);
        }
        catch (GraphQLException error)
        {
            result = new CachedDocument(null, error.Errors);
        }

        // Bounded by count and by document size, so unique large queries cannot fill memory.
        if (_documents.Count < Options.DocumentCacheSize && (result.Document?.TokenCount ?? 0) <= MaxCachedTokens)
        {
            _documents.TryAdd(query, result);
        }

        return result;
    }

    /// <summary>GetOperation(document, operationName), #sec-Executing-Requests.</summary>
    private static PreparedOperation? SelectOperation(CachedDocument cached, string? operationName, out GraphQLError? error)
    {
        error = null;
        OperationDefinitionNode? selected = null;
        foreach (var definition in cached.Document!.Definitions)
        {
            if (definition is not OperationDefinitionNode operation)
            {
                continue;
            }

            if (operationName is null)
            {
                if (selected is not null)
                {
                    error = GraphQLErrors.OperationNameRequired();
                    return null;
                }

                selected = operation;
            }
            else if (operation.Name == operationName)
            {
                selected = operation;
                break;
            }
        }

        if (selected is null)
        {
            error = operationName is null ? GraphQLErrors.NoOperation() : GraphQLErrors.UnknownOperation(operationName);
            return null;
        }

        var plan = cached.Plans.GetOrAdd(selected, static op => new OperationPlan(op.VariableDefinitions.Count == 0));
        return new PreparedOperation(cached.Document, selected, cached.Fragments, plan);
    }

    private static PrepareResult Failed(GraphQLError error) => new() { Errors = [error] };

    private sealed class CachedDocument
    {
        public CachedDocument(DocumentNode? document, IReadOnlyList<GraphQLError> errors)
        {
            Document = document;
            Errors = errors;
            Fragments = document is null
                ? new Dictionary<string, FragmentDefinitionNode>()
                : document.Definitions.OfType<FragmentDefinitionNode>()
                    .GroupBy(f => f.Name, StringComparer.Ordinal)
                    .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        }

        public DocumentNode? Document { get; }

        public IReadOnlyList<GraphQLError> Errors { get; }

        public IReadOnlyDictionary<string, FragmentDefinitionNode> Fragments { get; }

        public ConcurrentDictionary<OperationDefinitionNode, OperationPlan> Plans { get; } = new();
    }
}
