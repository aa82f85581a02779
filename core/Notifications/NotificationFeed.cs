using System.Data.Common;
using Dapper;
using Governance.Core.Domain;
using Governance.Core.Events;
using Governance.Core.Storage;

namespace Governance.Core.Notifications;

/// <summary>
/// Turns the event log into notifications, the one place they are made (issue 16): it follows
/// the log from its stored progress, so every command and the clock alike notify, on whichever
/// instance they ran, and nothing is lost across a restart. It runs after the commands
/// committed, never inside their transactions, and writes a large fan-out in chunks of
/// <see cref="ChunkSize"/> rows, each its own short transaction (no advisory lock on PostgreSQL),
/// giving way between them to any writer waiting, so writers are never held up for the length of
/// a fan-out. The time-based reminders (a vote
/// closes in 24 h, a delegate has not voted 48 h before the close) come from <see cref="Sweep"/>.
/// </summary>
public sealed class NotificationFeed(Database database, Governance.Core.Delegation.EngineHost? engines = null)
{
    public const int ChunkSize = 500;

    /// <summary>Raised after notifications were written (by the feed, the sweep or a sign-in failure), for subscriptions to look.</summary>
    public event Action? Written;

    /// <summary>
    /// Raised after each of the feed's write transactions with the rows it wrote and how long it
    /// held the write lock (begin to commit): what the fan-out benchmark measures.
    /// </summary>
    public event Action<int, TimeSpan>? Committed;

    /// <summary>Raised after each of the feed's write transactions with how long it then gave way to waiting writers (zero when none waited).</summary>
    public event Action<TimeSpan>? Yielded;

    /// <summary>Reads up to <paramref name="maxEntries"/> log entries past the progress and writes what they mean; returns the rows written.</summary>
    public int CatchUp(int maxEntries = 1_000)
    {
        using var connection = database.Open();
        WithoutSyncOnCommit(connection);
        var from = NotificationStore.Progress(connection, null);
        var entries = connection.Query<LoggedEvent>(
            "SELECT seq AS Seq, at AS At, actor_id AS ActorId, type AS Type, payload AS Payload FROM event_log WHERE seq > @from ORDER BY seq LIMIT @maxEntries",
            new { from, maxEntries }).AsList();
        // Entries' notifications are gathered and written together, ChunkSize rows a
        // transaction, the progress in the last one: a burst of votes makes a few write
        // transactions, not two per vote, so the feed does not crowd out the commands it follows.
        // A crash between two transactions of one flush repeats at most that flush.
        var written = 0;
        var pending = new List<(PlannedNotification Planned, long? Seq, long At)>();
        var pendingRows = 0;
        foreach (var entry in entries)
        {
            foreach (var planned in NotificationRecipients.Plan(connection, entry, engines))
            {
                pending.Add((planned, entry.Seq, entry.At));
                pendingRows += planned.Recipients.Count;
            }

            if (pendingRows >= ChunkSize)
            {
                written += Write(connection, pending, entry.Seq);
                pending.Clear();
                pendingRows = 0;
            }
        }

        if (entries.Count > 0)
        {
            written += Write(connection, pending, entries[^1].Seq);
        }

        if (written > 0)
        {
            Written?.Invoke();
        }

        return written;
    }

    /// <summary>
    /// On SQLite, the feed's commits are not synced to disk one by one (WAL with
    /// <c>synchronous = NORMAL</c> on this connection only; <see cref="Database.Open"/> sets FULL
    /// again on the next use). What the feed writes is derived from the log, and its progress is
    /// committed with the last rows of each flush: a power cut can lose only a tail of the feed's
    /// transactions, consistently, and the feed writes them again from the kept progress (at
    /// most one flush twice, as after a crash). The next command's synced commit carries them to
    /// disk anyway. Each commit's sync cost ~8 ms on this machine, five times the rows' own time.
    /// </summary>
    private static void WithoutSyncOnCommit(DbConnection connection)
    {
        if (connection is Microsoft.Data.Sqlite.SqliteConnection)
        {
            connection.Execute("PRAGMA synchronous = NORMAL");
        }
    }

    /// <summary>Catches up until the log is read to its head.</summary>
    public int CatchUpAll()
    {
        var total = 0;
        while (true)
        {
            using (var connection = database.Open())
            {
                if (NotificationStore.Progress(connection, null) >= EventLog.Head(connection).Seq)
                {
                    return total;
                }
            }

            total += CatchUp();
        }
    }

    /// <summary>
    /// The reminders due at <paramref name="now"/>, each once per proposal: a vote closes within
    /// 24 hours (to members with a voting right who have not voted), and within 48 hours neither
    /// a member nor their first delegate has voted, nor anyone further along the chain carries
    /// their vote (to that member).
    /// </summary>
    public int Sweep(DateTimeOffset now)
    {
        var nowMs = Millis.Of(now);
        using var connection = database.Open();
        var closing = connection.Query<(long Id, long EndsAt)>(
            "SELECT id, voting_ends_at FROM proposals WHERE status = 'voting' AND voting_ends_at > @nowMs AND voting_ends_at <= @until ORDER BY id",
            new { nowMs, until = nowMs + Millis.Days(2) }).AsList();
        var written = 0;
        foreach (var (proposal, endsAt) in closing)
        {
            if (endsAt - nowMs <= Millis.Days(1) && Remind(connection, proposal, NotificationKinds.VoteClosing, nowMs))
            {
                var voters = NotificationRecipients.Voters(connection, proposal);
                written += Write(connection, [(new PlannedNotification(NotificationKinds.VoteClosing, proposal, null,
                    NotificationRecipients.Detail(new { votingEndsAt = endsAt }), voters), (long?)null, nowMs)], null);
            }

            if (Remind(connection, proposal, NotificationKinds.DelegateNotVoted, nowMs))
            {
                var planned = NotificationRecipients.Uncarried(NotificationRecipients.Unvoiced(connection, proposal), engines, proposal)
                    .GroupBy(u => u.Delegate)
                    .Select(g => new PlannedNotification(NotificationKinds.DelegateNotVoted, proposal, g.Key,
                        NotificationRecipients.Detail(new { votingEndsAt = endsAt }), g.Select(u => u.Member).ToList()))
                    .ToList();
                written += Write(connection, planned.Select(p => (p, (long?)null, nowMs)).ToList(), null);
            }
        }

        if (written > 0)
        {
            Written?.Invoke();
        }

        return written;
    }

    private static bool Remind(DbConnection connection, long proposal, string kind, long nowMs)
    {
        using var transaction = connection.BeginTransaction();
        var first = NotificationStore.TryRemind(connection, transaction, proposal, kind, nowMs);
        transaction.Commit();
        return first;
    }

    /// <summary>
    /// Writes the notifications in transactions of at most <see cref="ChunkSize"/> rows (small
    /// fan-outs share one; a large one is split), and records <paramref name="progress"/>, when
    /// given, in the last: the log entries up to it are then done.
    /// </summary>
    private int Write(DbConnection connection, IReadOnlyList<(PlannedNotification Planned, long? Seq, long At)> pending, long? progress)
    {
        var written = 0;
        var modes = new Dictionary<string, Dictionary<long, string>>(StringComparer.Ordinal);
        DbTransaction? transaction = null;
        var held = new System.Diagnostics.Stopwatch();
        var rows = 0;
        try
        {
            foreach (var (planned, entrySeq, at) in pending)
            {
                if (!modes.TryGetValue(planned.Kind, out var kindModes))
                {
                    modes[planned.Kind] = kindModes = NotificationStore.Modes(connection, null, planned.Kind);
                }

                foreach (var chunk in planned.Recipients.Chunk(ChunkSize))
                {
                    if (transaction is not null && rows + chunk.Length > ChunkSize)
                    {
                        transaction.Commit();
                        transaction.Dispose();
                        transaction = null;
                        rows = Committing(rows, held.Elapsed);
                    }

                    if (transaction is null)
                    {
                        transaction = connection.BeginTransaction();
                        held = System.Diagnostics.Stopwatch.StartNew();
                    }

                    written += NotificationStore.Insert(connection, transaction, planned, chunk, kindModes, entrySeq, at);
                    rows += chunk.Length;
                }
            }

            if (progress is long seq)
            {
                if (transaction is null)
                {
                    transaction = connection.BeginTransaction();
                    held = System.Diagnostics.Stopwatch.StartNew();
                }

                NotificationStore.SetProgress(connection, transaction, seq);
            }

            if (transaction is not null)
            {
                transaction.Commit();
                Committing(rows, held.Elapsed);
            }
        }
        finally
        {
            transaction?.Dispose();
        }

        return written;
    }

    /// <summary>After a commit: yields the write lock if a writer waits for it, and reports both. Returns the rows of the next transaction (0).</summary>
    private int Committing(int rows, TimeSpan held)
    {
        var yielded = YieldTheWriteLock(held);
        Committed?.Invoke(rows, held);
        Yielded?.Invoke(yielded);
        return 0;
    }

    /// <summary>
    /// After a write transaction, on SQLite: when a writer is waiting for the write lock (a
    /// command, the group committer; <see cref="WriterLine"/>), waits until one has taken it and
    /// at least as long as this transaction held the lock, so that during a burst of votes the
    /// feed takes at most half of the writer's time and the notifications lag, never the votes
    /// (the night-of-the-vote run measures both). When nobody waits, it goes on at once: the
    /// pause used to follow every transaction, which made a 100,000-row fan-out take twice its
    /// writing with no one to give way to. On PostgreSQL the feed takes no advisory lock, so it
    /// holds up no command and never pauses.
    /// </summary>
    private TimeSpan YieldTheWriteLock(TimeSpan held)
    {
        if (database.IsPostgres)
        {
            return TimeSpan.Zero;
        }

        var limit = TimeSpan.FromSeconds(1);
        var line = WriterLine.For(database.ConnectionString);
        var waited = line.YieldTo(limit);
        if (waited > TimeSpan.Zero && waited < held)
        {
            var rest = (held < limit ? held : limit) - waited;
            if (rest > TimeSpan.Zero)
            {
                Thread.Sleep(rest);
            }

            waited += rest;
        }

        return waited;
    }
}
