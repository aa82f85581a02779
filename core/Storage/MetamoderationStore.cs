using System.Data.Common;
using Dapper;

namespace Governance.Core.Storage;

/// <summary>A stored metamoderation draw: the period, its public inputs and seed, and the policy's numbers at the draw.</summary>
public sealed class MetaDrawRow
{
    public string PeriodId { get; init; } = string.Empty;

    public long PeriodStart { get; init; }

    public long PeriodEnd { get; init; }

    public long HeadSeq { get; init; }

    public byte[] HeadHash { get; init; } = [];

    public byte[] Seed { get; init; } = [];

    public long Jurors { get; init; }

    public long SampleSize { get; init; }

    public long JudgingEnds { get; init; }

    public long DrawnAt { get; init; }
}

/// <summary>One eligible member of a metamoderation draw.</summary>
public sealed class MetaEntryRow
{
    public string PeriodId { get; init; } = string.Empty;

    public long MemberId { get; init; }

    public long Level { get; init; }

    public bool Drawn { get; init; }
}

/// <summary>A moderator action as metamoderation reads it: an event-log entry with its actor.</summary>
public sealed class ModeratorActionRow
{
    public long Seq { get; init; }

    public long At { get; init; }

    public long ModeratorId { get; init; }

    public string Type { get; init; } = string.Empty;

    public string Payload { get; init; } = string.Empty;
}

/// <summary>A juror's judgement of one action.</summary>
public sealed class JudgementRow
{
    public string PeriodId { get; init; } = string.Empty;

    public long JurorId { get; init; }

    public long EventSeq { get; init; }

    public long ModeratorId { get; init; }

    public bool Fair { get; init; }

    public string? Comment { get; init; }

    public long JudgedAt { get; init; }
}

/// <summary>A moderator's figures: all judgements, and those in the policy's window.</summary>
public sealed class ModeratorFiguresRow
{
    public long ModeratorId { get; init; }

    public long Judgements { get; init; }

    public long Fair { get; init; }

    public long WindowJudgements { get; init; }

    public long WindowFair { get; init; }
}

/// <summary>A moderator who fell under the threshold, and the admin's decision when made.</summary>
public sealed class ModeratorReviewRow
{
    public long Id { get; init; }

    public long MemberId { get; init; }

    public long SuspendedAt { get; init; }

    public double FairShare { get; init; }

    public long Judgements { get; init; }

    public long? DecidedAt { get; init; }

    public long? DecidedBy { get; init; }

    public bool? Restored { get; init; }

    public string? Reason { get; init; }
}

/// <summary>The SQL of metamoderation (issue 17 point 5); the rules are <see cref="Metamoderation.MetamoderationService"/>'s.</summary>
public static class MetamoderationStore
{
    private const string DrawColumns = """
        period_id AS PeriodId, period_start AS PeriodStart, period_end AS PeriodEnd, head_seq AS HeadSeq, head_hash AS HeadHash,
        seed AS Seed, jurors AS Jurors, sample_size AS SampleSize, judging_ends AS JudgingEnds, drawn_at AS DrawnAt
        """;

    private const string ReviewColumns = """
        id AS Id, member_id AS MemberId, suspended_at AS SuspendedAt, fair_share AS FairShare, judgements AS Judgements,
        decided_at AS DecidedAt, decided_by AS DecidedBy, CASE WHEN restored IS NULL THEN NULL WHEN restored = 1 THEN 1 ELSE 0 END AS Restored, reason AS Reason
        """;

    public static MetaDrawRow? Find(DbConnection c, DbTransaction? t, string periodId) =>
        c.QuerySingleOrDefault<MetaDrawRow>($"SELECT {DrawColumns} FROM metamoderation_draws WHERE period_id = @periodId", new { periodId }, t);

    public static IReadOnlyList<MetaDrawRow> Latest(DbConnection c, int first) =>
        c.Query<MetaDrawRow>($"SELECT {DrawColumns} FROM metamoderation_draws ORDER BY period_end DESC LIMIT @first", new { first }).AsList();

    /// <summary>The draws whose judging is open at <paramref name="nowMs"/> and that drew <paramref name="jurorId"/>.</summary>
    public static IReadOnlyList<MetaDrawRow> OpenFor(DbConnection c, long jurorId, long nowMs) =>
        c.Query<MetaDrawRow>(
            $"""
            SELECT {DrawColumns} FROM metamoderation_draws d
            WHERE judging_ends >= @nowMs
              AND EXISTS (SELECT 1 FROM metamoderation_entries e WHERE e.period_id = d.period_id AND e.member_id = @jurorId AND e.drawn = 1)
            ORDER BY period_end DESC
            """,
            new { jurorId, nowMs }).AsList();

    public static IReadOnlyList<MetaEntryRow> Entries(DbConnection c, DbTransaction? t, string periodId) =>
        c.Query<MetaEntryRow>(
            "SELECT period_id AS PeriodId, member_id AS MemberId, level AS Level, drawn AS Drawn FROM metamoderation_entries WHERE period_id = @periodId ORDER BY member_id",
            new { periodId }, t).AsList();

    /// <summary>How many members a draw weighed and which were drawn, without reading every entry.</summary>
    public static (int Eligible, List<long> Drawn) EntrySummary(DbConnection c, DbTransaction? t, string periodId) =>
        ((int)c.ExecuteScalar<long>("SELECT count(*) FROM metamoderation_entries WHERE period_id = @periodId", new { periodId }, t),
         c.Query<long>("SELECT member_id FROM metamoderation_entries WHERE period_id = @periodId AND drawn = 1 ORDER BY member_id", new { periodId }, t).AsList());

    public static bool IsDrawn(DbConnection c, DbTransaction? t, string periodId, long memberId) =>
        c.ExecuteScalar<long>("SELECT count(*) FROM metamoderation_entries WHERE period_id = @periodId AND member_id = @memberId AND drawn = 1", new { periodId, memberId }, t) > 0;

    public static void Insert(DbConnection c, DbTransaction t, MetaDrawRow draw, IEnumerable<MetaEntryRow> entries)
    {
        c.Execute(
            """
            INSERT INTO metamoderation_draws (period_id, period_start, period_end, head_seq, head_hash, seed, jurors, sample_size, judging_ends, drawn_at)
            VALUES (@PeriodId, @PeriodStart, @PeriodEnd, @HeadSeq, @HeadHash, @Seed, @Jurors, @SampleSize, @JudgingEnds, @DrawnAt)
            """,
            draw, t);
        c.Execute(
            "INSERT INTO metamoderation_entries (period_id, member_id, level, drawn) VALUES (@PeriodId, @MemberId, @Level, CASE WHEN @Drawn THEN 1 ELSE 0 END)",
            entries, t);
    }

    /// <summary>
    /// The moderator actions of a period: entries of <paramref name="types"/> with an actor, in
    /// [start, end) and at or before the draw's head entry, by sequence.
    /// </summary>
    public static IReadOnlyList<ModeratorActionRow> Actions(DbConnection c, DbTransaction? t, long startMs, long endMs, long headSeq, IReadOnlyList<string> types) =>
        c.Query<ModeratorActionRow>(
            $"""
            SELECT seq AS Seq, at AS At, actor_id AS ModeratorId, type AS Type, payload AS Payload FROM event_log
            WHERE at >= @startMs AND at < @endMs AND seq <= @headSeq AND actor_id IS NOT NULL AND type {c.InList("@types")}
            ORDER BY seq
            """,
            new { startMs, endMs, headSeq, types = types.ToArray() }, t).AsList();

    /// <summary>How many moderator actions a period had up to the draw's head, without reading their payloads.</summary>
    public static int ActionCount(DbConnection c, DbTransaction? t, long startMs, long endMs, long headSeq, IReadOnlyList<string> types) =>
        (int)c.ExecuteScalar<long>(
            $"SELECT count(*) FROM event_log WHERE at >= @startMs AND at < @endMs AND seq <= @headSeq AND actor_id IS NOT NULL AND type {c.InList("@types")}",
            new { startMs, endMs, headSeq, types = types.ToArray() }, t);

    /// <summary>
    /// Of these proposals and comments, those <paramref name="memberId"/> wrote, and every
    /// proposal or comment they reported at or before <paramref name="reportedByMs"/>, as (kind, id).
    /// </summary>
    public static IReadOnlyList<(string Kind, long Id)> WrittenOrReported(DbConnection c, DbTransaction? t, long memberId, long[] proposalIds, long[] commentIds, long reportedByMs) =>
        c.Query<(string Kind, long Id)>(
            $"""
            SELECT 'proposal' AS Kind, id AS Id FROM proposals WHERE author_id = @memberId AND id {c.InList("@proposalIds")}
            UNION SELECT 'comment', id FROM comments WHERE author_id = @memberId AND id {c.InList("@commentIds")}
            UNION SELECT target_kind, target_id FROM reports WHERE reporter_id = @memberId AND created_at <= @reportedByMs
            """,
            new { memberId, proposalIds, commentIds, reportedByMs }, t).AsList();

    public static IReadOnlyList<JudgementRow> JudgementsOf(DbConnection c, DbTransaction? t, string periodId, long jurorId) =>
        c.Query<JudgementRow>(
            """
            SELECT period_id AS PeriodId, juror_id AS JurorId, event_seq AS EventSeq, moderator_id AS ModeratorId, fair AS Fair, comment AS Comment, judged_at AS JudgedAt
            FROM metamoderation_judgements WHERE period_id = @periodId AND juror_id = @jurorId ORDER BY event_seq
            """,
            new { periodId, jurorId }, t).AsList();

    public static long JudgementCount(DbConnection c, string periodId) =>
        c.ExecuteScalar<long>("SELECT count(*) FROM metamoderation_judgements WHERE period_id = @periodId", new { periodId });

    public static void InsertJudgement(DbConnection c, DbTransaction t, JudgementRow row) =>
        c.Execute(
            """
            INSERT INTO metamoderation_judgements (period_id, juror_id, event_seq, moderator_id, fair, comment, judged_at)
            VALUES (@PeriodId, @JurorId, @EventSeq, @ModeratorId, CASE WHEN @Fair THEN 1 ELSE 0 END, @Comment, @JudgedAt)
            """,
            row, t);

    /// <summary>Every judged moderator's figures; the window counts judgements at or after <paramref name="windowStartMs"/>.</summary>
    public static IReadOnlyList<ModeratorFiguresRow> Figures(DbConnection c, DbTransaction? t, long windowStartMs, long? moderatorId = null) =>
        c.Query<ModeratorFiguresRow>(
            $"""
            SELECT moderator_id AS ModeratorId, count(*) AS Judgements, sum(fair) AS Fair,
                   sum(CASE WHEN judged_at >= @windowStartMs THEN 1 ELSE 0 END) AS WindowJudgements,
                   sum(CASE WHEN judged_at >= @windowStartMs THEN fair ELSE 0 END) AS WindowFair
            FROM metamoderation_judgements
            {(moderatorId is null ? "" : "WHERE moderator_id = @moderatorId")}
            GROUP BY moderator_id ORDER BY moderator_id
            """,
            new { windowStartMs, moderatorId }, t).AsList();

    public static IReadOnlyList<ModeratorReviewRow> Reviews(DbConnection c, DbTransaction? t, long? memberId = null) =>
        c.Query<ModeratorReviewRow>(
            $"SELECT {ReviewColumns} FROM moderator_reviews {(memberId is null ? "" : "WHERE member_id = @memberId")} ORDER BY id DESC",
            new { memberId }, t).AsList();

    public static ModeratorReviewRow? Review(DbConnection c, DbTransaction? t, long id) =>
        c.QuerySingleOrDefault<ModeratorReviewRow>($"SELECT {ReviewColumns} FROM moderator_reviews WHERE id = @id", new { id }, t);

    public static long InsertReview(DbConnection c, DbTransaction t, long memberId, long atMs, double fairShare, long judgements) =>
        c.ExecuteScalar<long>(
            "INSERT INTO moderator_reviews (member_id, suspended_at, fair_share, judgements) VALUES (@memberId, @atMs, @fairShare, @judgements) RETURNING id",
            new { memberId, atMs, fairShare, judgements }, t);

    public static void DecideReview(DbConnection c, DbTransaction t, long id, long adminId, bool restored, string reason, long atMs) =>
        c.Execute(
            "UPDATE moderator_reviews SET decided_at = @atMs, decided_by = @adminId, restored = CASE WHEN @restored THEN 1 ELSE 0 END, reason = @reason WHERE id = @id",
            new { id, adminId, restored, reason, atMs }, t);
}
