using System.Diagnostics;
using System.Globalization;
using Dapper;
using Governance.Core.Delegation;
using Governance.Core.Proposals;
using Governance.Core.Storage;

namespace Governance.Benchmarks.Storage;

/// <summary>
/// The same seeded organisation on SQLite and on PostgreSQL, side by side in one run: the
/// delegation engine's load at start-up, a full tally of the biggest vote, and closing that
/// vote (snapshot, recount, result, status; rolled back so every run closes the same vote).
/// Prints wall time, this process's CPU and, for PostgreSQL, the server's CPU (its processes'
/// utime + stime from /proc, given the postmaster's pid):
///   dotnet run -c Release --project tests/Governance.Benchmarks -- storage-compare SQLITE_CS PG_CS POSTMASTER_PID [RUNS]
/// </summary>
internal static class StorageComparison
{
    private static readonly double TicksPerSecond = 100; // USER_HZ on Linux

    public static int Run(string sqlite, string postgres, int postmaster, int runs)
    {
        var databases = new[] { ("SQLite", new Database(sqlite)), ("PostgreSQL", new Database(postgres)) };
        foreach (var (_, database) in databases)
        {
            Migrator.Apply(database);
        }

        var proposal = Transactions.Read(databases[0].Item2, c => c.ExecuteScalar<long>(
            "SELECT p.id FROM proposals p JOIN votes v ON v.proposal_id = p.id WHERE p.status = 'voting' GROUP BY p.id ORDER BY count(*) DESC, p.id LIMIT 1"));
        Console.WriteLine($"proposal {proposal}; load average {File.ReadAllText("/proc/loadavg").Trim()}");
        var results = new Dictionary<string, List<(double Wall, double Cpu, double Server)>>();
        for (var run = 1; run <= runs; run++)
        {
            // Alternate the order, so neither always runs on a warmer machine.
            foreach (var (name, database) in run % 2 == 1 ? databases : databases.Reverse())
            {
                DelegationEngine? engine = null;
                Measure(results, $"{name} load", postmaster, database.IsPostgres, () => engine = EngineLoader.Load(database));
                Measure(results, $"{name} tally", postmaster, false, () => engine!.Count(proposal, TallyPolicy.Default));
                Measure(results, $"{name} close", postmaster, database.IsPostgres, () =>
                {
                    using var connection = database.Open();
                    using var transaction = connection.BeginWrite();
                    if (!VoteService.Close(connection, transaction, proposal, DateTimeOffset.UtcNow))
                    {
                        throw new InvalidOperationException($"proposal {proposal} is not in voting");
                    }

                    transaction.Rollback();
                });
                engine = null;
                GC.Collect();
            }

            Console.WriteLine($"run {run} done; load average {File.ReadAllText("/proc/loadavg").Trim()}");
        }

        Console.WriteLine();
        Console.WriteLine("| measurement | wall median (min–max) | client CPU median | server CPU median |");
        Console.WriteLine("| --- | --- | --- | --- |");
        foreach (var (name, samples) in results)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {Median(samples.Select(s => s.Wall)):F0} ms ({samples.Min(s => s.Wall):F0}–{samples.Max(s => s.Wall):F0}) | {Median(samples.Select(s => s.Cpu)):F0} ms | {Median(samples.Select(s => s.Server)):F0} ms |"));
        }

        return 0;
    }

    private static void Measure(Dictionary<string, List<(double, double, double)>> results, string name, int postmaster, bool server, Action action)
    {
        var process = Process.GetCurrentProcess();
        var serverBefore = server ? ServerCpu(postmaster) : 0;
        var cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        action();
        var wall = clock.Elapsed.TotalMilliseconds;
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds;
        var serverCpu = server ? ServerCpu(postmaster) - serverBefore : 0;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: {wall:F0} ms wall, {cpu:F0} ms CPU here, {serverCpu:F0} ms CPU in the server"));
        if (!results.TryGetValue(name, out var list))
        {
            results[name] = list = [];
        }

        list.Add((wall, cpu, serverCpu));
    }

    /// <summary>CPU ms of the postmaster's children alive now plus those it has reaped.</summary>
    private static double ServerCpu(int postmaster)
    {
        double ticks = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }

            string stat;
            try
            {
                stat = File.ReadAllText(Path.Combine(dir, "stat"));
            }
            catch (IOException)
            {
                continue;
            }

            // Fields after the ")" that ends the command name: state ppid … utime(12) stime(13) cutime(14) cstime(15).
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var parent = int.Parse(fields[1], CultureInfo.InvariantCulture);
            if (pid == postmaster)
            {
                ticks += double.Parse(fields[11], CultureInfo.InvariantCulture) + double.Parse(fields[12], CultureInfo.InvariantCulture)
                    + double.Parse(fields[13], CultureInfo.InvariantCulture) + double.Parse(fields[14], CultureInfo.InvariantCulture);
            }
            else if (parent == postmaster)
            {
                ticks += double.Parse(fields[11], CultureInfo.InvariantCulture) + double.Parse(fields[12], CultureInfo.InvariantCulture);
            }
        }

        return ticks / TicksPerSecond * 1000;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
