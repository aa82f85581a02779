using System.Text.Json;
using Dapper;
using Governance.Core.Clock;
using Governance.Core.Storage;

namespace Governance.Api.Tests;

/// <summary>The domain's commands: verify-draw, verify-metamoderation-draw, export-snapshot and simulate.</summary>
public sealed class DomainCliTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("governance-domain-cli-test-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>An organisation created 20 days ago whose 200 members all hold level 3: the clock draws two or three weeks.</summary>
    private string DrawnPeriod()
    {
        var database = Database.FromOptions(new StorageOptions { DataDirectory = folder });
        Migrator.Apply(database);
        var now = DateTimeOffset.UtcNow;
        var created = now.AddDays(-20).ToUnixTimeMilliseconds();
        using (var connection = database.Open())
        {
            connection.Execute("INSERT INTO organisation (id, name, created_at) VALUES (1, 'Test', @created)", new { created });
            for (var i = 0; i < 200; i++)
            {
                connection.Execute(
                    "INSERT INTO members (handle, display_name, karma, karma_at, joined_at, last_active_at) VALUES (@h, @h, 50, @created, @created, @created)",
                    new { h = $"m{i}", created });
            }
        }

        Assert.True(new GovernanceClock(database).RunDue(now).Draws >= 2);
        using var read = database.Open();
        return read.ExecuteScalar<string>("SELECT period_id FROM lottery_draws ORDER BY period_end LIMIT 1")!;
    }

    [Fact]
    public async Task VerifyDrawConfirmsAStoredDrawFromItsPublicInputs()
    {
        var period = DrawnPeriod();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        var verify = await CliProcess.RunAsync(null, "verify-draw", period, "--data", folder);

        Assert.True(verify.ExitCode == 0, verify.StdOut + verify.StdErr);
        Assert.Contains("The draw matches its public inputs.", verify.StdOut, StringComparison.Ordinal);
        Assert.Contains("200 eligible", verify.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyDrawNamesAMemberWhoseOutcomeWasForged()
    {
        var period = DrawnPeriod();
        var database = Database.FromOptions(new StorageOptions { DataDirectory = folder });
        long forged;
        using (var connection = database.Open())
        {
            connection.Execute("DROP TRIGGER lottery_entries_no_update");
            forged = connection.ExecuteScalar<long>("SELECT min(member_id) FROM lottery_entries WHERE period_id = @period AND drawn = 0", new { period });
            connection.Execute("UPDATE lottery_entries SET drawn = 1 WHERE period_id = @period AND member_id = @forged", new { period, forged });
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var verify = await CliProcess.RunAsync(null, "verify-draw", period, "--data", folder);

        Assert.Equal(1, verify.ExitCode);
        Assert.Contains($"member {forged} is stored as drawn", verify.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyDrawAndExportSnapshotExplainWhatIsMissing()
    {
        Migrator.Apply(Database.FromOptions(new StorageOptions { DataDirectory = folder }));
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        var draw = await CliProcess.RunAsync(null, "verify-draw", "2026-11-16", "--data", folder);
        var snapshot = await CliProcess.RunAsync(null, "export-snapshot", "7", "--data", folder);

        Assert.Equal(2, draw.ExitCode);
        Assert.Contains("no draw for period 2026-11-16", draw.StdErr, StringComparison.Ordinal);
        Assert.Equal(1, snapshot.ExitCode);
        Assert.Contains("proposal 7 has no closed vote", snapshot.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyMetamoderationDrawSharesVerifyDrawsReportAndExitCodes()
    {
        // The clock draws each ended week's jurors from the same head entry as its lottery.
        DrawnPeriod();
        string period;
        using (var read = Database.FromOptions(new StorageOptions { DataDirectory = folder }).Open())
        {
            period = read.ExecuteScalar<string>("SELECT period_id FROM metamoderation_draws ORDER BY period_id LIMIT 1")!;
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var verify = await CliProcess.RunAsync(null, "verify-metamoderation-draw", period, "--data", folder);
        var missing = await CliProcess.RunAsync(null, "verify-metamoderation-draw", "1999-01-04", "--data", folder);

        Assert.True(verify.ExitCode == 0, verify.StdOut + verify.StdErr);
        Assert.Contains($"Period {period}: head entry ", verify.StdOut, StringComparison.Ordinal);
        Assert.Contains("200 eligible", verify.StdOut, StringComparison.Ordinal);
        Assert.Contains("The draw matches its public inputs.", verify.StdOut, StringComparison.Ordinal);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("governance verify-metamoderation-draw: There is no metamoderation draw for period 1999-01-04", missing.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SimulateWritesAReportOfEveryPolicyAndItsCharts()
    {
        var output = Path.Combine(folder, "sim");
        var run = await CliProcess.RunAsync(null, "simulate", "--members", "200", "--weeks", "3", "--seed", "5", "--out", output);

        Assert.True(run.ExitCode == 0, run.StdErr);
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "report.json")));
        var scenarios = report.RootElement.GetProperty("scenarios");
        Assert.Equal(5, scenarios.GetArrayLength());
        Assert.All(scenarios.EnumerateArray(), s => Assert.Equal(3, s.GetProperty("weeks").GetArrayLength()));
        Assert.StartsWith("<svg", await File.ReadAllTextAsync(Path.Combine(output, "chart.svg")), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(output, "default-vs-none.svg")));
    }
}
