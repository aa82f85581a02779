using Dapper;
using Governance.Core.Storage;

namespace Governance.Api.Tests;

public sealed class CliTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("governance-cli-test-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task SeedThenVerifyLogReportsTheChainIntact()
    {
        var seed = await CliProcess.RunAsync(null, "seed", "--members", "200", "--data", folder);
        Assert.True(seed.ExitCode == 0, seed.StdErr);

        long closes, moderations, metamoderation;
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(folder, "governance.db")};Pooling=False"))
        {
            // The import's event and its moderators' actions, then one for each ended vote the
            // seed closed and one for each past lottery period it drew.
            closes = connection.ExecuteScalar<long>("SELECT count(*) FROM event_log WHERE type = 'vote.closed'");
            moderations = connection.ExecuteScalar<long>("SELECT count(*) FROM event_log WHERE type IN ('proposal.scheduled', 'proposal.declined')");
            // Each past draw also draws metamoderation jurors, and the last draw's jurors judge.
            metamoderation = connection.ExecuteScalar<long>("SELECT count(*) FROM event_log WHERE type IN ('metamoderation.drawn', 'metamoderation.judged')");
            Assert.Equal(Governance.Core.Demo.DemoSeed.PastDraws, connection.ExecuteScalar<long>("SELECT count(*) FROM event_log WHERE type = 'metamoderation.drawn'"));
            Assert.Equal(1, connection.ExecuteScalar<long>("SELECT count(*) FROM event_log WHERE type = 'organisation.seeded'"));
            Assert.Equal(Governance.Core.Demo.DemoSeed.PastDraws, connection.ExecuteScalar<long>("SELECT count(*) FROM event_log WHERE type = 'lottery.drawn'"));
            Assert.Equal(1 + moderations + closes + Governance.Core.Demo.DemoSeed.PastDraws + metamoderation, connection.ExecuteScalar<long>("SELECT count(*) FROM event_log"));
        }

        // 200 members make 20 proposals; this seed happens to decide none of them (the
        // generator tests check the closes on a larger demo).
        Assert.InRange(closes, 0, 40);
        var verify = await CliProcess.RunAsync(null, "verify-log", "--data", folder);

        Assert.Equal(0, verify.ExitCode);
        Assert.Contains($"Event log intact: {1 + moderations + closes + Governance.Core.Demo.DemoSeed.PastDraws + metamoderation} entries.", verify.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyLogNamesTheSequenceNumberOfARowAlteredByHand()
    {
        var database = Database.FromOptions(new StorageOptions { DataDirectory = folder });
        Migrator.Apply(database);
        using (var connection = database.Open())
        {
            for (var i = 0; i < 6; i++)
            {
                using var transaction = connection.BeginTransaction();
                EventLog.Append(connection, transaction, DateTimeOffset.UnixEpoch.AddDays(i), null, "test.entry", new { I = i });
                transaction.Commit();
            }

            connection.Execute("DROP TRIGGER event_log_no_update");
            connection.Execute("UPDATE event_log SET payload = '{\"i\":99}' WHERE seq = 4");
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var verify = await CliProcess.RunAsync(null, "verify-log", "--data", folder);

        Assert.Equal(1, verify.ExitCode);
        Assert.Contains("Event log broken at entry 4", verify.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServiceRefusesACorruptDatabaseWithOneLineAndChangesNothing()
    {
        var file = Path.Combine(folder, "governance.db");
        var garbage = new byte[4096];
        new Random(3).NextBytes(garbage);
        await File.WriteAllBytesAsync(file, garbage);

        var serve = await CliProcess.RunAsync(null, "serve", $"--Storage:DataDirectory={folder}");

        Assert.Equal(1, serve.ExitCode);
        var line = Assert.Single(serve.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("not a usable SQLite database", line, StringComparison.Ordinal);
        Assert.Equal(garbage, await File.ReadAllBytesAsync(file));
    }

    [Fact]
    public async Task ServiceRefusesAMissingConfiguredDataFolder()
    {
        var missing = Path.Combine(folder, "nope");

        var serve = await CliProcess.RunAsync(null, $"--Storage:DataDirectory={missing}");

        Assert.Equal(1, serve.ExitCode);
        Assert.Contains("does not exist", serve.StdErr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(missing));
    }

    [Fact]
    public async Task HelpListsTheCommandsAndWorksOnEachOfThem()
    {
        var help = await CliProcess.RunAsync(null, "--help");
        Assert.Equal(0, help.ExitCode);
        foreach (var command in new[] { "serve", "seed", "verify-log" })
        {
            Assert.Contains(command, help.StdOut, StringComparison.Ordinal);
            var sub = await CliProcess.RunAsync(null, command, "--help");
            Assert.Equal(0, sub.ExitCode);
            Assert.Contains("Usage:", sub.StdOut, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task SeedRefusesAnOutOfRangeMemberCount()
    {
        var seed = await CliProcess.RunAsync(null, "seed", "--members", "3", "--data", folder);

        Assert.NotEqual(0, seed.ExitCode);
        Assert.Contains("--members must be between", seed.StdErr + seed.StdOut, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(folder, "governance.db")));
    }

    [Fact]
    public async Task ToolCommandsRefuseAMissingDatabaseInsteadOfCreatingOne()
    {
        var verify = await CliProcess.RunAsync(null, "verify-log", "--data", folder);

        Assert.Equal(2, verify.ExitCode);
        Assert.Contains("There is no database", verify.StdErr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(folder, "governance.db")));
    }

    [Fact]
    public async Task ToolCommandsBringAnOlderDatabaseUpToTheCurrentSchemaFirst()
    {
        var database = Database.FromOptions(new StorageOptions { DataDirectory = folder });
        Migrator.Apply(database, Migrator.Embedded.Take(1).ToList());
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        var draw = await CliProcess.RunAsync(null, "verify-draw", "2026-11-16", "--data", folder);

        Assert.Equal(2, draw.ExitCode);
        Assert.Contains("no draw for period 2026-11-16", draw.StdErr, StringComparison.Ordinal);
        using var connection = database.Open();
        Assert.Equal(Migrator.Embedded.Count, connection.ExecuteScalar<int>("SELECT count(*) FROM schema_migrations"));
    }
}
