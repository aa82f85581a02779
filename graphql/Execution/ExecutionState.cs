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
    private ResolveContext? _pureContext;

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
        var data = new ResultMap(fields.Keys, null, null, 0, false);
        for (var slot = 0; slot < fields.Fields.Length && !data.IsNulled; slot++)
        {
            ExecuteField(rootType, rootValue, fields.Fields[slot], null, data, slot);
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
    private void ExecuteField(ObjectType objectType, object? source, CollectedField field, ResponsePath? parentPath, IResultNode container, int slot)
    {
        var definition = field.Definition;
        var key = field.ResponseKey;
        IReadOnlyDictionary<string, object?> arguments;
        try
        {
            arguments = field.GetArguments(Variables);
        }
        catch (GraphQLException error)
        {
            AddFieldError(error, field, new ResponsePath(parentPath, key));
            PropagateNull(container, key, slot, definition.Type.IsNonNull);
            return;
        }

        var frame = new FieldFrame(objectType, source, field, arguments);
        ResolveContext context;
        if (definition.HasPureResolver)
        {
            // The engine's own getters neither await nor keep the context: one object serves them all.
            context = _pureContext ??= new ResolveContext(this, null, objectType, definition, field.Nodes, arguments, parentPath, key);
            context.Reset(source, objectType, definition, field.Nodes, arguments, parentPath, key);
        }
        else
        {
            context = new ResolveContext(this, source, objectType, definition, field.Nodes, arguments, parentPath, key);
        }

        ValueTask<object?> pending;
        try
        {
            pending = definition.Resolver!(context);
        }
        catch (Exception error)
        {
            HandleFieldError(error, field, parentPath, container, key, slot, definition.Type.IsNonNull);
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
                HandleFieldError(error, field, parentPath, container, key, slot, definition.Type.IsNonNull);
                return;
            }

            CompleteValue(definition.Type, frame, result, parentPath, container, key, slot);
            return;
        }

        DeferCompletion(pending, frame, parentPath, container, slot);
    }

    /// <summary>
    /// Completes a field whose resolver is still running. A method of its own so that the
    /// closure is only allocated for asynchronous fields, not for every field executed.
    /// </summary>
    private void DeferCompletion(ValueTask<object?> pending, FieldFrame frame, ResponsePath? parentPath, IResultNode container, int slot)
    {
        var definition = frame.Field.Definition;
        var key = frame.Field.ResponseKey;
        Defer(pending, (result, error) =>
        {
            if (error is not null)
            {
                HandleFieldError(error, frame.Field, parentPath, container, key, slot, definition.Type.IsNonNull);
            }
            else
            {
                CompleteValue(definition.Type, frame, result, parentPath, container, key, slot);
            }
        });
    }

    /// <summary>The path of a slot: a response key under its parent's path, or a list index.</summary>
    private static ResponsePath PathOf(ResponsePath? parentPath, string? key, int index) =>
        key is not null ? new ResponsePath(parentPath, key) : new ResponsePath(parentPath, index);

    /// <summary>Records a field error and nulls the field, or its nearest nullable parent.</summary>
    private void HandleFieldError(Exception exception, CollectedField field, ResponsePath? parentPath, IResultNode container, string? key, int index, bool nonNull)
    {
        var path = PathOf(parentPath, key, index);
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
            Errors.Add(GraphQLErrors.Unexpected(exception, field.Locations, path.ToList(), Options));
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
            container.IsNulled = true;
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
