using System.Data.Common;
using Dapper;
using Npgsql;

namespace Governance.Core.Storage;

/// <summary>A one-liner for the many "count(*)" guards the services check inside their transaction.</summary>
public static class SqlExtensions
{
    internal static long ExecuteScalarLong(this DbConnection connection, DbTransaction? transaction, string sql, object? parameters = null) =>
        connection.ExecuteScalar<long>(sql, parameters, transaction);

    /// <summary>
    /// "IN @ids" for a list parameter. Dapper expands a list into (@ids1, @ids2, …) for SQLite
    /// but hands it to Npgsql whole, as an array, which PostgreSQL compares with "= ANY(@ids)".
    /// </summary>
    public static string InList(this DbConnection connection, string parameter) =>
        connection is NpgsqlConnection ? $"= ANY({parameter})" : $"IN {parameter}";

    /// <inheritdoc cref="InList(DbConnection, string)"/>
    public static string InList(this Database database, string parameter)
    {
        ArgumentNullException.ThrowIfNull(database);
        return database.IsPostgres ? $"= ANY({parameter})" : $"IN {parameter}";
    }
}
