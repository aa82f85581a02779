using System.Diagnostics;
using System.Globalization;
using Dapper;
using Xunit.Abstractions;

namespace Governance.Api.Tests.Reliability;

/// <summary>
/// The trait of the long runs (minutes each): the README's test command leaves them out with
/// <c>--filter "Category!=LongRun"</c>; docs/reliability.md gives the command that runs each.
/// </summary>
public static class LongRun
{
    public const string Category = "LongRun";

    /// <summary>A size from the environment (GOVERNANCE_LOAD_CLIENTS…), or the default.</summary>
    public static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), CultureInfo.InvariantCulture, out var n) && n >= 0 ? n : fallback;
}

/// <summary>
/// Load (issue 8): hundreds of members voting, delegating and supporting at once against the
/// real server for minutes. Only the intended refusals, invariants intact afterwards, tallies
/// equal to a fresh recount, and the server's memory flat. GOVERNANCE_LOAD_CLIENTS (500) and
/// GOVERNANCE_LOAD_SECONDS (180) size it; GOVERNANCE_LOAD_PROPOSE_PERCENT (1) sets how many
/// writes are new proposals, the one write whose state grows without bound.
/// </summary>
public sealed class LoadTests(ITestOutputHelper output)
{
    [Fact]
    [Trait("Category", LongRun.Category)]
    public async Task HundredsOfConcurrentMembersWriteForMinutesWithoutErrorsOrDrift()
    {
        var clients = LongRun.Setting("GOVERNANCE_LOAD_CLIENTS", 500);
        var seconds = LongRun.Setting("GOVERNANCE_LOAD_SECONDS", 180);
        var folder = Directory.CreateTempSubdirectory("governance-load-").FullName;
        var server = await ServerProcess.StartAsync(folder, CrashRecoveryTests.ServerSettings);
        try
        {
            var registering = Stopwatch.StartNew();
            var load = await WriteLoad.PrepareAsync(server.BaseAddress, clients, "load");
            load.ProposePercent = LongRun.Setting("GOVERNANCE_LOAD_PROPOSE_PERCENT", 1);
            output.WriteLine($"registered {clients} members with tokens in {registering.Elapsed.TotalSeconds:0} s; {load.ProposePercent} % of writes are new proposals");

            var samples = new List<(double Seconds, long Rss)>();
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
            var cpuBefore = server.CpuTime();
            var clock = Stopwatch.StartNew();
            var running = load.RunAsync(8, stop.Token);
            while (!running.IsCompleted)
            {
                samples.Add((clock.Elapsed.TotalSeconds, server.ResidentBytes()));
                await Task.WhenAny(running, Task.Delay(5_000));
            }

            await running;
            var wall = clock.Elapsed;
            var cpu = server.CpuTime() - cpuBefore;
            var acknowledged = Interlocked.Read(ref load.Acknowledged);
            var outcomes = load.Outcomes.OrderBy(p => p.Key, StringComparer.Ordinal).ToList();
            output.WriteLine($"{clients} clients for {wall.TotalSeconds:0} s: {acknowledged:N0} acknowledged writes ({acknowledged / wall.TotalSeconds:0} a second); server CPU {cpu.TotalSeconds:0} s; load average {File.ReadAllText("/proc/loadavg").Trim()}");
            output.WriteLine("outcomes: " + string.Join(", ", outcomes.Select(p => $"{p.Key}: {p.Value}")));
            output.WriteLine("server RSS (MiB) every 5 s: " + string.Join(' ', samples.Select(s => (s.Rss / 1048576).ToString(CultureInfo.InvariantCulture))));

            if (outcomes.Any(p => p.Key.StartsWith('5') || p.Key.StartsWith("connection-failed", StringComparison.Ordinal)))
            {
                var log = server.Log;
                output.WriteLine("the server's log, last 4,000 characters:\n" + log[Math.Max(0, log.Length - 4_000)..]);
            }

            Assert.DoesNotContain(outcomes, p => WriteLoad.IsFailure(p.Key));

            var problems = await load.CheckAsync();
            Assert.True(problems.Count == 0, string.Join('\n', problems.Take(20)));

            // Memory flat: the last third of the run holds no more than the middle third, give or take a quarter.
            var third = samples.Count / 3;
            if (third > 0)
            {
                var middle = samples.Skip(third).Take(third).Max(s => s.Rss);
                var last = samples.Skip(2 * third).Max(s => s.Rss);
                output.WriteLine($"RSS peak: middle third {middle / 1048576} MiB, last third {last / 1048576} MiB");
                Assert.True(last <= middle * 1.25, $"the server's memory grew: {middle / 1048576} MiB → {last / 1048576} MiB");
            }

            // One vote per member per proposal (the table's key says so; this reads it back).
            await server.KillAsync();
            using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(folder, "governance.db")};Mode=ReadOnly"))
            {
                Assert.Equal(0, connection.ExecuteScalar<long>("SELECT count(*) FROM (SELECT 1 FROM votes GROUP BY member_id, proposal_id HAVING count(*) > 1)"));
            }

            // Tallies equal a fresh recount: close every vote the load wrote to, recount each from its export.
            var database = new Governance.Core.Storage.Database(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "governance.db") }.ToString());
            new Governance.Core.Clock.GovernanceClock(database).RunDue(DateTimeOffset.UtcNow.AddDays(30));
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            server = await ServerProcess.StartAsync(folder, CrashRecoveryTests.ServerSettings);
            var recounted = await CrashRecoveryTests.ClosedVotesRecountToTheirStoredResultAsync(server, folder, load.VotingProposals);
            output.WriteLine($"{recounted} closed votes recount to their stored tallies");
            Assert.Equal(load.VotingProposals.Count, recounted);
        }
        finally
        {
            await server.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
