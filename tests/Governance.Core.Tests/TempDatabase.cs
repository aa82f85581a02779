using Governance.Core.Storage;

namespace Governance.Core.Tests;

/// <summary>A fresh database file in its own temporary folder, deleted afterwards.</summary>
internal sealed class TempDatabase : IDisposable
{
    public TempDatabase(bool migrate = true)
    {
        Folder = Directory.CreateTempSubdirectory("governance-test-").FullName;
        Database = Database.FromOptions(new StorageOptions { DataDirectory = Folder });
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
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
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
