using Governance.Core.Storage;
using Governance.Tests.Shared;

namespace Governance.Core.Tests;

/// <summary>
/// A fresh database, deleted afterwards: a SQLite file in its own temporary folder, or, when the
/// run asks for PostgreSQL (GOVERNANCE_TEST_PROVIDER=postgres) or the test does, a fresh
/// database in the test run's PostgreSQL cluster.
/// </summary>
internal sealed class TempDatabase : IDisposable
{
    public TempDatabase(bool migrate = true, StorageProvider? provider = null)
    {
        Folder = Directory.CreateTempSubdirectory("governance-test-").FullName;
        Database = (provider ?? (PostgresServer.Requested ? StorageProvider.Postgres : StorageProvider.Sqlite)) == StorageProvider.Postgres
            ? new Database(PostgresServer.CreateDatabase(), StorageProvider.Postgres)
            : Database.FromOptions(new StorageOptions { DataDirectory = Folder });
        if (migrate)
        {
            Migrator.Apply(Database);
        }
    }

    public string Folder { get; }

    public Database Database { get; }

    public string FilePath => Database.DataSource;

    public void Dispose()
    {
        Database.ClearPool();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is not worth failing a test over.
        }
    }
}
