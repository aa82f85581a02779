namespace Governance.Core.Delegation;

/// <summary>
/// Owns the organisation's live <see cref="DelegationEngine"/> and serialises access to it (the
/// engine is single-threaded by design). A command service commits its database transaction and
/// applies the change here inside <see cref="SerialiseWriteAsync{T}"/>, so the engine sees
/// changes in commit order whichever service made them.
/// </summary>
public sealed class EngineHost(DelegationEngine engine) : IDisposable
{
    private readonly Lock gate = new();
    private readonly SemaphoreSlim writes = new(1, 1);

    public T Read<T>(Func<DelegationEngine, T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        lock (gate)
        {
            return read(engine);
        }
    }

    public void Apply(Action<DelegationEngine> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (gate)
        {
            change(engine);
        }
    }

    /// <summary>Swaps in a freshly loaded engine (another instance imported a whole organisation).</summary>
    public void Replace(DelegationEngine fresh)
    {
        ArgumentNullException.ThrowIfNull(fresh);
        lock (gate)
        {
            engine = fresh;
        }
    }

    /// <summary>Runs one write (commit, then <see cref="Apply"/>) at a time.</summary>
    public async Task<T> SerialiseWriteAsync<T>(Func<Task<T>> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        await writes.WaitAsync();
        try
        {
            return await write();
        }
        finally
        {
            writes.Release();
        }
    }

    /// <summary>
    /// The blocking form, for a writer on its own thread (the group committer runs each group's
    /// COMMIT and after-commit changes inside it).
    /// </summary>
    public void SerialiseWrite(Action write)
    {
        ArgumentNullException.ThrowIfNull(write);
        writes.Wait();
        try
        {
            write();
        }
        finally
        {
            writes.Release();
        }
    }

    public Task SerialiseWriteAsync(Func<Task> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        return SerialiseWriteAsync(async () =>
        {
            await write();
            return true;
        });
    }

    public void Dispose() => writes.Dispose();
}
