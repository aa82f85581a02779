using Microsoft.Data.Sqlite;
using Npgsql;

namespace Governance.Core.Storage;

/// <summary>
/// Failures of the database that are not the request's fault — a full disk, a read-only file or
/// server, a failing disk, an unreachable server — recognised the same on SQLite and PostgreSQL.
/// </summary>
public static class StorageFaults
{
    /// <summary>What to tell a caller when <paramref name="exception"/> (or an inner one) is such a failure; null for any other.</summary>
    public static string? Reason(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case SqliteException sqlite:
                    // Primary result codes (the low byte of an extended one): 13 SQLITE_FULL,
                    // 8 SQLITE_READONLY, 10 SQLITE_IOERR, 14 SQLITE_CANTOPEN.
                    return (sqlite.SqliteErrorCode & 0xFF) switch
                    {
                        13 => "the disk holding the database is full",
                        8 => "the database is read-only",
                        10 => "the disk failed a read or write",
                        14 => "the database file cannot be opened",
                        _ => null,
                    };
                case PostgresException postgres:
                    // SQLSTATE: 53100 disk_full, 25006 read_only_sql_transaction (a standby or
                    // default_transaction_read_only), 58030 io_error, 57P01-57P03 shutdown / cannot connect now.
                    return postgres.SqlState switch
                    {
                        "53100" => "the disk holding the database is full",
                        "25006" => "the database is read-only",
                        "58030" => "the disk failed a read or write",
                        "57P01" or "57P02" or "57P03" => "the database server is restarting",
                        _ => null,
                    };
                case NpgsqlException npgsql when npgsql.IsTransient:
                    return "the database server cannot be reached";
            }
        }

        return null;
    }

    /// <summary>
    /// <see cref="Reason"/>, and when it is such a failure, drops every pooled connection so that
    /// the next command opens afresh. A connection SQLite opened while the folder was read-only
    /// stays read-only for life (SQLite falls back silently), and a pool keeps it: writes failed
    /// for minutes after the folder was writable again (issue 21). Connections in use are closed
    /// instead of pooled when returned; opening one costs well under a millisecond.
    /// </summary>
    public static string? Recover(Exception? exception)
    {
        var reason = Reason(exception);
        if (reason is not null)
        {
            SqliteConnection.ClearAllPools();
            NpgsqlConnection.ClearAllPools();
        }

        return reason;
    }
}
