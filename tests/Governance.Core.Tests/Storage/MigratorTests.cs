using Dapper;
using Governance.Core.Storage;

namespace Governance.Core.Tests.Storage;

public sealed class MigratorTests
{
    [Fact]
    public void EmptyDatabaseGetsEveryTableAndTheMigrationIsRecorded()
    {
        using var temp = new TempDatabase(migrate: false);
        var applied = Migrator.Apply(temp.Database);

        Assert.Equal(Migrator.Embedded.Select(m => m.Number), applied);
        using var connection = temp.Database.Open();
        var tables = connection.Query<string>("SELECT name FROM sqlite_schema WHERE type = 'table'").ToHashSet();
        foreach (var table in new[] { "members", "member_roles", "areas", "delegations", "delegation_delegates", "proposals",
                     "proposal_status_history", "supports", "endorsements", "votes", "policies", "event_log", "schema_migrations" })
        {
            Assert.Contains(table, tables);
        }

        Assert.Equal(applied.Count, connection.ExecuteScalar<int>("SELECT count(*) FROM schema_migrations"));
        Assert.Equal(Database.ApplicationId, connection.ExecuteScalar<int>("PRAGMA application_id"));
    }

    [Fact]
    public void UpToDateDatabaseIsLeftAsItIs()
    {
        using var temp = new TempDatabase();
        using var connection = temp.Database.Open();
        var before = connection.Query<(long Number, long AppliedAt)>("SELECT number, applied_at FROM schema_migrations ORDER BY number").ToList();
        var schemaBefore = connection.Query<string>("SELECT sql FROM sqlite_schema WHERE sql IS NOT NULL ORDER BY name").ToList();

        var applied = Migrator.Apply(temp.Database);

        Assert.Empty(applied);
        Assert.Equal(before, connection.Query<(long Number, long AppliedAt)>("SELECT number, applied_at FROM schema_migrations ORDER BY number"));
        Assert.Equal(schemaBefore, connection.Query<string>("SELECT sql FROM sqlite_schema WHERE sql IS NOT NULL ORDER BY name"));
    }

    [Fact]
    public void ConnectionsUseWalFullSyncAndForeignKeys()
    {
        using var temp = new TempDatabase();
        using var connection = temp.Database.Open();

        Assert.Equal("wal", connection.ExecuteScalar<string>("PRAGMA journal_mode"));
        Assert.Equal(2, connection.ExecuteScalar<int>("PRAGMA synchronous")); // 2 = FULL
        Assert.Equal(1, connection.ExecuteScalar<int>("PRAGMA foreign_keys"));
    }

    [Fact]
    public void MigrationFailingHalfWayLeavesAnEmptyDatabaseEmpty()
    {
        using var temp = new TempDatabase(migrate: false);
        var migrations = new[]
        {
            new Migration(1, "first", "CREATE TABLE first (id INTEGER PRIMARY KEY);"),
            new Migration(2, "broken", "CREATE TABLE second (id INTEGER PRIMARY KEY); INSERT INTO no_such_table VALUES (1);"),
        };

        var error = Assert.Throws<StorageException>(() => Migrator.Apply(temp.Database, migrations));

        Assert.Contains("0002_broken", error.Message, StringComparison.Ordinal);
        Assert.Contains("nothing was changed", error.Message, StringComparison.Ordinal);
        using var connection = temp.Database.Open();
        Assert.Equal(0, connection.ExecuteScalar<int>("SELECT count(*) FROM sqlite_schema WHERE name IN ('first', 'second', 'schema_migrations')"));
    }

    [Fact]
    public void MigrationFailingOnAnExistingDatabaseKeepsItsDataAndVersion()
    {
        using var temp = new TempDatabase();
        using (var connection = temp.Database.Open())
        {
            connection.Execute("INSERT INTO organisation (id, name, created_at) VALUES (1, 'Kept', 0)");
        }

        var migrations = Migrator.Embedded.Append(new Migration(999, "broken", "ALTER TABLE members ADD COLUMN x INTEGER; SELECT * FROM nowhere;")).ToList();
        Assert.Throws<StorageException>(() => Migrator.Apply(temp.Database, migrations));

        using var check = temp.Database.Open();
        Assert.Equal("Kept", check.ExecuteScalar<string>("SELECT name FROM organisation"));
        Assert.Equal(0, check.ExecuteScalar<int>("SELECT count(*) FROM schema_migrations WHERE number = 999"));
        Assert.DoesNotContain("x", check.Query<string>("SELECT name FROM pragma_table_info('members')"));
    }

    [Fact]
    public void DatabaseFromANewerVersionIsRefused()
    {
        using var temp = new TempDatabase();
        using (var connection = temp.Database.Open())
        {
            connection.Execute("INSERT INTO schema_migrations (number, name, applied_at) VALUES (9999, 'future', 0)");
        }

        var error = Assert.Throws<StorageException>(() => Migrator.Apply(temp.Database));
        Assert.Contains("9999", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CorruptFileIsRefusedAndLeftUntouched()
    {
        using var temp = new TempDatabase(migrate: false);
        var garbage = new byte[8192];
        new Random(7).NextBytes(garbage);
        File.WriteAllBytes(temp.FilePath, garbage);

        var error = Assert.Throws<StorageException>(() => Migrator.Apply(temp.Database));

        Assert.Contains("not a usable SQLite database", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        Assert.Equal(garbage, File.ReadAllBytes(temp.FilePath));
    }

    [Fact]
    public void AnotherApplicationsSqliteFileIsRefusedAndLeftUntouched()
    {
        using var temp = new TempDatabase(migrate: false);
        using (var connection = temp.Database.Open())
        {
            connection.Execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL); INSERT INTO invoices VALUES (1, 9.5);");
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var before = File.ReadAllBytes(temp.FilePath);

        var error = Assert.Throws<StorageException>(() => Migrator.Apply(temp.Database));

        Assert.Contains("another application", error.Message, StringComparison.Ordinal);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Assert.Equal(before, File.ReadAllBytes(temp.FilePath));
    }

    [Fact]
    public void MissingConfiguredDataFolderIsRefused()
    {
        var missing = Path.Combine(Path.GetTempPath(), "governance-missing-" + Guid.NewGuid().ToString("N"));

        var error = Assert.Throws<StorageException>(() => Database.FromOptions(new StorageOptions { DataDirectory = missing }));

        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(missing));
    }
}
