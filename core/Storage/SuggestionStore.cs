using System.Data.Common;
using Dapper;

namespace Governance.Core.Storage;

/// <summary>A suggestion with its opinions counted (LiquidFeedback's model).</summary>
public sealed record SuggestionRow(
    long Id,
    long ProposalId,
    long AuthorId,
    string Body,
    long CreatedAt,
    int CreatedVersion,
    long? AnsweredAt,
    int Must,
    int Should,
    int ShouldNot,
    int MustNot,
    int Fulfilled,
    int NotFulfilled,
    long SupportWeight)
{
    public SuggestionRow()
        : this(0, 0, 0, string.Empty, 0, 1, null, 0, 0, 0, 0, 0, 0, 0)
    {
    }

    /// <summary>The head count: must counts 2, should 1, should not −1, must not −2, whoever gave it.</summary>
    public int Weight => (2 * Must) + Should - ShouldNot - (2 * MustNot);
}

/// <summary>A member's opinion on a suggestion: degree 2 must, 1 should, −1 should not, −2 must not; fulfilled once given after an edit.</summary>
public sealed record OpinionRow(int Degree, bool? Fulfilled)
{
    public OpinionRow()
        : this(0, null)
    {
    }
}

/// <summary>The SQL of suggestions and the opinions on them.</summary>
public static class SuggestionStore
{
    // One pass over the opinions, grouped: a subquery per count per suggestion made 300 suggestions slow.
    private const string Select = """
        SELECT s.id AS Id, s.proposal_id AS ProposalId, s.author_id AS AuthorId, s.body AS Body, s.created_at AS CreatedAt,
               s.created_version AS CreatedVersion, s.answered_at AS AnsweredAt,
               count(CASE WHEN o.degree = 2 THEN 1 END) AS Must,
               count(CASE WHEN o.degree = 1 THEN 1 END) AS Should,
               count(CASE WHEN o.degree = -1 THEN 1 END) AS ShouldNot,
               count(CASE WHEN o.degree = -2 THEN 1 END) AS MustNot,
               count(CASE WHEN o.fulfilled = 1 THEN 1 END) AS Fulfilled,
               count(CASE WHEN o.fulfilled = 0 THEN 1 END) AS NotFulfilled,
               CAST(coalesce(sum(o.degree * sp.points), 0) AS BIGINT) AS SupportWeight
        FROM suggestions s
        JOIN proposals p ON p.id = s.proposal_id
        LEFT JOIN suggestion_opinions o ON o.suggestion_id = s.id
        LEFT JOIN supports sp ON sp.member_id = o.member_id AND sp.proposal_id = s.proposal_id AND (sp.released_at IS NULL OR sp.released_at = p.on_agenda_at)
        """;

    private const string Group = "GROUP BY s.id, s.proposal_id, s.author_id, s.body, s.created_at, s.created_version, s.answered_at";

    public static SuggestionRow? Find(DbConnection c, DbTransaction? t, long id) =>
        c.QuerySingleOrDefault<SuggestionRow>($"{Select} WHERE s.id = @id {Group}", new { id }, t);

    /// <summary>
    /// A proposal's suggestions, ranked as LiquidFeedback ranks them: by the weight of their
    /// supporters' opinions (each opinion's degree times the points its member gives the
    /// proposal), then by the head count of opinions, then oldest first (docs/deliberation.md).
    /// </summary>
    public static IReadOnlyList<SuggestionRow> OfProposal(DbConnection c, long proposalId) =>
        c.Query<SuggestionRow>($"{Select} WHERE s.proposal_id = @proposalId {Group} ORDER BY s.id", new { proposalId })
            .OrderByDescending(s => s.SupportWeight).ThenByDescending(s => s.Weight).ThenBy(s => s.Id).ToList();

    public static long Insert(DbConnection c, DbTransaction t, long proposalId, long authorId, string body, int version, long at) =>
        c.ExecuteScalar<long>(
            "INSERT INTO suggestions (proposal_id, author_id, body, created_at, created_version) VALUES (@proposalId, @authorId, @body, @at, @version) RETURNING id",
            new { proposalId, authorId, body, at, version }, t);

    public static void SetOpinion(DbConnection c, DbTransaction t, long suggestionId, long memberId, int? degree, bool? fulfilled, long at)
    {
        if (degree is null)
        {
            c.Execute("DELETE FROM suggestion_opinions WHERE suggestion_id = @suggestionId AND member_id = @memberId", new { suggestionId, memberId }, t);
            return;
        }

        c.Execute(
            """
            INSERT INTO suggestion_opinions (suggestion_id, member_id, degree, fulfilled, at) VALUES (@suggestionId, @memberId, @degree, @f, @at)
            ON CONFLICT (suggestion_id, member_id) DO UPDATE SET degree = excluded.degree, fulfilled = excluded.fulfilled, at = excluded.at
            """,
            new { suggestionId, memberId, degree, f = fulfilled is { } v ? (v ? 1 : 0) : (int?)null, at }, t);
    }

    /// <summary>A member's opinions on many suggestions at once (a page of them), by suggestion.</summary>
    public static IReadOnlyDictionary<long, OpinionRow> OpinionsOf(DbConnection c, long memberId, IReadOnlyCollection<long> suggestionIds) =>
        suggestionIds.Count == 0
            ? new Dictionary<long, OpinionRow>()
            : c.Query<(long SuggestionId, int Degree, bool? Fulfilled)>(
                    $"SELECT suggestion_id, degree, fulfilled FROM suggestion_opinions WHERE member_id = @memberId AND suggestion_id {c.InList("@ids")}",
                    new { memberId, ids = suggestionIds.ToArray() })
                .ToDictionary(o => o.SuggestionId, o => new OpinionRow(o.Degree, o.Fulfilled));

    public static OpinionRow? Opinion(DbConnection c, long suggestionId, long memberId) =>
        c.QuerySingleOrDefault<OpinionRow>(
            "SELECT degree AS Degree, fulfilled AS Fulfilled FROM suggestion_opinions WHERE suggestion_id = @suggestionId AND member_id = @memberId", new { suggestionId, memberId });

    public static void SetAnswered(DbConnection c, DbTransaction t, long id, long? at) =>
        c.Execute("UPDATE suggestions SET answered_at = @at WHERE id = @id", new { id, at }, t);
}
