using System.Data.Common;
using Dapper;

namespace Governance.Core.Storage;

/// <summary>An alternative of an issue with its supporters' count.</summary>
public sealed record AlternativeRow(long Id, long IssueId, long AuthorId, string Title, string Body, long CreatedAt, long Supporters)
{
    public AlternativeRow()
        : this(0, 0, 0, string.Empty, string.Empty, 0, 0)
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

    public static long InsertAlternative(DbConnection c, DbTransaction t, long issueId, long authorId, string title, string body, long atMs) =>
        c.ExecuteScalar<long>(
            "INSERT INTO issue_alternatives (issue_id, author_id, title, body, created_at) VALUES (@issueId, @authorId, @title, @body, @atMs) RETURNING id",
            new { issueId, authorId, title, body, atMs }, t);

    private const string AlternativeColumns =
        """
        SELECT a.id AS Id, a.issue_id AS IssueId, a.author_id AS AuthorId, a.title AS Title, a.body AS Body, a.created_at AS CreatedAt,
               (SELECT COUNT(*) FROM alternative_supporters s WHERE s.alternative_id = a.id) AS Supporters
        FROM issue_alternatives a
        """;

    /// <summary>The issue's alternatives, oldest first (their ballot order).</summary>
    public static IReadOnlyList<AlternativeRow> Alternatives(DbConnection c, DbTransaction? t, long issueId) =>
        c.Query<AlternativeRow>(AlternativeColumns + " WHERE a.issue_id = @issueId ORDER BY a.id", new { issueId }, t).AsList();

    public static AlternativeRow? FindAlternative(DbConnection c, DbTransaction? t, long alternativeId) =>
        c.QuerySingleOrDefault<AlternativeRow>(AlternativeColumns + " WHERE a.id = @alternativeId", new { alternativeId }, t);

    /// <summary>Adds a supporter; false when they already supported it.</summary>
    public static bool AddSupporter(DbConnection c, DbTransaction t, long alternativeId, long memberId, long atMs) =>
        c.Execute(
            "INSERT INTO alternative_supporters (alternative_id, member_id, supported_at) VALUES (@alternativeId, @memberId, @atMs) ON CONFLICT DO NOTHING",
            new { alternativeId, memberId, atMs }, t) == 1;

    public static IReadOnlyList<long> SupportedBy(DbConnection c, DbTransaction? t, long issueId, long memberId) =>
        c.Query<long>(
            "SELECT s.alternative_id FROM alternative_supporters s JOIN issue_alternatives a ON a.id = s.alternative_id WHERE a.issue_id = @issueId AND s.member_id = @memberId",
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
