using System.Data.Common;
using System.Threading.Channels;

namespace Governance.Core.Storage;

/// <summary>
/// The database's single writer with group commit. Concurrent commands queue here; the writer
/// takes every command waiting (up to <see cref="MaxBatch"/>), runs each inside its own
/// SAVEPOINT of one transaction, and COMMITs once: one fsync acknowledges the whole group
/// (SQLite with synchronous=FULL costs one fsync per commit, and a disk does a few thousand a
/// second). A command that throws is rolled back to its savepoint alone, and its caller gets
/// the exception; the others commit. After the commit, each command's after-commit action runs
/// in commit order (e.g. applying the change to the live engine), then its caller is answered.
/// A failed COMMIT fails every command of the group: none of them was acknowledged.
/// </summary>
public sealed class GroupCommitter : IAsyncDisposable
{
    public const int MaxBatch = 512;

    private readonly Database database;
    private readonly Action<Action>? serialise;
    private readonly Channel<IWork> queue = Channel.CreateUnbounded<IWork>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task writer;

    /// <param name="serialise">
    /// Optional: runs each group (its COMMIT and its after-commit actions) inside this, e.g. a
    /// gate that other writers also hold from their commit to their follow-up, so that what
    /// the after-commit actions apply elsewhere is applied in the database's commit order.
    /// </param>
    public GroupCommitter(Database database, Action<Action>? serialise = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        this.database = database;
        this.serialise = serialise;
        // A thread of its own that blocks while the queue is empty: an async loop would resume
        // on the thread pool behind every request waiting there, and under load each group
        // would start late by however long that queue is.
        writer = Task.Factory.StartNew(WriteLoop, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>How many transactions were committed, and how many commands they carried.</summary>
    public (long Commits, long Commands) Statistics => (Interlocked.Read(ref commits), Interlocked.Read(ref commands));

    private long commits;
    private long commands;

    /// <summary>
    /// Runs <paramref name="command"/> inside the next group's transaction. The task completes
    /// after the group's COMMIT returned (the write is durable) and <paramref name="afterCommit"/> ran.
    /// </summary>
    public Task<T> RunAsync<T>(Func<DbConnection, DbTransaction, T> command, Action<T>? afterCommit = null)
    {
        ArgumentNullException.ThrowIfNull(command);
        var work = new Work<T>(command, afterCommit);
        ObjectDisposedException.ThrowIf(!queue.Writer.TryWrite(work), this);

        return work.Completion.Task;
    }

    private void WriteLoop()
    {
        var batch = new List<IWork>(MaxBatch);
        DbConnection? connection = null;
        try
        {
            while (WaitForWork())
            {
                batch.Clear();
                while (batch.Count < MaxBatch && queue.Reader.TryRead(out var work))
                {
                    batch.Add(work);
                }

                try
                {
                    connection ??= database.Open();
                    var open = connection;
                    storageFaulted = false;
                    if (serialise is null)
                    {
                        CommitGroup(open, batch);
                    }
                    else
                    {
                        serialise(() => CommitGroup(open, batch));
                    }

                    if (storageFaulted)
                    {
                        // The writer's own connection may be one SQLite opened read-only while
                        // the folder was: open afresh for the next group (issue 21).
                        connection.Dispose();
                        connection = null;
                    }
                }
                catch (Exception ex)
                {
                    // Opening the connection or the gate failed: none of the group was
                    // acknowledged, and the writer goes on with the next group.
                    foreach (var work in batch)
                    {
                        work.Fail(ex);
                    }

                    connection?.Dispose();
                    connection = null;
                }
            }
        }
        finally
        {
            connection?.Dispose();
        }
    }

    private void CommitGroup(DbConnection connection, List<IWork> batch)
    {
        DbTransaction transaction;
        try
        {
            transaction = connection.BeginWrite();
        }
        catch (Exception ex)
        {
            foreach (var work in batch)
            {
                Fail(work, ex);
            }

            return;
        }

        using (transaction)
        {
            foreach (var work in batch)
            {
                transaction.Save("command");
                try
                {
                    work.Run(connection, transaction);
                    transaction.Release("command");
                }
                catch (Exception ex)
                {
                    transaction.Rollback("command");
                    transaction.Release("command");
                    Fail(work, ex);
                }
            }

            try
            {
                transaction.Commit();
            }
            catch (Exception ex)
            {
                foreach (var work in batch.Where(w => !w.Failed))
                {
                    Fail(work, ex);
                }

                return;
            }
        }

        Interlocked.Increment(ref commits);
        Interlocked.Add(ref commands, batch.Count);
        foreach (var work in batch.Where(w => !w.Failed))
        {
            work.Acknowledge();
        }
    }

    private bool storageFaulted;

    /// <summary>Fails a command, noting whether the database (not the command) was at fault.</summary>
    private void Fail(IWork work, Exception exception)
    {
        storageFaulted |= StorageFaults.Recover(exception) is not null;
        work.Fail(exception);
    }

    private bool WaitForWork()
    {
        var waiting = queue.Reader.WaitToReadAsync();
        return waiting.IsCompleted ? waiting.Result : waiting.AsTask().GetAwaiter().GetResult();
    }

    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        await writer.ConfigureAwait(false);
    }

    private interface IWork
    {
        bool Failed { get; }

        void Run(DbConnection connection, DbTransaction transaction);

        void Fail(Exception exception);

        void Acknowledge();
    }

    private sealed class Work<T>(Func<DbConnection, DbTransaction, T> command, Action<T>? afterCommit) : IWork
    {
        private T result = default!;

        public TaskCompletionSource<T> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool Failed { get; private set; }

        public void Run(DbConnection connection, DbTransaction transaction) => result = command(connection, transaction);

        public void Fail(Exception exception)
        {
            Failed = true;
            Completion.TrySetException(exception);
        }

        public void Acknowledge()
        {
            try
            {
                afterCommit?.Invoke(result);
            }
            catch (Exception ex)
            {
                // The write is durable; the caller still learns that its follow-up failed.
                Completion.TrySetException(ex);
                return;
            }

            Completion.TrySetResult(result);
        }
    }
}
