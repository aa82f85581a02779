using Dapper;
using Microsoft.Data.Sqlite;

namespace Governance.Core.Storage;

/// <summary>A one-liner for the many "count(*)" guards the services check inside their transaction.</summary>
internal static class SqlExtensions
{
    public static long ExecuteScalarLong(this SqliteConnection connection, SqliteTransaction? transaction, string sql, object? parameters = null) =>
        connection.ExecuteScalar<long>(sql, parameters, transaction);
}
