using Governance.GraphQL.Errors;
using Governance.GraphQL.Language;
using Governance.GraphQL.Types;

namespace Governance.GraphQL.Execution;

/// <summary>
/// One execution of one operation (#sec-Execution). Synchronous work (resolvers that return at
/// once, value completion) runs on a single logical thread, so the response tree needs no locks;
/// asynchronous resolvers run concurrently and hand their completions back through a queue.
/// When that queue is empty and resolvers still wait, the data loaders are dispatched: the
/// frontier has no synchronous work left, so every key the level needs has been asked for.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage(
    "Reliability",
    "CA1001",
    Justification = "A SemaphoreSlim whose wait handle is never asked for holds nothing to free, and resolvers still running after a timeout may release it.")]
internal sealed partial class ExecutionState
{
    private readonly Queue<Action> _completions = new();
    private readonly Lock _completionsLock = new();
    private readonly SemaphoreSlim _signal = new(0);
    private int _pending;

    public ExecutionState(
        Schema schema,
        ExecutorOptions options,
        PreparedOperation operation,
        IReadOnlyDictionary<string, object?> variables,
        object? userContext,
        CancellationToken cancellationToken)
    {
        Schema = schema;
        Options = options;
        Operation = operation;
        Variables = variables;
        UserContext = userContext;
        CancellationToken = cancellationToken;
        DataLoaders = new DataLoaderRegistry(() => _signal.Release());
    }

    public Schema Schema { get; }

    public ExecutorOptions Options { get; }

    public PreparedOperation Operation { get; }

    public IReadOnlyDictionary<string, object?> Variables { get; }

    public object? UserContext { get; }

    public CancellationToken CancellationToken { get; }

    public DataLoaderRegistry DataLoaders { get; }

    public List<GraphQLError> Errors { get; } = [];

    /// <summary>Set when a null reached the root: "data" is then null (#sec-Handling-Execution-Errors).</summary>
    public bool DataIsNull { get; private set; }

    /// <summary>
    /// ExecuteQuery / ExecuteMutation: the root selection set, fields in parallel or, for a
    /// mutation, one after another with each field's whole subtree finished first (#sec-Mutation).
    /// </summary>
    public async Task<IReadOnlyDictionary<string, object?>?> ExecuteRootAsync(ObjectType rootType, object? rootValue, bool serially)
    {
        var fields = CollectRootFields(rootType);
        var data = new ResultMap(fields.Length, null, null, 0, false);
        foreach (var field in fields)
        {
            data[field.ResponseKey] = null;
        }

        foreach (var field in fields)
        {
            ExecuteField(rootType, rootValue, field, null, data);
            if (serially)
            {
                await RunUntilDoneAsync();
            }
        }

        await RunUntilDoneAsync();
        return DataIsNull ? null : data;
    }

    /// <summary>
    /// Drains completions until no resolver is outstanding. Between drains, queued data loader
    /// keys are dispatched before waiting, so batching happens exactly when nothing else can run.
    /// </summary>
    public async Task RunUntilDoneAsync()
    {
        while (true)
        {
            while (TryDequeue(out var completion))
            {
                _pending--;
                completion();
            }

            if (_pending == 0)
            {
                return;
            }

            if (DataLoaders.DispatchPending(CancellationToken))
            {
                continue;
            }

            await _signal.WaitAsync(CancellationToken).ConfigureAwait(false);
        }
    }

    private bool TryDequeue(out Action completion)
    {
        lock (_completionsLock)
        {
            return _completions.TryDequeue(out completion!);
        }
    }

    /// <summary>Waits for a resolver off the synchronous path; its completion runs back on the executor's loop.</summary>
    private void Defer(ValueTask<object?> pending, Action<object?, Exception?> complete)
    {
        _pending++;
        _ = AwaitAndEnqueueAsync(pending, complete);
    }

    private async Task AwaitAndEnqueueAsync(ValueTask<object?> pending, Action<object?, Exception?> complete)
    {
        object? result = null;
        Exception? error = null;
        try
        {
            result = await pending.ConfigureAwait(false);
        }
        catch (Exception e)
        {
            error = e;
        }

        lock (_completionsLock)
        {
            _completions.Enqueue(() => complete(result, error));
        }

        _signal.Release();
    }

    /// <summary>
    /// ExecuteField (#sec-Executing-Fields): coerce arguments, call the resolver, complete the value.
    /// </summary>
    private void ExecuteField(ObjectType objectType, object? source, CollectedField field, ResponsePath? parentPath, IResultNode container)
    {
        var path = new ResponsePath(parentPath, field.ResponseKey);
        var definition = field.Definition;
        IReadOnlyDictionary<string, object?> arguments;
        try
        {
            arguments = field.GetArguments(Variables);
        }
        catch (GraphQLException error)
        {
            AddFieldError(error, field, path);
            PropagateNull(container, field.ResponseKey, 0, definition.Type.IsNonNull);
            return;
        }

        var context = new ResolveContext(this, source, objectType, definition, field.Nodes, arguments, path);
        ValueTask<object?> pending;
        try
        {
            pending = definition.Resolver!(context);
        }
        catch (Exception error)
        {
            HandleFieldError(error, field, path, container, field.ResponseKey, 0, definition.Type.IsNonNull);
            return;
        }

        if (pending.IsCompleted)
        {
            object? result;
            try
            {
                result = pending.Result;
            }
            catch (Exception error)
            {
                HandleFieldError(error, field, path, container, field.ResponseKey, 0, definition.Type.IsNonNull);
                return;
            }

            CompleteValue(definition.Type, field, context, result, path, container, field.ResponseKey, 0);
            return;
        }

        Defer(pending, (result, error) =>
        {
            if (error is not null)
            {
                HandleFieldError(error, field, path, container, field.ResponseKey, 0, definition.Type.IsNonNull);
            }
            else
            {
                CompleteValue(definition.Type, field, context, result, path, container, field.ResponseKey, 0);
            }
        });
    }

    /// <summary>Records a field error and nulls the field, or its nearest nullable parent.</summary>
    private void HandleFieldError(Exception exception, CollectedField field, ResponsePath path, IResultNode container, string? key, int index, bool nonNull)
    {
        if (exception is GraphQLException graphQLError)
        {
            AddFieldError(graphQLError, field, path);
        }
        else if (exception is OperationCanceledException && CancellationToken.IsCancellationRequested)
        {
            throw exception;
        }
        else
        {
            Errors.Add(GraphQLErrors.Unexpected(exception, field.Locations, path.ToList(), Options.IncludeExceptionDetails));
        }

        PropagateNull(container, key, index, nonNull);
    }

    private void AddFieldError(GraphQLException exception, CollectedField field, ResponsePath path)
    {
        foreach (var error in exception.Errors)
        {
            Errors.Add(GraphQLErrors.AtField(error, field.Locations, path.ToList()));
        }
    }

    /// <summary>
    /// #sec-Handling-Execution-Errors: a null in a non-null slot makes the parent null, and so on
    /// up to the first nullable slot, or to "data" itself.
    /// </summary>
    private void PropagateNull(IResultNode container, string? key, int index, bool nonNull)
    {
        while (nonNull)
        {
            if (container.Parent is null)
            {
                DataIsNull = true;
                return;
            }

            key = container.ParentKey;
            index = container.ParentIndex;
            nonNull = container.NonNullInParent;
            container = container.Parent;
        }

        container.SetChild(key, index, null);
    }
}
