using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Governance.Core.Storage;

/// <summary>
/// Opens connections to the governance database with the settings every connection needs.
/// SQLite (the embedded default): WAL journal with synchronous=FULL (an acknowledged commit
/// survives a power cut), foreign keys on, and a busy timeout so concurrent writers queue
/// instead of failing. PostgreSQL (several instances on one server): a pooled Npgsql data
/// source; its durability is the server's (synchronous_commit on, its default).
/// </summary>
public sealed class Database
{
    /// <summary>"Gov1" in SQLite's application_id header field (and PostgreSQL's governance_application row): how we tell our database from another's.</summary>
    public const int ApplicationId = 0x476F7631;

    private readonly NpgsqlDataSource? postgres;

    /// <summary>
    /// PostgreSQL's second pool, for <see cref="OpenAsync"/>. One pool shared by both kinds of
    /// caller starved under load: threads blocked in <see cref="Open"/> waiting for a
    /// connection, while the connections were held by async reads whose continuations needed
    /// one of those threads (200 writers: 3 writes a second, 503s, a thread added a second;
    /// PostgresLoadTests). With its own pool, a synchronous caller waits only for synchronous
    /// holders, which finish on their own threads. Each pool has the connection string's
    /// Maximum Pool Size, so an instance may open twice that many connections.
    /// </summary>
    private readonly NpgsqlDataSource? postgresAsync;

    public Database(string connectionString, StorageProvider? provider = null)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        Provider = provider ?? Infer(connectionString);
        if (Provider == StorageProvider.Postgres)
        {
            // Each Database is one instance: its application_name marks the event-log entries it
            // writes (event_log.origin), so that it can tell them from other instances'.
            var builder = new NpgsqlConnectionStringBuilder(connectionString)
            {
                ApplicationName = $"governance-{Guid.NewGuid():N}",
            };
            InstanceName = builder.ApplicationName;
            postgres = NpgsqlDataSource.Create(builder);
            postgresAsync = NpgsqlDataSource.Create(builder);
            ConnectionString = builder.ToString();
            DataSource = $"{builder.Host}:{builder.Port}/{builder.Database}";
            return;
        }

        var sqlite = new SqliteConnectionStringBuilder(connectionString)
        {
            ForeignKeys = true,
            Pooling = true,
        };
        ConnectionString = sqlite.ToString();
        DataSource = sqlite.DataSource;
    }

    public string ConnectionString { get; }

    /// <summary>The file (SQLite) or host:port/database (PostgreSQL), for messages.</summary>
    public string DataSource { get; }

    public StorageProvider Provider { get; }

    /// <summary>PostgreSQL: this instance's application_name, recorded with every entry it appends; null on SQLite.</summary>
    public string? InstanceName { get; }

    public bool IsPostgres => Provider == StorageProvider.Postgres;

    /// <summary>Whether <see cref="Transactions.WriteLoggedAsync{T}"/> queues its writers (<see cref="StorageOptions.WriteQueue"/>).</summary>
    public bool QueueWrites { get; init; } = true;

    /// <summary>
    /// The instance's queue of asynchronous writers: one at a time takes the database's write
    /// lock, the others wait here without a thread (<see cref="Transactions.WriteLoggedAsync{T}"/>).
    /// </summary>
    internal SemaphoreSlim WriteQueue { get; } = new(1, 1);

    public static Database FromOptions(StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var provider = StorageProviders.Parse(options.Provider);
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return new Database(options.ConnectionString, provider) { QueueWrites = options.WriteQueue };
        }

        if (provider == StorageProvider.Postgres)
        {
            throw new StorageException("Storage:Provider is postgres but Storage:ConnectionString is empty; give an Npgsql connection string (Host=…;Database=…;Username=…).");
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
        return new Database(new SqliteConnectionStringBuilder { DataSource = path }.ToString(), StorageProvider.Sqlite) { QueueWrites = options.WriteQueue };
    }

    public DbConnection Open()
    {
        if (postgres is not null)
        {
            return postgres.OpenConnection();
        }

        var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        Configure(connection);
        return connection;
    }

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        if (postgres is not null)
        {
            return await postgresAsync!.OpenConnectionAsync(cancellationToken);
        }

        var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        Configure(connection);
        return connection;
    }

    /// <summary>PostgreSQL: both pools relearn the server's types (after migrations created citext).</summary>
    public void ReloadTypes()
    {
        foreach (var source in new[] { postgres, postgresAsync })
        {
            if (source is not null)
            {
                using var connection = source.OpenConnection();
                connection.ReloadTypes();
            }
        }
    }

    /// <summary>Drops the pooled idle connections (after a bulk import, or before a test deletes the file).</summary>
    public void ClearPool()
    {
        if (postgres is not null)
        {
            NpgsqlConnection.ClearAllPools();
        }
        else
        {
            SqliteConnection.ClearAllPools();
        }
    }

    /// <summary>
    /// FULL: a commit is synced before it is acknowledged. Only the power-cut harness
    /// (tests/powercut) turns it OFF, to prove it catches a server that forgets to sync; the
    /// variable's name says what it costs.
    /// </summary>
    private static readonly string Synchronous =
        Environment.GetEnvironmentVariable("GOVERNANCE_UNSAFE_SQLITE_SYNCHRONOUS_OFF") == "1" ? "OFF" : "FULL";

    private static void Configure(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA synchronous = {Synchronous}; PRAGMA busy_timeout = 10000;";
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// Makes sure the database is ours before anything writes to it. SQLite: a file whose header
    /// carries our application id, or an empty file; then sets WAL (persistent in the file).
    /// PostgreSQL: a schema holding our governance_application row, or an empty schema, in a
    /// database whose collation is "C" (SQLite's byte order, so names sort the same on both).
    /// Throws <see cref="StorageException"/> with a one-line reason otherwise, having written nothing.
    /// </summary>
    public void EnsureUsable()
    {
        if (IsPostgres)
        {
            EnsurePostgresUsable();
            return;
        }

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

    private void EnsurePostgresUsable()
    {
        try
        {
            using var connection = Open();
            var collation = Scalar<string>(connection, "SELECT datcollate FROM pg_database WHERE datname = current_database()");
            if (collation is not ("C" or "POSIX"))
            {
                throw new StorageException(
                    $"'{DataSource}' has collation '{collation}'; Governance sorts names in byte order as on SQLite: create the database with TEMPLATE template0 LC_COLLATE 'C' LC_CTYPE 'C' ENCODING 'UTF8'.");
            }

            var tables = Scalar<long>(connection, "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()");
            var ours = Scalar<long>(connection, "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'governance_application'");
            var applicationId = ours == 0 ? 0 : Scalar<long>(connection, "SELECT coalesce(max(application_id), 0) FROM governance_application");
            if (applicationId != ApplicationId && tables != 0)
            {
                throw new StorageException(
                    $"'{DataSource}' holds tables of another application (no governance_application row {ApplicationId}); refusing to touch it.");
            }
        }
        catch (NpgsqlException ex)
        {
            throw new StorageException($"Cannot open '{DataSource}': {ex.Message.TrimEnd('.')}.", ex);
        }
    }

    /// <summary>True when <paramref name="exception"/> is a UNIQUE/CHECK/foreign-key refusal by either database.</summary>
    public static bool IsConstraintViolation(Exception exception) => exception switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == 19, // SQLITE_CONSTRAINT
        PostgresException postgres => postgres.SqlState.StartsWith("23", StringComparison.Ordinal), // class 23: integrity constraint violation
        _ => false,
    };

    internal static StorageProvider Infer(string connectionString)
    {
        // An Npgsql connection string names a host; a SQLite one names a file (Data Source=…).
        var builder = new DbConnectionStringBuilder { ConnectionString = connectionString };
        return builder.ContainsKey("Host") || builder.ContainsKey("Server") ? StorageProvider.Postgres : StorageProvider.Sqlite;
    }

    internal static T Scalar<T>(IDbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        var value = command.ExecuteScalar();
        return (T)Convert.ChangeType(value!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }
}
