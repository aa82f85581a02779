namespace Governance.GraphQL.Execution;

/// <summary>Loads many keys at once; keys missing from the answer load as null (default).</summary>
public delegate Task<IReadOnlyDictionary<TKey, TValue>> BatchLoadFunction<TKey, TValue>(IReadOnlyList<TKey> keys, CancellationToken cancellationToken)
    where TKey : notnull;

/// <summary>
/// A per-request batching and caching loader (the DataLoader pattern). <see cref="LoadAsync"/>
/// only queues the key; the executor calls the batch function once it has no other work left
/// (the "frontier" is exhausted), so every field of a level asks in one batch.
/// A batch's results continue their awaiting resolvers synchronously, and no loader dispatches
/// while a batch is still settling: otherwise, on a busy machine, the keys that those resolvers
/// ask for next (the supporters' members, say) split over several batches depending on when
/// the thread pool ran each continuation. A batch function must therefore not use loaders.
/// </summary>
public sealed class DataLoader<TKey, TValue> : IBatchDispatcher
    where TKey : notnull
{
    private readonly BatchLoadFunction<TKey, TValue> _batch;
    private readonly Action _onPending;
    private readonly Dictionary<TKey, TaskCompletionSource<TValue?>> _cache = [];
    private List<KeyValuePair<TKey, TaskCompletionSource<TValue?>>> _pending = [];
    private readonly Lock _lock = new();
    private int _inFlight;

    internal DataLoader(BatchLoadFunction<TKey, TValue> batch, Action onPending)
    {
        _batch = batch;
        _onPending = onPending;
    }

    /// <summary>How many times the batch function ran; tests and diagnostics read it.</summary>
    public int BatchCount { get; private set; }

    public bool HasPending
    {
        get
        {
            lock (_lock)
            {
                return _pending.Count > 0;
            }
        }
    }

    /// <summary>Whether a batch is loading or settling its keys.</summary>
    public bool IsBusy => Volatile.Read(ref _inFlight) > 0;

    /// <summary>Queues a key (or answers from the request's cache) and returns its eventual value.</summary>
    public Task<TValue?> LoadAsync(TKey key)
    {
        TaskCompletionSource<TValue?>? cached;
        lock (_lock)
        {
            if (_cache.TryGetValue(key, out cached))
            {
                return cached.Task;
            }

            cached = new TaskCompletionSource<TValue?>();
            _cache[key] = cached;
            _pending.Add(new(key, cached));
        }

        _onPending();
        return cached.Task;
    }

    /// <summary>Runs the batch function for every queued key; its outcome settles each key's task.</summary>
    public void Dispatch(CancellationToken cancellationToken)
    {
        List<KeyValuePair<TKey, TaskCompletionSource<TValue?>>> batch;
        lock (_lock)
        {
            if (_pending.Count == 0)
            {
                return;
            }

            batch = _pending;
            _pending = [];
            BatchCount++;
            Interlocked.Increment(ref _inFlight);
        }

        _ = RunBatchAsync(batch, cancellationToken);
    }

    private async Task RunBatchAsync(List<KeyValuePair<TKey, TaskCompletionSource<TValue?>>> batch, CancellationToken cancellationToken)
    {
        try
        {
            var results = await _batch(batch.Select(p => p.Key).ToList(), cancellationToken).ConfigureAwait(false);
            foreach (var (key, completion) in batch)
            {
                completion.TrySetResult(results.TryGetValue(key, out var value) ? value : default);
            }
        }
        catch (Exception error)
        {
            foreach (var (_, completion) in batch)
            {
                completion.TrySetException(error);
            }
        }
        finally
        {
            // Every awaiting resolver has run up to its next await: the executor may look again.
            Interlocked.Decrement(ref _inFlight);
            _onPending();
        }
    }
}

/// <summary>What the executor needs from a loader of any key and value type.</summary>
public interface IBatchDispatcher
{
    bool HasPending { get; }

    bool IsBusy { get; }

    void Dispatch(CancellationToken cancellationToken);
}

/// <summary>The request's loaders by name; the executor dispatches them when its frontier runs dry.</summary>
internal sealed class DataLoaderRegistry(Action onPending)
{
    private readonly Dictionary<string, IBatchDispatcher> _loaders = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public DataLoader<TKey, TValue> GetOrAdd<TKey, TValue>(string name, BatchLoadFunction<TKey, TValue> batch)
        where TKey : notnull
    {
        lock (_lock)
        {
            if (_loaders.TryGetValue(name, out var existing))
            {
                return existing as DataLoader<TKey, TValue>
                    ?? throw new InvalidOperationException($"Data loader \"{name}\" is already registered with other key or value types.");
            }

            var loader = new DataLoader<TKey, TValue>(batch, onPending);
            _loaders[name] = loader;
            return loader;
        }
    }

    /// <summary>Dispatches every loader with queued keys; answers whether any had some.</summary>
    public bool DispatchPending(CancellationToken cancellationToken)
    {
        IBatchDispatcher[] loaders;
        lock (_lock)
        {
            if (_loaders.Count == 0)
            {
                return false;
            }

            loaders = [.. _loaders.Values];
        }

        if (loaders.Any(l => l.IsBusy))
        {
            // Keys are still arriving from a settling batch; its end signals the executor.
            return false;
        }

        var dispatched = false;
        foreach (var loader in loaders)
        {
            if (loader.HasPending)
            {
                loader.Dispatch(cancellationToken);
                dispatched = true;
            }
        }

        return dispatched;
    }
}
