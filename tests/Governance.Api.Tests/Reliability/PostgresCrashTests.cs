using System.Diagnostics;
using System.Globalization;
using Governance.Tests.Shared;
using Xunit.Abstractions;

namespace Governance.Api.Tests.Reliability;

/// <summary>
/// Crashes in PostgreSQL mode (issue 21 point 4): two real API instances on one database of a
/// cluster of the test's own (durable settings), each under the crash harness's mixed write
/// load. Rounds alternate: SIGKILL of one instance (the other must carry on without a single
/// failure), and an immediate shutdown of the postmaster with a restart (writes may answer 503
/// while it is down, nothing else; both instances must acknowledge writes again within
/// <see cref="ServeAgainWithin"/>). After every round: every acknowledged write read back through
/// both loads, and the event log's hash chain intact. CI runs 2 rounds (one of each, about a
/// minute); GOVERNANCE_PGCRASH_ROUNDS and GOVERNANCE_PGCRASH_CLIENTS size the long run
/// (docs/reliability.md).
/// </summary>
public sealed class PostgresCrashTests(ITestOutputHelper output)
{
    private static readonly TimeSpan ServeAgainWithin = TimeSpan.FromSeconds(10);

    [PostgresFact]
    public async Task AcknowledgedWritesSurviveKilledInstancesAndAnImmediateShutdownOfThePostmaster()
    {
        var rounds = LongRun.Setting("GOVERNANCE_PGCRASH_ROUNDS", 2);
        var clientsPerInstance = LongRun.Setting("GOVERNANCE_PGCRASH_CLIENTS", 16) / 2;
        var random = new Random(20261207);
        var clock = Stopwatch.StartNew();
        void Phase(string what) => output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{clock.Elapsed.TotalSeconds,6:0.0} s, load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}] {what}"));
        using var cluster = PostgresCluster.Start(fsync: Environment.GetEnvironmentVariable("GOVERNANCE_PGCRASH_FSYNC") == "on");
        Phase("cluster initialised and started");
        var connectionString = cluster.CreateDatabase("pgcrash");
        var settings = new Dictionary<string, string>(CrashRecoveryTests.ServerSettings)
        {
            ["Storage:Provider"] = "postgres",
            ["Storage:ConnectionString"] = connectionString,
            // A small organisation: seeding 200 members on a durable cluster took most of a minute at load.
            ["Demo:Members"] = "30",
            // No past lottery draws (and their metamoderation juries) to seed: this test writes votes, delegations and support.
            ["Demo:PastLotteryDraws"] = "0",
        };
        var folders = new[] { Directory.CreateTempSubdirectory("governance-pgcrash-a-").FullName, Directory.CreateTempSubdirectory("governance-pgcrash-b-").FullName };
        var servers = new ServerProcess?[2];
        try
        {
            // Started together: one seeds the demo organisation, the other waits for the write lock and finds it there.
            var starting = folders.Select(f => ServerProcess.StartAsync(f, settings)).ToArray();
            servers[0] = await starting[0];
            servers[1] = await starting[1];
            Phase("two instances started, the demo seeded");
            var preparing = new[]
            {
                WriteLoad.PrepareAsync(servers[0]!.BaseAddress, clientsPerInstance, "pga"),
                WriteLoad.PrepareAsync(servers[1]!.BaseAddress, clientsPerInstance, "pgb"),
            };
            var loads = new[] { await preparing[0], await preparing[1] };
            Phase($"{2 * clientsPerInstance} members registered");

            for (var round = 1; round <= rounds; round++)
            {
                var acknowledgedBefore = loads.Sum(l => Interlocked.Read(ref l.Acknowledged));
                using var stop = new CancellationTokenSource();
                var running = loads.Select((l, i) => l.RunAsync(round * 2 + i, stop.Token)).ToArray();
                await Task.Delay(random.Next(1_000, 3_000));
                string what;
                if (round % 2 == 1)
                {
                    // One instance dies; the other keeps writing through it all.
                    var victim = (round / 2) % 2;
                    var survivor = 1 - victim;
                    var survivorFailures = Failures(loads[survivor]);
                    await servers[victim]!.KillAsync();
                    await running[victim];
                    var survivorAcknowledged = Interlocked.Read(ref loads[survivor].Acknowledged);
                    await Task.Delay(1_500);
                    Assert.True(Interlocked.Read(ref loads[survivor].Acknowledged) > survivorAcknowledged, $"round {round}: the surviving instance acknowledged nothing after the other was killed");
                    await stop.CancelAsync();
                    await running[survivor];
                    Assert.True(Failures(loads[survivor]) == survivorFailures, $"round {round}: the surviving instance failed writes: {Describe(loads[survivor])}\n{Tail(servers[survivor]!)}");

                    await servers[victim]!.DisposeAsync();
                    servers[victim] = await ServerProcess.StartAsync(folders[victim], settings);
                    loads[victim] = loads[victim].On(servers[victim]!.BaseAddress);
                    Phase($"round {round}: instance {(char)('A' + victim)} killed and started again");
                    what = $"SIGKILL of instance {(char)('A' + victim)}";
                }
                else
                {
                    // The database server crashes under both instances' writes, and comes back.
                    var unexpectedBefore = loads.Select(l => Failures(l) - l.Outcomes.GetValueOrDefault("503")).ToArray();
                    var down = Stopwatch.StartNew();
                    cluster.StopImmediate();
                    await Task.Delay(1_000);
                    cluster.StartServer();
                    var upAfter = down.Elapsed;
                    var acknowledgedAtRestart = loads.Select(l => Interlocked.Read(ref l.Acknowledged)).ToArray();
                    var back = Stopwatch.StartNew();
                    var servingAgain = new TimeSpan?[2];
                    while (back.Elapsed < ServeAgainWithin && servingAgain.Any(s => s is null))
                    {
                        for (var i = 0; i < 2; i++)
                        {
                            if (servingAgain[i] is null && Interlocked.Read(ref loads[i].Acknowledged) > acknowledgedAtRestart[i])
                            {
                                servingAgain[i] = back.Elapsed;
                            }
                        }

                        await Task.Delay(50);
                    }

                    await Task.Delay(500);
                    await stop.CancelAsync();
                    await Task.WhenAll(running);
                    for (var i = 0; i < 2; i++)
                    {
                        Assert.True(servingAgain[i] is not null, $"round {round}: instance {(char)('A' + i)} acknowledged no write within {ServeAgainWithin.TotalSeconds:0} s of the database being back: {Describe(loads[i])}\n{Tail(servers[i]!)}");
                        var unexpected = Failures(loads[i]) - loads[i].Outcomes.GetValueOrDefault("503") - unexpectedBefore[i];
                        Assert.True(unexpected == 0, $"round {round}: instance {(char)('A' + i)} answered something other than 503 while the database was down: {Describe(loads[i])}\n{Tail(servers[i]!)}");
                    }

                    what = $"immediate shutdown of the postmaster, up again after {upAfter.TotalMilliseconds:0} ms; instances writing again after {servingAgain[0]!.Value.TotalMilliseconds:0} and {servingAgain[1]!.Value.TotalMilliseconds:0} ms";
                }

                var verification = Governance.Core.Storage.EventLog.Verify(new Governance.Core.Storage.Database(connectionString));
                Assert.True(verification.Intact, $"round {round}: the event log broke at {verification.FirstBrokenSeq}: {verification.Problem}");
                var problems = (await loads[0].CheckAsync()).Concat(await loads[1].CheckAsync()).ToList();
                var acknowledged = loads.Sum(l => Interlocked.Read(ref l.Acknowledged));
                Phase($"round {round}: {what}; {acknowledged - acknowledgedBefore} writes acknowledged in the round; log intact, {verification.Entries} entries; problems {problems.Count}");
                Assert.True(problems.Count == 0, $"round {round}:\n" + string.Join('\n', problems.Take(20)));
            }

            var total = loads.Sum(l => Interlocked.Read(ref l.Acknowledged));
            Phase($"{rounds} rounds, {2 * clientsPerInstance} clients on two instances, {total} acknowledged writes, 0 lost");
            for (var i = 0; i < 2; i++)
            {
                output.WriteLine($"instance {(char)('A' + i)} outcomes: {Describe(loads[i])}");
            }

            Assert.True(total > 0, "the load acknowledged nothing: the harness proved nothing");
        }
        catch
        {
            var log = cluster.ServerLog();
            output.WriteLine("PostgreSQL's log, last 3,000 characters:\n" + log[Math.Max(0, log.Length - 3_000)..]);
            throw;
        }
        finally
        {
            foreach (var server in servers)
            {
                if (server is not null)
                {
                    await server.DisposeAsync();
                }
            }

            foreach (var folder in folders)
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static long Failures(WriteLoad load) => load.Outcomes.Where(p => WriteLoad.IsFailure(p.Key)).Sum(p => p.Value);

    private static string Describe(WriteLoad load) =>
        string.Join(", ", load.Outcomes.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key}: {p.Value}")));

    private static string Tail(ServerProcess server)
    {
        var log = server.Log;
        // An "Unexpected Execution Error" names only a correlation id: its exception is in the log, often far from the end.
        var unexpected = log.IndexOf("Unexpected error in a GraphQL operation", StringComparison.Ordinal);
        var first = unexpected < 0 ? "" : "the first unexpected GraphQL error in the server's log:\n" + log[unexpected..Math.Min(log.Length, unexpected + 4_000)] + "\n";
        return first + "the server's log, last 3,000 characters:\n" + log[Math.Max(0, log.Length - 3_000)..];
    }
}
