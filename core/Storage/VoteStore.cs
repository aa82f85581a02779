using System.Data.Common;
using Dapper;

namespace Governance.Core.Storage;

/// <summary>A stored result of a closed vote (immutable: triggers refuse UPDATE and DELETE).</summary>
public sealed record ResultRow(long ProposalId, long ClosedAt, bool Passed, bool QuorumReached, double Yes, double No, double Abstain, string Snapshot, string Tally)
{
    public ResultRow()
        : this(0, 0, false, false, 0, 0, 0, string.Empty, string.Empty)
    {
    }
}

/// <summary>The SQL of votes, of the snapshot a vote is counted from, and of results.</summary>
public static class VoteStore
{
    public static void Upsert(DbConnection c, DbTransaction t, long memberId, long proposalId, string choice, long atMs) =>
        c.Execute(
            """
            INSERT INTO votes (member_id, proposal_id, choice, cast_at, updated_at) VALUES (@memberId, @proposalId, @choice, @atMs, @atMs)
            ON CONFLICT (proposal_id, member_id) DO UPDATE SET choice = excluded.choice, updated_at = excluded.updated_at
            """,
            new { memberId, proposalId, choice, atMs }, t);

    /// <summary>
    /// Writes the vote only if, at <paramref name="atMs"/>, the proposal is in its voting window
    /// and the member has a voting right: the check and the write in one statement. False
    /// (nothing written) otherwise; the caller finds out why.
    /// </summary>
    public static bool UpsertIfOpen(DbConnection c, DbTransaction t, long memberId, long proposalId, string choice, long atMs) =>
        c.Execute(
            """
            INSERT INTO votes (member_id, proposal_id, choice, cast_at, updated_at)
            SELECT @memberId, @proposalId, @choice, @atMs, @atMs
            WHERE EXISTS (SELECT 1 FROM proposals p WHERE p.id = @proposalId AND p.status = 'voting' AND p.voting_starts_at <= @atMs AND p.voting_ends_at > @atMs)
              AND EXISTS (SELECT 1 FROM members m WHERE m.id = @memberId AND m.voting_right = 1)
            ON CONFLICT (proposal_id, member_id) DO UPDATE SET choice = excluded.choice, updated_at = excluded.updated_at
            """,
            new { memberId, proposalId, choice, atMs }, t) == 1;

    public static string? Choice(DbConnection c, DbTransaction? t, long memberId, long proposalId) =>
        c.QuerySingleOrDefault<string>("SELECT choice FROM votes WHERE member_id = @memberId AND proposal_id = @proposalId", new { memberId, proposalId }, t);

    /// <summary>One member's vote on a proposal with their handle, or null when they have not voted.</summary>
    public static (string Handle, string Choice)? Ballot(DbConnection c, DbTransaction? t, long memberId, long proposalId) =>
        c.Query<(string, string)>(
            "SELECT m.handle, v.choice FROM votes v JOIN members m ON m.id = v.member_id WHERE v.member_id = @memberId AND v.proposal_id = @proposalId",
            new { memberId, proposalId }, t).Select(b => ((string, string)?)b).FirstOrDefault();

    public static IReadOnlyList<(long MemberId, string Handle, string Choice)> Votes(DbConnection c, DbTransaction? t, long proposalId) =>
        c.Query<(long, string, string)>(
            "SELECT v.member_id, m.handle, v.choice FROM votes v JOIN members m ON m.id = v.member_id WHERE v.proposal_id = @proposalId ORDER BY m.id",
            new { proposalId }, t).AsList();

    public static IReadOnlyList<(string Slug, string? ParentSlug)> Areas(DbConnection c, DbTransaction? t) =>
        c.Query<(string, string?)>("SELECT a.slug, p.slug FROM areas a LEFT JOIN areas p ON p.id = a.parent_id ORDER BY a.id", transaction: t).AsList();

    public static IEnumerable<(string Handle, bool VotingRight)> Members(DbConnection c, DbTransaction? t) =>
        c.Query<(string, long)>("SELECT handle, voting_right FROM members ORDER BY id", transaction: t).Select(m => (m.Item1, m.Item2 != 0));

    /// <summary>
    /// The delegations in force at <paramref name="atMs"/> that can matter to the proposal:
    /// global, area and this proposal's own; delegates in rank order.
    /// </summary>
    public static IReadOnlyList<(long Id, string Member, string Kind, string? AreaSlug, string? Delegate)> Delegations(DbConnection c, DbTransaction? t, long proposalId, long atMs) =>
        c.Query<(long, string, string, string?, string?)>(
            """
            SELECT d.id, m.handle, d.scope_kind, a.slug, dm.handle
            FROM delegations d
            JOIN members m ON m.id = d.member_id
            LEFT JOIN areas a ON a.id = d.area_id
            LEFT JOIN delegation_delegates dd ON dd.delegation_id = d.id
            LEFT JOIN members dm ON dm.id = dd.delegate_id
            WHERE d.valid_from <= @atMs AND (d.valid_to IS NULL OR d.valid_to > @atMs)
              -- DESIGN §3 forbids delegating to oneself; a row that does anyway is left out
              -- rather than making the snapshot unrecountable.
              AND (dd.delegate_id IS NULL OR dd.delegate_id <> d.member_id)
              AND (d.scope_kind <> 'proposal' OR d.proposal_id = @proposalId)
            ORDER BY d.id, dd.rank
            """,
            new { proposalId, atMs }, t).AsList();

    public static void InsertResult(DbConnection c, DbTransaction t, ResultRow r) =>
        c.Execute(
            """
            INSERT INTO proposal_results (proposal_id, closed_at, passed, quorum_reached, yes, no, abstain, snapshot, tally)
            VALUES (@ProposalId, @ClosedAt, CASE WHEN @Passed THEN 1 ELSE 0 END, CASE WHEN @QuorumReached THEN 1 ELSE 0 END, @Yes, @No, @Abstain, @Snapshot, @Tally)
            """,
            r, t);

    /// <summary>Only the stored tally (JSON) of a closed vote: readers of the result need not load its snapshot, megabytes at 100,000 members.</summary>
    public static string? TallyJson(DbConnection c, long proposalId) =>
        c.QuerySingleOrDefault<string?>("SELECT tally FROM proposal_results WHERE proposal_id = @proposalId", new { proposalId });

    public static ResultRow? Result(DbConnection c, long proposalId) =>
        c.QuerySingleOrDefault<ResultRow>(
            """
            SELECT proposal_id AS ProposalId, closed_at AS ClosedAt, passed AS Passed, quorum_reached AS QuorumReached,
                   yes AS Yes, no AS No, abstain AS Abstain, snapshot AS Snapshot, tally AS Tally
            FROM proposal_results WHERE proposal_id = @proposalId
            """,
            new { proposalId });
}
