using Dapper;
using Governance.Core.Clock;
using Governance.Core.Demo;
using Governance.Core.Storage;
using Microsoft.Data.Sqlite;
using Stopwatch = System.Diagnostics.Stopwatch;

namespace Governance.Benchmarks.Storage;

/// <summary>
/// One clock pass over the demo organisation when nothing is due (the steady state between
/// transitions): how long it takes, and the longest a writer (a probe taking and releasing
/// the write lock in a loop, as votes do) waits behind it. On the night of a vote, votes wait
/// behind the clock.
///   dotnet run -c Release --project tests/Governance.Benchmarks -- clock-pass [MEMBERS]
/// </summary>
internal static class ClockPassMeasurement
{
    public static int Run(int members = 100_000, int passes = 21)
    {
        var folder = Directory.CreateTempSubdirectory("governance-bench-clock-").FullName;
        try
        {
            var database = Database.FromOptions(new StorageOptions { DataDirectory = folder });
            Migrator.Apply(database);
            var now = DateTimeOffset.UtcNow;
            ImportStore.Import(database, OrganisationGenerator.Generate(members, 20261121, now), now);
            using (var connection = database.Open())
            {
                Console.WriteLine($"{members:N0} members; proposals by status: " + string.Join(", ",
                    connection.Query<(string Status, long Count)>("SELECT status, count(*) FROM proposals GROUP BY status ORDER BY status").Select(r => $"{r.Status} {r.Count}")));
            }

            var clock = new GovernanceClock(database);
            clock.RunDue(now); // whatever the seed left due happens once, untimed

            // A probe writer takes and releases the write lock in a loop, as a vote would, and
            // records how long each attempt waited: what a pass costs the writers.
            var waits = new List<double>();
            var probing = true;
            var probe = new Thread(() =>
            {
                using var connection = database.Open();
                while (Volatile.Read(ref probing))
                {
                    var waited = Stopwatch.StartNew();
                    using (var transaction = connection.BeginWrite())
                    {
                        transaction.Commit();
                    }

                    lock (waits)
                    {
                        waits.Add(waited.Elapsed.TotalMilliseconds);
                    }

                    Thread.Sleep(1);
                }
            });
            probe.Start();
            var walls = new List<double>();
            var cpus = new List<double>();
            var worst = new List<double>();
            for (var pass = 0; pass < passes; pass++)
            {
                lock (waits)
                {
                    waits.Clear();
                }

                var cpu = Environment.CpuUsage.TotalTime;
                var wall = Stopwatch.StartNew();
                var report = clock.RunDue(now.AddSeconds(pass + 1));
                walls.Add(wall.Elapsed.TotalMilliseconds);
                cpus.Add((Environment.CpuUsage.TotalTime - cpu).TotalMilliseconds);
                lock (waits)
                {
                    worst.Add(waits.Count == 0 ? wall.Elapsed.TotalMilliseconds : waits.Max());
                }

                if (report.Failures.Count > 0)
                {
                    Console.WriteLine("failures: " + string.Join("; ", report.Failures));
                }
            }

            Volatile.Write(ref probing, false);
            probe.Join();
            static string Spread(List<double> v)
            {
                var s = v.Order().ToList();
                return $"median {s[s.Count / 2]:0.0} ms (min {s[0]:0.0}, max {s[^1]:0.0})";
            }

            Console.WriteLine($"clock pass, nothing due, {passes} passes: wall {Spread(walls)}; CPU (process, probe included) {Spread(cpus)}");
            Console.WriteLine($"longest wait of a probe writer for the write lock during a pass: {Spread(worst)}");
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
