using System.Data;
using Microsoft.Data.Sqlite;

namespace Governance.Core.Storage;

/// <summary>
/// Opens connections to the governance database with the settings every connection needs:
/// WAL journal with synchronous=FULL (an acknowledged commit survives a power cut), foreign
/// keys on, and a busy timeout so concurrent writers queue instead of failing.
/// </summary>
public sealed class Database
{
    /// <summary>"Gov1" in SQLite's application_id header field: how we tell our file from another's.</summary>
    public const int ApplicationId = 0x476F7631;

    public Database(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString)
        {
            ForeignKeys = true,
            Pooling = true,
        };
        ConnectionString = builder.ToString();
        DataSource = builder.DataSource;
    }

    public string ConnectionString { get; }

    public string DataSource { get; }

    public static Database FromOptions(StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return new Database(options.ConnectionString);
        }

        var folder = Path.GetFullPath(options.DataDirectory);
        if (!Directory.Exists(folder))
        {
            // Only the default folder is made for you; a configured one that is missing is
            // more likely a typo than a wish for an empty organisation.
            if (options.DataDirectory != StorageOptions.DefaultDataDirectory)
            {
                throw new StorageException($"The data folder '{folder}' does not exist; create it or correct Storage:DataDirectory.");
            }

            Directory.CreateDirectory(folder);
        }

        var path = Path.Combine(folder, options.DatabaseFileName);
        return new Database(new SqliteConnectionStringBuilder { DataSource = path }.ToString());
    }

    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        Configure(connection);
        return connection;
    }

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        Configure(connection);
        return connection;
    }

    private static void Configure(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous = FULL; PRAGMA busy_timeout = 10000;";
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// Makes sure the file is ours before anything writes to it: a SQLite file whose header
    /// carries our application id, or an empty file. Then sets WAL (persistent in the file).
    /// Throws <see cref="StorageException"/> with a one-line reason otherwise, having written nothing.
    /// </summary>
    public void EnsureUsable()
    {
        try
        {
            using var connection = Open();
            var applicationId = Scalar<long>(connection, "PRAGMA application_id");
            var objectCount = Scalar<long>(connection, "SELECT count(*) FROM sqlite_schema");
            if (applicationId != ApplicationId && (applicationId != 0 || objectCount != 0))
            {
                throw new StorageException(
                    $"'{DataSource}' is a SQLite database of another application (application_id {applicationId}); refusing to touch it.");
            }

            // WAL is a property of the file; an in-memory database answers "memory", harmlessly.
            Scalar<string>(connection, "PRAGMA journal_mode = WAL");
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is 26 or 11)
        {
            // 26 SQLITE_NOTADB, 11 SQLITE_CORRUPT.
            throw new StorageException($"'{DataSource}' is not a usable SQLite database ({ex.SqliteErrorCode switch { 26 => "not a database", _ => "corrupt" }}); refusing to start.", ex);
        }
        catch (SqliteException ex)
        {
            throw new StorageException($"Cannot open '{DataSource}': {ex.Message.TrimEnd('.')}.", ex);
        }
    }

    internal static T Scalar<T>(IDbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        var value = command.ExecuteScalar();
        return (T)Convert.ChangeType(value!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }
}
