using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Governance.Core.Events;
using Npgsql;

namespace Governance.Core.Storage;

/// <summary>
/// One command, one transaction, one writer at a time. On SQLite, BeginTransaction() issues
/// BEGIN IMMEDIATE, so the write lock is taken before the command reads anything it checks. On
/// PostgreSQL the same is had with a transaction-scoped advisory lock taken first thing: every
/// instance's writers queue on it, so a rule checked inside still holds at commit and the event
/// log's sequence numbers and hash chain grow one entry at a time, exactly as on SQLite. An
/// exception (a refused command included) rolls everything back.
/// </summary>
public static class Transactions
{
    /// <summary>The advisory lock key every writer takes ("Gov1").</summary>
    public const long WriteLockKey = Database.ApplicationId;

    public static T Write<T>(Database database, Func<DbConnection, DbTransaction, T> command)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(command);
        using var connection = database.Open();
        using var transaction = connection.BeginWrite();
        var result = command(connection, transaction);
        transaction.Commit();
        return result;
    }

    /// <summary>
    /// <see cref="Write{T}"/>, also returning the event-log entries the command appended, in
    /// order, for it to publish after the commit.
    /// </summary>
    public static (T Result, IReadOnlyList<LoggedEvent> Logged) WriteLogged<T>(Database database, Func<DbConnection, DbTransaction, T> command)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(command);
        using var connection = database.Open();
        using var transaction = connection.BeginWrite();
        var logged = EventLog.Watch(transaction);
        var result = command(connection, transaction);
        transaction.Commit();
        return (result, logged);
    }

    /// <summary>
    /// <see cref="WriteLogged{T}"/> for a request's writer: it waits for the write lock in the
    /// instance's queue (<see cref="Database.WriteQueue"/>) without holding a thread, and only
    /// the writer at its head opens a connection and takes the database's lock (BEGIN IMMEDIATE,
    /// or PostgreSQL's advisory lock, where it waits only for writers outside the queue: other
    /// instances', the group committer, and writes not moved to the queue yet); from
    /// there to the commit it runs synchronously, as every writer does, so that holding the lock
    /// never needs a second thread. Before, hundreds of writers each blocked a thread-pool thread
    /// on the lock (docs/reliability.md, "The same writers on PostgreSQL").
    /// </summary>
    public static async Task<(T Result, IReadOnlyList<LoggedEvent> Logged)> WriteLoggedAsync<T>(Database database, Func<DbConnection, DbTransaction, T> command)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(command);
        if (!database.QueueWrites)
        {
            return WriteLogged(database, command);
        }

        await database.WriteQueue.WaitAsync().ConfigureAwait(false);
        try
        {
            return WriteLogged(database, command);
        }
        finally
        {
            database.WriteQueue.Release();
        }
    }

    public static T Read<T>(Database database, Func<DbConnection, T> query)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(query);
        using var connection = database.Open();
        return query(connection);
    }

    /// <summary>
    /// Several reads that must agree with each other (a page and its counts), run in one read
    /// transaction: SQLite's deferred transaction reads one WAL snapshot from its first read, and
    /// PostgreSQL's REPEATABLE READ one snapshot for the transaction. Takes no write lock.
    /// </summary>
    public static T ReadConsistent<T>(Database database, Func<DbConnection, DbTransaction, T> query)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(query);
        using var connection = database.Open();
        using var transaction = connection is SqliteConnection sqlite
            ? sqlite.BeginTransaction(deferred: true)
            : connection.BeginTransaction(IsolationLevel.RepeatableRead);
        var result = query(connection, transaction);
        transaction.Commit();
        return result;
    }

    /// <summary>
    /// Begins a write transaction holding the database's single writer lock. On SQLite the
    /// writer stands in the database's <see cref="WriterLine"/> while it waits, so that the
    /// notification feed gives way to it between two of its transactions.
    /// </summary>
    public static DbTransaction BeginWrite(this DbConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (connection is SqliteConnection)
        {
            var line = WriterLine.For(connection.ConnectionString);
            line.Arrive();
            var admitted = false;
            try
            {
                var begun = connection.BeginTransaction();
                admitted = true;
                return begun;
            }
            finally
            {
                line.Leave(admitted);
            }
        }

        var transaction = connection.BeginTransaction();
        if (connection is NpgsqlConnection)
        {
            try
            {
                using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = $"SELECT pg_advisory_xact_lock({WriteLockKey})";
                command.ExecuteNonQuery();
            }
            catch
            {
                transaction.Dispose();
                throw;
            }
        }

        return transaction;
    }
}
