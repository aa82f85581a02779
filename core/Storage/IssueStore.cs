using System.Data.Common;
using Dapper;

namespace Governance.Core.Storage;

/// <summary>
/// An alternative of an issue: a proposal whose <c>issue_id</c> names the issue's lead proposal,
/// with the support points it holds (while Open) or held when voting opened (after).
/// </summary>
public sealed record AlternativeRow(long Id, long IssueId, long AuthorId, string Title, string Body, long CreatedAt, string Status, long Score, long Supporters)
{
    public AlternativeRow()
        : this(0, 0, 0, string.Empty, string.Empty, 0, string.Empty, 0, 0)
    {
    }
}

/// <summary>The SQL of issues, their alternatives, their supporters and ranked ballots (DESIGN §8).</summary>
public static class IssueStore
{
    /// <summary>The issue's ballot threshold (supporters an alternative needs), or null while it has no alternatives.</summary>
    public static long? Threshold(DbConnection c, DbTransaction? t, long issueId) =>
        c.QuerySingleOrDefault<long?>("SELECT ballot_threshold FROM issues WHERE proposal_id = @issueId", new { issueId }, t);

    public static void Open(DbConnection c, DbTransaction t, long issueId, long threshold, long atMs) =>
        c.Execute("INSERT INTO issues (proposal_id, ballot_threshold, opened_at) VALUES (@issueId, @threshold, @atMs)", new { issueId, threshold, atMs }, t);

    /// <summary>Inserts an alternative: an Open proposal in the issue's area under the issue's policy, with no expiry of its own.</summary>
    public static long InsertAlternative(DbConnection c, DbTransaction t, long issueId, long authorId, string title, string body, long atMs) =>
        c.ExecuteScalar<long>(
            """
            INSERT INTO proposals (author_id, area_id, title, body, status, policy_id, policy_json, created_at, updated_at, expires_at, issue_id)
            SELECT @authorId, area_id, @title, @body, 'open', policy_id, policy_json, @atMs, @atMs, NULL, id FROM proposals WHERE id = @issueId
            RETURNING id
            """,
            new { issueId, authorId, title, body, atMs }, t);

    // While Open its support is the unreleased points; after, the points released when it left Open.
    private const string AlternativeColumns =
        """
        SELECT a.id AS Id, a.issue_id AS IssueId, a.author_id AS AuthorId, a.title AS Title, a.body AS Body, a.created_at AS CreatedAt, a.status AS Status,
               CAST(coalesce(sum(s.points), 0) AS BIGINT) AS Score, count(s.member_id) AS Supporters
        FROM proposals a
        LEFT JOIN supports s ON s.proposal_id = a.id AND (s.released_at IS NULL
            OR (a.status <> 'open' AND s.released_at = (SELECT min(h.at) FROM proposal_status_history h WHERE h.proposal_id = a.id AND h.status <> 'open')))
        """;

    private const string AlternativeGroup = " GROUP BY a.id, a.issue_id, a.author_id, a.title, a.body, a.created_at, a.status";

    /// <summary>The issue's alternatives, oldest first (their ballot order).</summary>
    public static IReadOnlyList<AlternativeRow> Alternatives(DbConnection c, DbTransaction? t, long issueId) =>
        c.Query<AlternativeRow>(AlternativeColumns + " WHERE a.issue_id = @issueId" + AlternativeGroup + " ORDER BY a.id", new { issueId }, t).AsList();

    public static AlternativeRow? FindAlternative(DbConnection c, DbTransaction? t, long alternativeId) =>
        c.QuerySingleOrDefault<AlternativeRow>(AlternativeColumns + " WHERE a.id = @alternativeId AND a.issue_id IS NOT NULL" + AlternativeGroup, new { alternativeId }, t);

    /// <summary>The alternatives of the issue the member holds points on (or held when voting opened).</summary>
    public static IReadOnlyList<long> SupportedBy(DbConnection c, DbTransaction? t, long issueId, long memberId) =>
        c.Query<long>(
            """
            SELECT s.proposal_id FROM supports s JOIN proposals a ON a.id = s.proposal_id
            WHERE a.issue_id = @issueId AND s.member_id = @memberId AND (s.released_at IS NULL
                OR (a.status <> 'open' AND s.released_at = (SELECT min(h.at) FROM proposal_status_history h WHERE h.proposal_id = a.id AND h.status <> 'open')))
            """,
            new { issueId, memberId }, t).AsList();

    public static void UpsertBallot(DbConnection c, DbTransaction t, long issueId, long memberId, string ranking, long atMs) =>
        c.Execute(
            """
            INSERT INTO ranked_ballots (issue_id, member_id, ranking, cast_at, updated_at) VALUES (@issueId, @memberId, @ranking, @atMs, @atMs)
            ON CONFLICT (issue_id, member_id) DO UPDATE SET ranking = excluded.ranking, updated_at = excluded.updated_at
            """,
            new { issueId, memberId, ranking, atMs }, t);

    public static string? Ballot(DbConnection c, DbTransaction? t, long issueId, long memberId) =>
        c.QuerySingleOrDefault<string?>("SELECT ranking FROM ranked_ballots WHERE issue_id = @issueId AND member_id = @memberId", new { issueId, memberId }, t);

    /// <summary>Every ranked ballot of the issue with its member's handle, in member order (the snapshot's).</summary>
    public static IReadOnlyList<(long MemberId, string Handle, string Ranking)> Ballots(DbConnection c, DbTransaction? t, long issueId) =>
        c.Query<(long, string, string)>(
            "SELECT b.member_id, m.handle, b.ranking FROM ranked_ballots b JOIN members m ON m.id = b.member_id WHERE b.issue_id = @issueId ORDER BY m.id",
            new { issueId }, t).AsList();
}
