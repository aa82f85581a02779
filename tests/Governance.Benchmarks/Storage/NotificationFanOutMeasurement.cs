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
/// notifications (wall and process CPU), how long each of its transactions held the write
/// lock, how long it gave way to waiting writers, and the longest a writer waited behind it.
/// RUNS runs alone (nobody else writing), then RUNS with a probe writer taking and releasing
/// the write lock PROBE times a second, as votes do (0: no probe runs). The load average is
/// printed beside every run: on a shared machine the wall time says as much about the machine.
///   dotnet run -c Release --project tests/Governance.Benchmarks -- notification-fanout [MEMBERS] [DELEGATORS] [RUNS] [PROBE]
///   tests/Governance.Benchmarks/notification-fanout.sh   (builds Release and runs the defaults)
/// </summary>
internal static class NotificationFanOutMeasurement
{
    private sealed record Outcome(double WallMs, double CpuMs, double HeldMaxMs, double HeldTotalMs, double YieldedMs, int Yields, double WaitMaxMs);

    public static int Run(int members = 1_000_000, int delegators = 100_000, int runs = 5, int probePerSecond = 200)
    {
        var folder = Directory.CreateTempSubdirectory("governance-bench-fanout-").FullName;
        try
        {
            var database = Database.FromOptions(new StorageOptions { DataDirectory = folder });
            Migrator.Apply(database);
            var seeding = Stopwatch.StartNew();
            var proposals = probePerSecond > 0 ? 2 * runs : runs;
            Seed(database, members, delegators, proposals);
            Console.WriteLine($"{members:N0} members, {delegators:N0} delegating to member 1, {proposals} proposals in voting; seeded in {seeding.Elapsed.TotalSeconds:F1} s; {Environment.ProcessorCount} cores; load {Load()}");
            var feed = new NotificationFeed(database);
            feed.CatchUpAll();
            var held = new List<(int Rows, double Ms)>();
            var yielded = new List<double>();
            feed.Committed += (rows, time) => held.Add((rows, time.TotalMilliseconds));
            feed.Yielded += time => yielded.Add(time.TotalMilliseconds);

            var proposal = 0;
            foreach (var probe in probePerSecond > 0 ? new[] { 0, probePerSecond } : [0])
            {
                Console.WriteLine(probe == 0 ? "-- alone: no other writer" : $"-- with a writer taking the write lock {probe} times a second");
                var outcomes = new List<Outcome>();
                for (var run = 1; run <= runs; run++)
                {
                    proposal++;
                    Vote(database, proposal);
                    held.Clear();
                    yielded.Clear();
                    var waits = new List<double>();
                    var probing = true;
                    var prober = probe > 0 ? new Thread(() => Probe(database, waits, probe, () => Volatile.Read(ref probing))) : null;
                    prober?.Start();
                    var loadBefore = Load();
                    var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
                    var wall = Stopwatch.StartNew();
                    var written = feed.CatchUpAll();
                    var elapsed = wall.Elapsed;
                    cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu;
                    Volatile.Write(ref probing, false);
                    prober?.Join();
                    if (written != delegators)
                    {
                        throw new InvalidOperationException($"{written} notifications written, expected {delegators}");
                    }

                    var planMs = Plan(database, delegators);
                    var times = held.Select(h => h.Ms).Order().ToList();
                    var outcome = new Outcome(elapsed.TotalMilliseconds, cpu.TotalMilliseconds, times.DefaultIfEmpty(0).Max(), times.Sum(),
                        yielded.Sum(), yielded.Count(y => y > 0), waits.DefaultIfEmpty(0).Max());
                    outcomes.Add(outcome);
                    Console.WriteLine(
                        $"run {run} (load {loadBefore}): {written:N0} notifications in {outcome.WallMs:N0} ms (process CPU {outcome.CpuMs:N0} ms{(probe > 0 ? ", probe included" : "")}); " +
                        $"{held.Count} transactions of ≤ {held.Select(h => h.Rows).DefaultIfEmpty(0).Max()} rows held the write lock {outcome.HeldTotalMs:N0} ms in all " +
                        $"(per transaction median {Percentile(times, 0.5):N1}, p90 {Percentile(times, 0.9):N1}, max {outcome.HeldMaxMs:N1} ms); " +
                        $"gave way {outcome.Yields} times, {outcome.YieldedMs:N0} ms in all; planning (recipients read) {planMs:N0} ms" +
                        (probe > 0 ? $"; the writer waited at most {outcome.WaitMaxMs:N1} ms (median {Percentile(waits.Order().ToList(), 0.5):N2} ms, {waits.Count:N0} writes)" : ""));
                }

                var walls = outcomes.Select(o => o.WallMs).Order().ToList();
                Console.WriteLine(
                    $"{(probe == 0 ? "alone" : $"with a writer at {probe}/s")}: fan-out wall median {Percentile(walls, 0.5):N0} ms (min {walls[0]:N0}, max {walls[^1]:N0}) over {runs} runs, target ≤ 2,000 ms; " +
                    $"CPU median {Percentile(outcomes.Select(o => o.CpuMs).Order().ToList(), 0.5):N0} ms; longest lock hold of any transaction {outcomes.Max(o => o.HeldMaxMs):N1} ms" +
                    (probe > 0 ? $"; the writer's longest wait {outcomes.Max(o => o.WaitMaxMs):N1} ms" : "") + $"; load now {Load()}");
            }

            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The delegate votes on the proposal (what VoteService writes: the vote and its log entry).</summary>
    private static void Vote(Database database, int proposal) =>
        Transactions.Write(database, (c, t) =>
        {
            var now = DateTimeOffset.UtcNow;
            c.Execute("INSERT INTO votes (member_id, proposal_id, choice, cast_at, updated_at) VALUES (1, @proposal, 'yes', @at, @at)", new { proposal, at = now.ToUnixTimeMilliseconds() }, t);
            EventLog.Append(c, t, now, 1, EventTypes.VoteCast, new { proposal = (long)proposal, choice = (string?)null });
            return 0;
        });

    /// <summary>What the feed reads before it writes: the last entry's recipients, timed again after the run.</summary>
    private static double Plan(Database database, int delegators)
    {
        using var c = database.Open();
        var entry = c.QuerySingle<LoggedEvent>("SELECT seq AS Seq, at AS At, actor_id AS ActorId, type AS Type, payload AS Payload FROM event_log ORDER BY seq DESC LIMIT 1");
        var planning = Stopwatch.StartNew();
        var planned = NotificationRecipients.Plan(c, entry);
        var ms = planning.Elapsed.TotalMilliseconds;
        if (planned.Sum(p => p.Recipients.Count) != delegators)
        {
            throw new InvalidOperationException("the plan does not name every delegator");
        }

        return ms;
    }

    /// <summary>The 1-minute load average (/proc/loadavg), or "?" where there is none.</summary>
    private static string Load()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Split(' ')[0];
        }
        catch (IOException)
        {
            return "?";
        }
        catch (UnauthorizedAccessException)
        {
            return "?";
        }
    }

    private static double Percentile(List<double> sorted, double q) =>
        sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Floor(q * sorted.Count))];

    /// <summary>A writer as votes are: takes the write lock (through BeginWrite, so it stands in the writer line), commits, <paramref name="perSecond"/> times a second.</summary>
    private static void Probe(Database database, List<double> waits, int perSecond, Func<bool> probing)
    {
        using var connection = database.Open();
        var every = TimeSpan.FromSeconds(1.0 / perSecond);
        var clock = Stopwatch.StartNew();
        var next = TimeSpan.Zero;
        while (probing())
        {
            var waited = Stopwatch.StartNew();
            using (var transaction = connection.BeginWrite())
            {
                transaction.Commit();
            }

            waits.Add(waited.Elapsed.TotalMilliseconds);
            next += every;
            var rest = next - clock.Elapsed;
            if (rest > TimeSpan.Zero)
            {
                Thread.Sleep(rest);
            }
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
