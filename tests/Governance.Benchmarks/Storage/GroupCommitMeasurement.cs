using Stopwatch = System.Diagnostics.Stopwatch;
using Dapper;
using Governance.Core.Storage;
using Microsoft.Data.Sqlite;

namespace Governance.Benchmarks.Storage;

/// <summary>
/// Durable votes per second with 128 concurrent writers (synchronous=FULL, WAL), through the
/// group committer and, as the baseline, one transaction per vote. Each vote is an INSERT plus
/// its hash-chained event, as the real vote command writes. Prints median and spread of
/// per-vote latency and the throughput:
///   dotnet run -c Release --project tests/Governance.Benchmarks -- group-commit
/// </summary>
internal static class GroupCommitMeasurement
{
    public static int Run(int writers = 128, int votesPerRun = 20_000)
    {
        foreach (var grouped in new[] { false, true })
        {
            for (var run = 1; run <= 3; run++)
            {
                var folder = Directory.CreateTempSubdirectory("governance-bench-").FullName;
                try
                {
                    var database = Database.FromOptions(new StorageOptions { DataDirectory = folder });
                    Migrator.Apply(database);
                    Prepare(database, votesPerRun);
                    Measure(database, grouped, writers, grouped ? votesPerRun : votesPerRun / 4, run);
                }
                finally
                {
                    SqliteConnection.ClearAllPools();
                    Directory.Delete(folder, recursive: true);
                }
            }
        }

        return 0;
    }

    /// <summary>
    /// The same on PostgreSQL: a fresh database per run on the server that
    /// <paramref name="adminConnectionString"/> reaches (its fsync as configured there).
    ///   dotnet run -c Release --project tests/Governance.Benchmarks -- group-commit-pg "Host=…;Username=postgres;Database=postgres"
    /// Only through the group committer: one transaction per vote, with 128 writers blocking
    /// thread-pool threads on the advisory write lock, starves the pool (waits past Npgsql's
    /// 30 s command timeout were seen); pgbench measures that path instead (docs/operations.md).
    /// </summary>
    public static int RunPostgres(string adminConnectionString, int writers = 128, int votesPerRun = 20_000, int runs = 3)
    {
        foreach (var grouped in new[] { true })
        {
            for (var run = 1; run <= runs; run++)
            {
                var name = $"group_commit_{(grouped ? "grouped" : "single")}_{run}";
                using (var admin = new Npgsql.NpgsqlConnection(adminConnectionString))
                {
                    admin.Execute($"DROP DATABASE IF EXISTS {name}");
                    admin.Execute($"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'");
                }

                var database = new Database(new Npgsql.NpgsqlConnectionStringBuilder(adminConnectionString) { Database = name, MaxPoolSize = 90, Timeout = 60 }.ToString());
                Migrator.Apply(database);
                Prepare(database, votesPerRun);
                Console.Write($"load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}  ");
                Measure(database, grouped, writers, grouped ? votesPerRun : votesPerRun / 4, run);
                database.ClearPool();
            }
        }

        return 0;
    }

    private static void Prepare(Database database, int members)
    {
        using var connection = database.Open();
        connection.Execute(
            """
            INSERT INTO areas (id, slug, name, created_at) VALUES (1, 'party', 'Party', 0);
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < @members)
            INSERT INTO members (id, handle, display_name, karma_at, joined_at, last_active_at) SELECT i, 'm' || i, 'M', 0, 0, 0 FROM n;
            INSERT INTO proposals (id, author_id, area_id, title, body, status, created_at, updated_at) VALUES (1, 1, 1, 'P', 'b', 'voting', 0, 0);
            """,
            new { members });
    }

    private static int Vote(System.Data.Common.DbConnection c, System.Data.Common.DbTransaction t, long member)
    {
        c.Execute("INSERT INTO votes (member_id, proposal_id, choice, cast_at, updated_at) VALUES (@member, 1, 'yes', 0, 0)", new { member }, t);
        EventLog.Append(c, t, DateTimeOffset.UnixEpoch, member, "vote.cast", new { Member = member, Choice = "yes" });
        return 1;
    }

    private static void Measure(Database database, bool grouped, int writers, int votes, int run)
    {
        var latencies = new double[votes];
        var next = 0;
        var committer = grouped ? new GroupCommitter(database) : null;
        var clock = Stopwatch.StartNew();
        var tasks = Enumerable.Range(0, writers).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) <= votes)
            {
                var started = Stopwatch.GetTimestamp();
                long member = i;
                if (committer is not null)
                {
                    await committer.RunAsync((c, t) => Vote(c, t, member));
                }
                else
                {
                    await using var c = await database.OpenAsync();
                    await using var t = c.BeginWrite();
                    Vote(c, t, member);
                    await t.CommitAsync();
                }

                latencies[i - 1] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        })).ToArray();
        Task.WaitAll(tasks);
        var seconds = clock.Elapsed.TotalSeconds;
        committer?.DisposeAsync().AsTask().Wait();
        Array.Sort(latencies);
        Console.WriteLine(
            $"{(grouped ? "group commit" : "one tx each"),-13} run {run}: {votes / seconds,8:F0} votes/s  " +
            $"p50 {latencies[votes / 2],6:F2} ms  p99 {latencies[(int)(votes * 0.99)],7:F2} ms  max {latencies[^1],7:F2} ms" +
            (committer is null ? string.Empty : $"  ({committer.Statistics.Commands / (double)Math.Max(1, committer.Statistics.Commits):F1} votes per commit)"));
    }
}
