using System.Diagnostics;
using Governance.Tests.Shared;
using Xunit.Abstractions;

namespace Governance.Api.Tests.Reliability;

/// <summary>
/// The load run's writers on PostgreSQL: many members voting, delegating and supporting
/// through the real server: a request's writer waits for the advisory write lock in the instance's
/// asynchronous write queue (GOVERNANCE_LOAD_WRITE_QUEUE=off: synchronously, as before it).
/// Checked through the API only (no SQLite file to read): no error but the intended 4xx, and
/// every client's acknowledged state read back. GOVERNANCE_LOAD_CLIENTS (500) and
/// GOVERNANCE_LOAD_SECONDS (60) size it; it reports the write rate and latency.
/// </summary>
public sealed class PostgresLoadTests(ITestOutputHelper output)
{
    [PostgresFact]
    [Trait("Category", LongRun.Category)]
    public async Task HundredsOfWritersOnPostgreSQLGetAnswersAndLoseNothing()
    {
        var clients = LongRun.Setting("GOVERNANCE_LOAD_CLIENTS", 500);
        var seconds = LongRun.Setting("GOVERNANCE_LOAD_SECONDS", 60);
        var folder = Directory.CreateTempSubdirectory("governance-pgload-").FullName;
        var settings = new Dictionary<string, string>(CrashRecoveryTests.ServerSettings)
        {
            ["Storage:Provider"] = "postgres",
            // Npgsql's default pool (100), not the test cluster's 20 a database.
            ["Storage:ConnectionString"] = new Npgsql.NpgsqlConnectionStringBuilder(PostgresServer.CreateDatabase("pgload")) { MaxPoolSize = 100 }.ToString(),
            // GOVERNANCE_LOAD_WRITE_QUEUE=off: every writer takes the lock on its own thread, as before the queue (the same-run comparison).
            ["Storage:WriteQueue"] = Environment.GetEnvironmentVariable("GOVERNANCE_LOAD_WRITE_QUEUE") == "off" ? "false" : "true",
        };
        var setUpClock = Stopwatch.StartNew();
        var server = await ServerProcess.StartAsync(folder, settings);
        try
        {
            var load = await WriteLoad.PrepareAsync(server.BaseAddress, clients, "pgload");
            var setUp = setUpClock.Elapsed;
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
            var cpuBefore = server.CpuTime();
            var clock = Stopwatch.StartNew();
            var running = load.RunAsync(8, stop.Token);
            var threads = new List<int>();
            var loadAverages = new List<string>();
            while (!running.IsCompleted)
            {
                threads.Add(server.ThreadCount());
                loadAverages.Add(File.ReadAllText("/proc/loadavg").Split(' ')[0]);
                await Task.WhenAny(running, Task.Delay(2_000));
            }

            await running;
            var wall = clock.Elapsed;
            var acknowledged = Interlocked.Read(ref load.Acknowledged);
            var outcomes = load.Outcomes.OrderBy(p => p.Key, StringComparer.Ordinal).ToList();
            output.WriteLine($"{clients} clients for {wall.TotalSeconds:0} s on PostgreSQL, write queue {settings["Storage:WriteQueue"]}: {acknowledged:N0} acknowledged writes ({acknowledged / wall.TotalSeconds:0} a second); latency p50 {load.Percentile(50):0} ms, p99 {load.Percentile(99):0} ms, max {load.Percentile(100):0} ms; server CPU {(server.CpuTime() - cpuBefore).TotalSeconds:0} s; server threads every 2 s {string.Join(' ', threads)}; load average (1 min) every 2 s {string.Join(' ', loadAverages)}, at the end {File.ReadAllText("/proc/loadavg").Trim()}; set-up (registering the clients) {setUp.TotalSeconds:0} s");
            output.WriteLine("outcomes: " + string.Join(", ", outcomes.Select(p => $"{p.Key}: {p.Value}")));
            if (outcomes.Any(p => WriteLoad.IsFailure(p.Key)))
            {
                var log = server.Log;
                output.WriteLine("the server's log, last 4,000 characters:\n" + log[Math.Max(0, log.Length - 4_000)..]);
            }

            Assert.DoesNotContain(outcomes, p => WriteLoad.IsFailure(p.Key));
            Assert.True(acknowledged > 0, "the load acknowledged nothing");
            var problems = await load.CheckAsync();
            Assert.True(problems.Count == 0, string.Join('\n', problems.Take(20)));
        }
        finally
        {
            await server.DisposeAsync();
            Directory.Delete(folder, recursive: true);
        }
    }
}
