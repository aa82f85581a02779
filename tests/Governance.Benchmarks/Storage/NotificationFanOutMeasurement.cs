using System.Data.Common;
using Dapper;
using Governance.Core.Events;
using Governance.Core.Notifications;
using Governance.Core.Storage;
using Stopwatch = System.Diagnostics.Stopwatch;

namespace Governance.Benchmarks.Storage;

/// <summary>
/// Issue 16's fan-out: in an organisation of MEMBERS, a delegate with DELEGATORS direct
/// delegators votes; how long the notification feed takes to write their DELEGATE_VOTED
/// notifications, and the longest a writer (a probe taking and releasing the write lock in a
/// loop, as votes do) waits behind it meanwhile.
///   dotnet run -c Release --project tests/Governance.Benchmarks -- notification-fanout [MEMBERS] [DELEGATORS]
/// </summary>
internal static class NotificationFanOutMeasurement
{
    public static int Run(int members = 1_000_000, int delegators = 100_000, int runs = 5)
    {
        var folder = Directory.CreateTempSubdirectory("governance-bench-fanout-").FullName;
        try
        {
            var database = Database.FromOptions(new StorageOptions { DataDirectory = folder });
            Migrator.Apply(database);
            var seeding = Stopwatch.StartNew();
            Seed(database, members, delegators, runs);
            Console.WriteLine($"{members:N0} members, {delegators:N0} delegating to member 1, {runs} proposals in voting; seeded in {seeding.Elapsed.TotalSeconds:F1} s");
            var feed = new NotificationFeed(database);
            feed.CatchUpAll();
            var held = new List<(int Rows, double Ms)>();
            feed.Committed += (rows, time) => held.Add((rows, time.TotalMilliseconds));
            var totals = new List<double>();

            for (var run = 1; run <= runs; run++)
            {
                // The delegate votes on proposal `run` (what VoteService writes: the vote and its log entry).
                Transactions.Write(database, (c, t) =>
                {
                    var now = DateTimeOffset.UtcNow;
                    c.Execute("INSERT INTO votes (member_id, proposal_id, choice, cast_at, updated_at) VALUES (1, @run, 'yes', @at, @at)", new { run, at = now.ToUnixTimeMilliseconds() }, t);
                    EventLog.Append(c, t, now, 1, EventTypes.VoteCast, new { proposal = (long)run, choice = (string?)null });
                    return 0;
                });

                held.Clear();
                var waits = new List<double>();
                var probing = true;
                var probe = new Thread(() => Probe(database, waits, () => Volatile.Read(ref probing)));
                probe.Start();
                var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
                var wall = Stopwatch.StartNew();
                var written = feed.CatchUpAll();
                var elapsed = wall.Elapsed;
                cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu;
                Volatile.Write(ref probing, false);
                probe.Join();
                totals.Add(elapsed.TotalMilliseconds);
                double planMs;
                using (var c = database.Open())
                {
                    // What the feed reads before it writes: the entry's recipients (timed again, after the run).
                    var entry = c.QuerySingle<LoggedEvent>("SELECT seq AS Seq, at AS At, actor_id AS ActorId, type AS Type, payload AS Payload FROM event_log ORDER BY seq DESC LIMIT 1");
                    var planning = Stopwatch.StartNew();
                    var planned = NotificationRecipients.Plan(c, entry);
                    planMs = planning.Elapsed.TotalMilliseconds;
                    if (planned.Sum(p => p.Recipients.Count) != delegators)
                    {
                        throw new InvalidOperationException("the plan does not name every delegator");
                    }
                }

                var times = held.Select(h => h.Ms).Order().ToList();
                var heldTotal = times.Sum();
                Console.WriteLine(
                    $"run {run}: {written:N0} notifications in {elapsed.TotalMilliseconds:N0} ms (process CPU {cpu.TotalMilliseconds:N0} ms, probe included); " +
                    $"{held.Count} transactions of ≤ {held.Select(h => h.Rows).DefaultIfEmpty(0).Max()} rows held the write lock {heldTotal:N0} ms in all " +
                    $"(per transaction median {Percentile(times, 0.5):N1}, p90 {Percentile(times, 0.9):N1}, max {times.DefaultIfEmpty(0).Max():N1} ms); " +
                    $"planning (recipients read) {planMs:N0} ms; a writer waited at most {waits.DefaultIfEmpty(0).Max():N1} ms (median {Percentile(waits.Order().ToList(), 0.5):N2} ms, {waits.Count:N0} probes)");
            }

            var sorted = totals.Order().ToList();
            Console.WriteLine($"fan-out time: median {Percentile(sorted, 0.5):N0} ms (min {sorted[0]:N0}, max {sorted[^1]:N0}) over {runs} runs; target ≤ 2,000 ms");

            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static double Percentile(List<double> sorted, double q) =>
        sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Floor(q * sorted.Count))];

    private static void Probe(Database database, List<double> waits, Func<bool> probing)
    {
        using var connection = database.Open();
        while (probing())
        {
            var waited = Stopwatch.StartNew();
            using (var transaction = connection.BeginWrite())
            {
                transaction.Commit();
            }

            waits.Add(waited.Elapsed.TotalMilliseconds);
            Thread.Sleep(1);
        }
    }

    private static void Seed(Database database, int members, int delegators, int proposals)
    {
        var at = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        using var c = database.Open();
        using var t = c.BeginWrite();
        c.Execute("INSERT INTO areas (id, slug, name, created_at) VALUES (1, 'party', 'Party', @at)", new { at }, t);
        Bulk(c, t, "INSERT INTO members (id, handle, display_name, karma_at, joined_at, last_active_at) VALUES (@p0, 'm' || @p0, 'Member ' || @p0, @p1, @p1, @p1)",
            Enumerable.Range(1, members).Select(i => new object[] { (long)i, at }));
        for (var p = 1; p <= proposals; p++)
        {
            c.Execute("""
                INSERT INTO proposals (id, author_id, area_id, title, body, status, created_at, updated_at, voting_starts_at, voting_ends_at)
                VALUES (@p, 2, 1, 'Proposal ' || @p, 'b', 'voting', @at, @at, @at, @ends)
                """, new { p, at, ends = at + 86_400_000L * 7 }, t);
        }

        Bulk(c, t, "INSERT INTO delegations (id, member_id, scope_kind, valid_from) VALUES (@p0, @p0, 'global', @p1)",
            Enumerable.Range(2, delegators).Select(i => new object[] { (long)i, at }));
        Bulk(c, t, "INSERT INTO delegation_delegates (delegation_id, rank, delegate_id) VALUES (@p0, 1, 1)",
            Enumerable.Range(2, delegators).Select(i => new object[] { (long)i }));
        t.Commit();
    }

    private static void Bulk(DbConnection c, DbTransaction t, string sql, IEnumerable<object[]> rows)
    {
        using var command = c.CreateCommand();
        command.Transaction = t;
        command.CommandText = sql;
        DbParameter[]? parameters = null;
        foreach (var row in rows)
        {
            if (parameters is null)
            {
                parameters = row.Select((_, i) =>
                {
                    var p = command.CreateParameter();
                    p.ParameterName = $"@p{i}";
                    command.Parameters.Add(p);
                    return p;
                }).ToArray();
                command.Prepare();
            }

            for (var i = 0; i < row.Length; i++)
            {
                parameters[i].Value = row[i];
            }

            command.ExecuteNonQuery();
        }
    }
}
