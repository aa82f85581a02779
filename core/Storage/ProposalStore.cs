using System.Data.Common;
using Dapper;

namespace Governance.Core.Storage;

/// <summary>A proposal row with what the domain reads of it.</summary>
public sealed record ProposalRow(
    long Id,
    long AuthorId,
    long AreaId,
    string Title,
    string Body,
    string Status,
    string? PolicyJson,
    long? MergedIntoId,
    long CreatedAt,
    long UpdatedAt,
    long? ExpiresAt,
    long? OnAgendaAt,
    long? DiscussionStartsAt,
    long? VotingStartsAt,
    long? VotingEndsAt,
    long? AppealUntil,
    bool AppealClosed,
    bool MustSchedule)
{
    // For Dapper: it sets the properties, converting SQLite's INTEGER to bool.
    public ProposalRow()
        : this(0, 0, 0, string.Empty, string.Empty, string.Empty, null, null, 0, 0, null, null, null, null, null, null, false, false)
    {
    }

    /// <summary>For an alternative, the issue's lead proposal (issue 18); null for any other proposal.</summary>
    public long? IssueId { get; init; }
}

/// <summary>One support row (DESIGN §5: points count while unreleased).</summary>
public sealed record SupportRow(long MemberId, long ProposalId, int Points, long AllocatedAt, long? ReleasedAt, bool Early)
{
    public SupportRow()
        : this(0, 0, 0, 0, null, false)
    {
    }
}

/// <summary>The SQL of proposals, their status history and their supports.</summary>
public static class ProposalStore
{
    private const string Columns = """
        id AS Id, author_id AS AuthorId, area_id AS AreaId, title AS Title, body AS Body, status AS Status,
        policy_json AS PolicyJson, merged_into_id AS MergedIntoId, created_at AS CreatedAt, updated_at AS UpdatedAt,
        expires_at AS ExpiresAt, on_agenda_at AS OnAgendaAt, discussion_starts_at AS DiscussionStartsAt,
        voting_starts_at AS VotingStartsAt, voting_ends_at AS VotingEndsAt, appeal_until AS AppealUntil,
        appeal_closed AS AppealClosed, must_schedule AS MustSchedule, issue_id AS IssueId
        """;

    public static ProposalRow? Find(DbConnection c, DbTransaction? t, long id) =>
        c.QuerySingleOrDefault<ProposalRow>($"SELECT {Columns} FROM proposals WHERE id = @id", new { id }, t);

    public static IReadOnlyList<ProposalRow> WithStatus(DbConnection c, DbTransaction? t, string status, long? areaId = null) =>
        c.Query<ProposalRow>(
            $"SELECT {Columns} FROM proposals WHERE status = @status AND (@areaId IS NULL OR area_id = @areaId) ORDER BY id",
            new { status, areaId }, t).AsList();

    public static long Insert(DbConnection c, DbTransaction t, long authorId, long areaId, string title, string body, long? policyId, string policyJson, long atMs, long expiresAt) =>
        c.ExecuteScalar<long>(
            """
            INSERT INTO proposals (author_id, area_id, title, body, status, policy_id, policy_json, created_at, updated_at, expires_at)
            VALUES (@authorId, @areaId, @title, @body, 'open', @policyId, @policyJson, @atMs, @atMs, @expiresAt) RETURNING id
            """,
            new { authorId, areaId, title, body, policyId, policyJson, atMs, expiresAt }, t);

    /// <summary>
    /// Moves a proposal from <paramref name="from"/> to <paramref name="to"/> and records it in
    /// the history; false (and nothing written) when it is no longer in <paramref name="from"/>.
    /// The status guard is what makes every transition happen at most once.
    /// </summary>
    public static bool Transition(DbConnection c, DbTransaction t, long id, string from, string to, long atMs, long? actorId, string? reason)
    {
        var changed = c.Execute(
            "UPDATE proposals SET status = @to, updated_at = @atMs WHERE id = @id AND status = @from",
            new { id, from, to, atMs }, t);
        if (changed == 0)
        {
            return false;
        }

        c.Execute(
            "INSERT INTO proposal_status_history (proposal_id, status, at, actor_id, reason) VALUES (@id, @to, @atMs, @actorId, @reason)",
            new { id, to, atMs, actorId, reason }, t);
        return true;
    }

    public static void RecordOpened(DbConnection c, DbTransaction t, long id, long atMs, long actorId) =>
        c.Execute(
            "INSERT INTO proposal_status_history (proposal_id, status, at, actor_id, reason) VALUES (@id, 'open', @atMs, @actorId, NULL)",
            new { id, atMs, actorId }, t);

    /// <summary>The author's edit of an open proposal; the status guard keeps it from touching one that just left Open.</summary>
    public static void Edit(DbConnection c, DbTransaction t, long id, string title, string body, long atMs) =>
        c.Execute(
            "UPDATE proposals SET title = @title, body = @body, updated_at = @atMs WHERE id = @id AND status = 'open'",
            new { id, title, body, atMs }, t);

    /// <summary>An edit in the status history: the status stays Open, the reason says what happened.</summary>
    public static void RecordEdited(DbConnection c, DbTransaction t, long id, long atMs, long actorId) =>
        c.Execute(
            "INSERT INTO proposal_status_history (proposal_id, status, at, actor_id, reason) VALUES (@id, 'open', @atMs, @actorId, @reason)",
            new { id, atMs, actorId, reason = EditedReason }, t);

    /// <summary>The status history's reason for an author's edit: how an edit is told from a status change.</summary>
    public const string EditedReason = "edited by the author";

    /// <summary>How the status history's reason starts when an appeal carried a declined proposal back onto the agenda.</summary>
    public const string AppealUpheldPrefix = "appeal: ";

    /// <summary>How the status history's reason starts when an appeal window closed and the decline stands.</summary>
    public const string AppealLapsedPrefix = "appeal lapsed: ";

    /// <summary>A lapsed appeal in the status history: the status stays Declined, the reason says the appeal ended.</summary>
    public static void RecordAppealLapsed(DbConnection c, DbTransaction t, long id, long atMs, string detail) =>
        c.Execute(
            "INSERT INTO proposal_status_history (proposal_id, status, at, actor_id, reason) VALUES (@id, 'declined', @atMs, NULL, @reason)",
            new { id, atMs, reason = AppealLapsedPrefix + detail }, t);

    /// <summary>Sets columns of the proposal by name: the caller passes only constant column names.</summary>
    public static void Set(DbConnection c, DbTransaction t, long id, string assignments, object values)
    {
        var parameters = new DynamicParameters(values);
        parameters.Add("id", id);
        c.Execute($"UPDATE proposals SET {assignments} WHERE id = @id", parameters, t);
    }

    /// <summary>Every open proposal with the support it holds now, streamed (the clock's agenda check).</summary>
    public static IEnumerable<OpenSupportRow> OpenSupport(DbConnection c) =>
        c.Query<OpenSupportRow>(
            """
            SELECT p.id AS Id, p.area_id AS AreaId, p.created_at AS CreatedAt, p.policy_json AS PolicyJson,
                   CAST(coalesce(sum(s.points), 0) AS BIGINT) AS Score, count(s.member_id) AS Supporters
            FROM proposals p LEFT JOIN supports s ON s.proposal_id = p.id AND s.released_at IS NULL
            WHERE p.status = 'open' AND p.issue_id IS NULL
            GROUP BY p.id, p.area_id, p.created_at, p.policy_json
            """,
            buffered: false);

    public static (int Score, int Supporters) Support(DbConnection c, DbTransaction? t, long proposalId) =>
        c.QuerySingle<(long, long)>(
            "SELECT CAST(coalesce(sum(points), 0) AS BIGINT), count(*) FROM supports WHERE proposal_id = @proposalId AND released_at IS NULL",
            new { proposalId }, t) is var (score, supporters) ? ((int)score, (int)supporters) : default;

    public static SupportRow? FindSupport(DbConnection c, DbTransaction? t, long memberId, long proposalId) =>
        c.QuerySingleOrDefault<SupportRow>(
            """
            SELECT member_id AS MemberId, proposal_id AS ProposalId, points AS Points, allocated_at AS AllocatedAt,
                   released_at AS ReleasedAt, early AS Early
            FROM supports WHERE member_id = @memberId AND proposal_id = @proposalId
            """,
            new { memberId, proposalId }, t);

    /// <summary>Supports released at an instant: the ones a proposal held when it left Open.</summary>
    public static IReadOnlyList<SupportRow> SupportsReleasedAt(DbConnection c, DbTransaction t, long proposalId, long releasedAt) =>
        c.Query<SupportRow>(
            """
            SELECT member_id AS MemberId, proposal_id AS ProposalId, points AS Points, allocated_at AS AllocatedAt,
                   released_at AS ReleasedAt, early AS Early
            FROM supports WHERE proposal_id = @proposalId AND released_at = @releasedAt ORDER BY allocated_at, member_id
            """,
            new { proposalId, releasedAt }, t).AsList();

    public static IReadOnlyList<long> EarlySupporters(DbConnection c, DbTransaction t, long proposalId) =>
        c.Query<long>(
            "SELECT member_id FROM supports WHERE proposal_id = @proposalId AND released_at IS NULL AND early = 1 ORDER BY member_id",
            new { proposalId }, t).AsList();

    public static void UpsertSupport(DbConnection c, DbTransaction t, long memberId, long proposalId, int points, long atMs, bool early) =>
        c.Execute(
            """
            INSERT INTO supports (member_id, proposal_id, points, allocated_at, released_at, early, version)
            VALUES (@memberId, @proposalId, @points, @atMs, NULL, CASE WHEN @early THEN 1 ELSE 0 END,
                    (SELECT count(*) + 1 FROM proposal_versions WHERE proposal_id = @proposalId))
            ON CONFLICT (member_id, proposal_id) DO UPDATE SET
                points = excluded.points, allocated_at = excluded.allocated_at, released_at = NULL, early = excluded.early, version = excluded.version
            """,
            new { memberId, proposalId, points, atMs, early }, t);

    public static int ReleaseSupport(DbConnection c, DbTransaction t, long memberId, long proposalId, long atMs) =>
        c.Execute(
            "UPDATE supports SET released_at = @atMs WHERE member_id = @memberId AND proposal_id = @proposalId AND released_at IS NULL",
            new { memberId, proposalId, atMs }, t);

    /// <summary>Leaving Open releases the points (DESIGN §5).</summary>
    public static int ReleaseAll(DbConnection c, DbTransaction t, long proposalId, long atMs) =>
        c.Execute("UPDATE supports SET released_at = @atMs WHERE proposal_id = @proposalId AND released_at IS NULL", new { proposalId, atMs }, t);

    public static IReadOnlyList<long> Due(DbConnection c, string status, string column, long nowMs) =>
        c.Query<long>(
            // The column (or expression) is one of a fixed set chosen by the clock, never input.
            // Alternatives follow their issue's lead (IssueService.OpenBallot, VoteService.Close), never the clock's columns.
            $"SELECT id FROM proposals WHERE status = @status AND issue_id IS NULL AND {column} <= @nowMs ORDER BY {column}, id",
            new { status, nowMs }).AsList();

    /// <summary>The proposal's latest status changes (edits included), oldest first.</summary>
    public static IReadOnlyList<(string Status, long At)> LatestStatusChanges(DbConnection c, DbTransaction? t, long proposalId, int count) =>
        c.Query<(string, long)>(
            "SELECT status, at FROM proposal_status_history WHERE proposal_id = @proposalId ORDER BY id DESC LIMIT @count",
            new { proposalId, count }, t).Reverse().ToList();

    public static IReadOnlyList<(string Status, long At, long? ActorId, string? Reason)> History(DbConnection c, long proposalId) =>
        c.Query<(string, long, long?, string?)>(
            "SELECT status, at, actor_id, reason FROM proposal_status_history WHERE proposal_id = @proposalId ORDER BY id",
            new { proposalId }).AsList();
}

/// <summary>An open proposal's support as the clock's agenda check reads it.</summary>
public sealed record OpenSupportRow
{
    public long Id { get; init; }

    public long AreaId { get; init; }

    public long CreatedAt { get; init; }

    public string? PolicyJson { get; init; }

    public long Score { get; init; }

    public long Supporters { get; init; }
}
