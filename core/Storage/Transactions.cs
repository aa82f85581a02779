using System.Data.Common;
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

    public static T Read<T>(Database database, Func<DbConnection, T> query)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(query);
        using var connection = database.Open();
        return query(connection);
    }

    /// <summary>Begins a write transaction holding the database's single writer lock.</summary>
    public static DbTransaction BeginWrite(this DbConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
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
