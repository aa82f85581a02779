using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace Governance.Api.Tests.Reliability;

/// <summary>
/// Clock transitions interrupted by a crash (issue 8): dozens of transitions fall due at once —
/// votes to open and close, proposals to expire, lottery periods to draw — and the real server,
/// whose clock catches up on them at start-up, is killed with SIGKILL again and again at random
/// moments of that pass. On the last, uninterrupted start every transition must have happened,
/// and each exactly once. GOVERNANCE_CLOCK_ROUNDS sets the number of kills (CI: 4).
/// </summary>
public sealed class ClockCrashTests(ITestOutputHelper output)
{
    private static int Rounds => int.TryParse(Environment.GetEnvironmentVariable("GOVERNANCE_CLOCK_ROUNDS"), CultureInfo.InvariantCulture, out var n) ? n : 4;

    [Fact]
    public async Task TransitionsKilledMidPassCompleteExactlyOnceOnRestart()
    {
        var folder = Directory.CreateTempSubdirectory("governance-clock-crash-").FullName;
        var settings = new Dictionary<string, string>(CrashRecoveryTests.ServerSettings) { ["Demo:Members"] = "1500", ["Clock:IntervalSeconds"] = "1", ["Demo:PastLotteryDraws"] = "0" };
        var database = Path.Combine(folder, "governance.db");
        try
        {
            var seeding = await ServerProcess.StartAsync(folder, settings);
            await seeding.DisposeAsync();

            // Everything falls due an hour ago; the organisation is 200 weeks old and (no past draws
            // seeded) so 200 weekly lottery periods are due.
            var hourAgo = DateTimeOffset.UtcNow.AddHours(-1).ToUnixTimeMilliseconds();
            int voting, scheduled, open;
            // The seed itself closed the demo's ended votes (DemoSeed); those are not this test's.
            var closedBySeed = Count(database).Done.Closed;
            using (var connection = Open(database))
            {
                voting = connection.Execute("UPDATE proposals SET voting_ends_at = @hourAgo WHERE status = 'voting'", new { hourAgo });
                scheduled = connection.Execute("UPDATE proposals SET discussion_starts_at = @hourAgo - 7200000, voting_starts_at = @hourAgo - 3600000, voting_ends_at = @hourAgo WHERE status = 'scheduled'", new { hourAgo });
                open = connection.Execute("UPDATE proposals SET expires_at = @hourAgo WHERE status = 'open'", new { hourAgo });
                connection.Execute("UPDATE organisation SET created_at = created_at - 1400 * 86400000");
            }

            SqliteConnection.ClearAllPools();
            output.WriteLine($"due: {voting} votes to close, {scheduled} to open and close, {open} proposals to expire, 200 lottery periods");
            Assert.True(voting + scheduled > 0 && open > 0, "the demo organisation has nothing to make due");

            var random = new Random(20261122);
            for (var round = 1; round <= Rounds; round++)
            {
                var server = ServerProcess.Launch(folder, settings);
                var killAfter = TimeSpan.FromMilliseconds(random.Next(1_000, 5_000));
                await Task.Delay(killAfter);
                await server.KillAsync();
                var (done, duplicates) = Count(database);
                output.WriteLine($"round {round}: SIGKILL {killAfter.TotalMilliseconds:0} ms after start; transitions done so far: {done}");
                Assert.True(duplicates.Count == 0, $"round {round}: a transition happened twice: {string.Join("; ", duplicates)}");
                var verify = await CliProcess.RunAsync(null, "verify-log", "--data", folder);
                Assert.True(verify.ExitCode == 0, $"round {round}: {verify.StdOut}{verify.StdErr}");
            }

            // The last start runs to the end of its pass (and a few more passes, one a second).
            await using (var last = await ServerProcess.StartAsync(folder, settings))
            {
                var deadline = DateTime.UtcNow.AddMinutes(2);
                while ((DueCount(database) > 0 || Count(database).Done.Draws < 200) && DateTime.UtcNow < deadline)
                {
                    await Task.Delay(500);
                }

                await Task.Delay(2_000);
            }

            SqliteConnection.ClearAllPools();
            var (total, twice) = Count(database);
            output.WriteLine($"after the last start: {total}");
            Assert.Empty(twice);
            Assert.Equal(0, DueCount(database));
            Assert.Equal((voting + scheduled, scheduled, open, 200L), (total.Closed - closedBySeed, total.Opened, total.Expired, total.Draws));
            var verifyLast = await CliProcess.RunAsync(null, "verify-log", "--data", folder);
            Assert.True(verifyLast.ExitCode == 0, verifyLast.StdOut + verifyLast.StdErr);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    private sealed record Done(long Closed, long Opened, long Expired, long Draws);

    /// <summary>Transitions done, from the audit trail; and any proposal or period with one twice.</summary>
    private static (Done Done, List<string> Duplicates) Count(string path)
    {
        using var connection = Open(path);
        var duplicates = connection.Query<string>(
            """
            SELECT type || ' of ' || coalesce(json_extract(payload, '$.proposal'), json_extract(payload, '$.period')) || ' ×' || count(*)
            FROM event_log WHERE type IN ('vote.opened', 'vote.closed', 'proposal.expired', 'lottery.drawn')
            GROUP BY type, coalesce(json_extract(payload, '$.proposal'), json_extract(payload, '$.period')) HAVING count(*) > 1
            """).ToList();
        long Of(string type) => connection.ExecuteScalar<long>("SELECT count(*) FROM event_log WHERE type = @type", new { type });
        var draws = connection.ExecuteScalar<long>("SELECT count(*) FROM lottery_draws");
        if (draws != Of("lottery.drawn"))
        {
            duplicates.Add($"{draws} lottery draws stored but {Of("lottery.drawn")} in the log");
        }

        return (new Done(Of("vote.closed"), Of("vote.opened"), Of("proposal.expired"), draws), duplicates);
    }

    private static long DueCount(string path)
    {
        using var connection = Open(path);
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        return connection.ExecuteScalar<long>(
            "SELECT count(*) FROM proposals WHERE (status = 'voting' AND voting_ends_at <= @now) OR (status = 'scheduled' AND voting_starts_at <= @now) OR (status = 'open' AND expires_at <= @now)",
            new { now });
    }
}
