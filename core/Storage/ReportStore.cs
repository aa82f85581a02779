using System.Data.Common;
using Dapper;

namespace Governance.Core.Storage;

/// <summary>Hidden content: a proposal or comment a moderator (or enough reports) took out of sight.</summary>
public sealed record HiddenRow(
    string TargetKind,
    long TargetId,
    long ProposalId,
    long HiddenAt,
    long? HiddenBy,
    string Reason,
    bool Automatic,
    long? DecidedAt,
    string? Appeal,
    long? AppealedAt,
    long? RestoredAt)
{
    public HiddenRow()
        : this(string.Empty, 0, 0, 0, null, string.Empty, false, null, null, null, null)
    {
    }

    /// <summary>Out of sight now: hidden and not restored.</summary>
    public bool InForce => RestoredAt is null;
}

/// <summary>An item of the moderators' report queue: reported content not yet decided, or a hide appealed.</summary>
public sealed record ReportQueueRow(string TargetKind, long TargetId, long ProposalId, int Reports)
{
    public ReportQueueRow()
        : this(string.Empty, 0, 0, 0)
    {
    }
}

/// <summary>The SQL of reports and hidden content.</summary>
public static class ReportStore
{
    private const string HiddenColumns = """
        target_kind AS TargetKind, target_id AS TargetId, proposal_id AS ProposalId, hidden_at AS HiddenAt, hidden_by AS HiddenBy,
        reason AS Reason, automatic AS Automatic, decided_at AS DecidedAt, appeal AS Appeal, appealed_at AS AppealedAt, restored_at AS RestoredAt
        """;

    public static bool Reported(DbConnection c, DbTransaction t, string kind, long targetId, long reporterId) =>
        c.ExecuteScalarLong(t, "SELECT count(*) FROM reports WHERE target_kind = @kind AND target_id = @targetId AND reporter_id = @reporterId",
            new { kind, targetId, reporterId }) > 0;

    public static void Insert(DbConnection c, DbTransaction t, string kind, long targetId, long proposalId, long reporterId, int level, string reason, long at) =>
        c.Execute(
            """
            INSERT INTO reports (target_kind, target_id, proposal_id, reporter_id, reporter_level, reason, created_at)
            VALUES (@kind, @targetId, @proposalId, @reporterId, @level, @reason, @at)
            """,
            new { kind, targetId, proposalId, reporterId, level, reason, at }, t);

    /// <summary>Undecided reports on the target from members of at least <paramref name="level"/>.</summary>
    public static int OpenReports(DbConnection c, DbTransaction t, string kind, long targetId, int level) =>
        (int)c.ExecuteScalarLong(t, "SELECT count(*) FROM reports WHERE target_kind = @kind AND target_id = @targetId AND decided_at IS NULL AND reporter_level >= @level",
            new { kind, targetId, level });

    public static void DecideReports(DbConnection c, DbTransaction t, string kind, long targetId, long at) =>
        c.Execute("UPDATE reports SET decided_at = @at WHERE target_kind = @kind AND target_id = @targetId AND decided_at IS NULL", new { kind, targetId, at }, t);

    public static HiddenRow? Hidden(DbConnection c, DbTransaction? t, string kind, long targetId) =>
        c.QuerySingleOrDefault<HiddenRow>($"SELECT {HiddenColumns} FROM hidden_content WHERE target_kind = @kind AND target_id = @targetId", new { kind, targetId }, t);

    public static IReadOnlyDictionary<long, HiddenRow> HiddenMany(DbConnection c, string kind, IReadOnlyCollection<long> ids) =>
        ids.Count == 0
            ? new Dictionary<long, HiddenRow>()
            : c.Query<HiddenRow>($"SELECT {HiddenColumns} FROM hidden_content WHERE target_kind = @kind AND target_id {c.InList("@ids")}", new { kind, ids = ids.ToArray() })
                .ToDictionary(h => h.TargetId);

    /// <summary>Hides (again): a restored item hidden anew starts a fresh record, appeal included.</summary>
    public static void Hide(DbConnection c, DbTransaction t, string kind, long targetId, long proposalId, long? by, string reason, bool automatic, long at)
    {
        c.Execute("DELETE FROM hidden_content WHERE target_kind = @kind AND target_id = @targetId", new { kind, targetId }, t);
        c.Execute(
            """
            INSERT INTO hidden_content (target_kind, target_id, proposal_id, hidden_at, hidden_by, reason, automatic, decided_at)
            VALUES (@kind, @targetId, @proposalId, @at, @by, @reason, CASE WHEN @automatic THEN 1 ELSE 0 END, CASE WHEN @automatic THEN NULL ELSE @at END)
            """,
            new { kind, targetId, proposalId, by, reason, automatic, at }, t);
    }

    public static void Decide(DbConnection c, DbTransaction t, string kind, long targetId, bool restore, long at) =>
        c.Execute(
            "UPDATE hidden_content SET decided_at = @at, restored_at = CASE WHEN @restore THEN @at ELSE restored_at END WHERE target_kind = @kind AND target_id = @targetId",
            new { kind, targetId, restore, at }, t);

    public static void Appeal(DbConnection c, DbTransaction t, string kind, long targetId, string appeal, long at) =>
        c.Execute("UPDATE hidden_content SET appeal = @appeal, appealed_at = @at, decided_at = NULL WHERE target_kind = @kind AND target_id = @targetId",
            new { kind, targetId, appeal, at }, t);

    /// <summary>What awaits a moderator: content with undecided reports, and hides not yet decided (automatic, or appealed).</summary>
    public static IReadOnlyList<ReportQueueRow> Queue(DbConnection c) =>
        c.Query<ReportQueueRow>(
            """
            SELECT k.target_kind AS TargetKind, k.target_id AS TargetId, k.proposal_id AS ProposalId,
                   (SELECT count(*) FROM reports r WHERE r.target_kind = k.target_kind AND r.target_id = k.target_id AND r.decided_at IS NULL) AS Reports
            FROM (SELECT target_kind, target_id, proposal_id FROM reports WHERE decided_at IS NULL
                  UNION SELECT target_kind, target_id, proposal_id FROM hidden_content WHERE decided_at IS NULL AND restored_at IS NULL) k
            ORDER BY k.proposal_id, k.target_kind, k.target_id
            """).AsList();

    /// <summary>The reasons of the undecided reports on the target, oldest first.</summary>
    public static IReadOnlyList<string> Reasons(DbConnection c, string kind, long targetId) =>
        c.Query<string>("SELECT reason FROM reports WHERE target_kind = @kind AND target_id = @targetId AND decided_at IS NULL ORDER BY id", new { kind, targetId }).AsList();
}
