using Microsoft.Data.Sqlite;

namespace Governance.Core.Storage;

/// <summary>
/// One command, one transaction. Microsoft.Data.Sqlite's BeginTransaction() issues BEGIN
/// IMMEDIATE, so the write lock is taken before the command reads anything it checks: two
/// concurrent commands run one after the other, and a rule checked inside still holds at
/// commit. An exception (a refused command included) rolls everything back.
/// </summary>
public static class Transactions
{
    public static T Write<T>(Database database, Func<SqliteConnection, SqliteTransaction, T> command)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(command);
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        var result = command(connection, transaction);
        transaction.Commit();
        return result;
    }

    public static T Read<T>(Database database, Func<SqliteConnection, T> query)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(query);
        using var connection = database.Open();
        return query(connection);
    }
}
