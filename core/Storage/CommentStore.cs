using System.Data.Common;
using Dapper;

namespace Governance.Core.Storage;

/// <summary>A comment as stored; <see cref="Body"/> is empty once it was deleted.</summary>
public sealed record CommentRow(
    long Id,
    long ProposalId,
    long? ThreadId,
    long? ParentId,
    long? ReplyToId,
    int Depth,
    long AuthorId,
    string Body,
    long CreatedAt,
    long? EditedAt,
    long? DeletedAt,
    int Endorsements)
{
    // For Dapper: it sets the properties, converting SQLite's INTEGER.
    public CommentRow()
        : this(0, 0, null, null, null, 1, 0, string.Empty, 0, null, null, 0)
    {
    }

    /// <summary>The thread it belongs to: its own id for a top-level comment.</summary>
    public long Thread => ThreadId ?? Id;
}

/// <summary>A text a comment had before an edit.</summary>
public sealed record CommentVersionRow(long CommentId, int Version, string Body, long WrittenAt)
{
    public CommentVersionRow()
        : this(0, 0, string.Empty, 0)
    {
    }
}

/// <summary>The SQL of comments, their earlier versions and their endorsements.</summary>
public static class CommentStore
{
    private const string Columns = """
        id AS Id, proposal_id AS ProposalId, thread_id AS ThreadId, parent_id AS ParentId, reply_to_id AS ReplyToId,
        depth AS Depth, author_id AS AuthorId, body AS Body, created_at AS CreatedAt, edited_at AS EditedAt,
        deleted_at AS DeletedAt, endorsements AS Endorsements
        """;

    public static CommentRow? Find(DbConnection c, DbTransaction? t, long id) =>
        c.QuerySingleOrDefault<CommentRow>($"SELECT {Columns} FROM comments WHERE id = @id", new { id }, t);

    public static IReadOnlyList<CommentRow> Many(DbConnection c, DbTransaction? t, IReadOnlyCollection<long> ids) =>
        ids.Count == 0 ? [] : c.Query<CommentRow>($"SELECT {Columns} FROM comments WHERE id {c.InList("@ids")}", new { ids = ids.ToArray() }, t).AsList();

    public static long Insert(DbConnection c, DbTransaction t, long proposalId, long? threadId, long? parentId, long? replyToId, int depth, long authorId, string body, long at) =>
        c.ExecuteScalar<long>(
            """
            INSERT INTO comments (proposal_id, thread_id, parent_id, reply_to_id, depth, author_id, body, created_at)
            VALUES (@proposalId, @threadId, @parentId, @replyToId, @depth, @authorId, @body, @at) RETURNING id
            """,
            new { proposalId, threadId, parentId, replyToId, depth, authorId, body, at }, t);

    /// <summary>Keeps the text being replaced as the next version, then writes the new one.</summary>
    public static void Edit(DbConnection c, DbTransaction t, CommentRow comment, string body, long at)
    {
        c.Execute(
            """
            INSERT INTO comment_versions (comment_id, version, body, written_at)
            VALUES (@Id, (SELECT count(*) + 1 FROM comment_versions WHERE comment_id = @Id), @Body, @WrittenAt)
            """,
            new { comment.Id, comment.Body, WrittenAt = comment.EditedAt ?? comment.CreatedAt }, t);
        c.Execute("UPDATE comments SET body = @body, edited_at = @at WHERE id = @id", new { id = comment.Id, body, at }, t);
    }

    /// <summary>A deletion leaves the row in its thread, without its text or its history.</summary>
    public static void Delete(DbConnection c, DbTransaction t, long id, long at)
    {
        c.Execute("DELETE FROM comment_versions WHERE comment_id = @id", new { id }, t);
        c.Execute("UPDATE comments SET body = '', deleted_at = @at WHERE id = @id", new { id, at }, t);
    }

    public static bool Endorsed(DbConnection c, DbTransaction? t, long commentId, long memberId) =>
        c.ExecuteScalarLong(t, "SELECT count(*) FROM comment_endorsements WHERE comment_id = @commentId AND member_id = @memberId", new { commentId, memberId }) > 0;

    /// <summary>Adds or takes back an endorsement; returns the comment's count afterwards.</summary>
    public static int SetEndorsement(DbConnection c, DbTransaction t, long commentId, long memberId, bool endorse, long at)
    {
        if (endorse)
        {
            c.Execute("INSERT INTO comment_endorsements (comment_id, member_id, at) VALUES (@commentId, @memberId, @at)", new { commentId, memberId, at }, t);
        }
        else
        {
            c.Execute("DELETE FROM comment_endorsements WHERE comment_id = @commentId AND member_id = @memberId", new { commentId, memberId }, t);
        }

        c.Execute("UPDATE comments SET endorsements = (SELECT count(*) FROM comment_endorsements WHERE comment_id = @commentId) WHERE id = @commentId", new { commentId }, t);
        return (int)c.ExecuteScalarLong(t, "SELECT endorsements FROM comments WHERE id = @commentId", new { commentId });
    }

    /// <summary>Which of <paramref name="commentIds"/> the member endorsed.</summary>
    public static IReadOnlySet<long> EndorsedBy(DbConnection c, long memberId, IReadOnlyCollection<long> commentIds) =>
        commentIds.Count == 0
            ? new HashSet<long>()
            : c.Query<long>($"SELECT comment_id FROM comment_endorsements WHERE member_id = @memberId AND comment_id {c.InList("@ids")}",
                new { memberId, ids = commentIds.ToArray() }).ToHashSet();

    public static IReadOnlyList<CommentVersionRow> Versions(DbConnection c, long commentId) =>
        c.Query<CommentVersionRow>(
            "SELECT comment_id AS CommentId, version AS Version, body AS Body, written_at AS WrittenAt FROM comment_versions WHERE comment_id = @commentId ORDER BY version",
            new { commentId }).AsList();

    public static long CountOnProposal(DbConnection c, long proposalId) =>
        c.ExecuteScalarLong(null, "SELECT count(*) FROM comments WHERE proposal_id = @proposalId", new { proposalId });

    public static long CountThreads(DbConnection c, long proposalId, DbTransaction? t = null) =>
        c.ExecuteScalarLong(t, "SELECT count(*) FROM comments WHERE proposal_id = @proposalId AND depth = 1", new { proposalId });

    /// <summary>
    /// One page of a proposal's threads (top-level comments) between keyset positions, in the
    /// order asked: newest or oldest by id, or most endorsed (ties: newest first). At most
    /// <paramref name="limit"/> from the head of that window, or from its tail when
    /// <paramref name="fromTail"/> (then still returned in the walk's order).
    /// </summary>
    public static IReadOnlyList<CommentRow> Threads(
        DbConnection c, long proposalId, CommentOrder order, (long Primary, long Id)? after, int limit,
        (long Primary, long Id)? before = null, bool fromTail = false, DbTransaction? t = null)
    {
        var (later, earlier, walk, back) = order switch
        {
            CommentOrder.Oldest => ("id > @aid", "id < @bid", "id", "id DESC"),
            CommentOrder.MostEndorsed => (
                "(endorsements < @aprimary OR (endorsements = @aprimary AND id < @aid))",
                "(endorsements > @bprimary OR (endorsements = @bprimary AND id > @bid))",
                "endorsements DESC, id DESC",
                "endorsements, id"),
            _ => ("id < @aid", "id > @bid", "id DESC", "id"),
        };
        var sql = $"SELECT {Columns} FROM comments WHERE proposal_id = @proposalId AND depth = 1"
            + (after is null ? "" : " AND " + later) + (before is null ? "" : " AND " + earlier)
            + $" ORDER BY {(fromTail ? back : walk)} LIMIT @limit";
        var rows = c.Query<CommentRow>(sql, new
        {
            proposalId,
            aprimary = after?.Primary ?? 0,
            aid = after?.Id ?? 0,
            bprimary = before?.Primary ?? 0,
            bid = before?.Id ?? 0,
            limit,
        }, t).AsList();
        if (fromTail)
        {
            rows.Reverse();
        }

        return rows;
    }

    /// <summary>The replies in the given threads, oldest first (the order a reader follows a thread in).</summary>
    public static IReadOnlyList<CommentRow> Replies(DbConnection c, IReadOnlyCollection<long> threadIds) =>
        threadIds.Count == 0
            ? []
            : c.Query<CommentRow>($"SELECT {Columns} FROM comments WHERE thread_id {c.InList("@ids")} ORDER BY id", new { ids = threadIds.ToArray() }).AsList();

    /// <summary>How many replies each thread has.</summary>
    public static IReadOnlyDictionary<long, int> ReplyCounts(DbConnection c, IReadOnlyCollection<long> threadIds) =>
        threadIds.Count == 0
            ? new Dictionary<long, int>()
            : c.Query<(long Thread, long Count)>($"SELECT thread_id, count(*) FROM comments WHERE thread_id {c.InList("@ids")} GROUP BY thread_id",
                new { ids = threadIds.ToArray() }).ToDictionary(r => r.Thread, r => (int)r.Count);
}

/// <summary>The orders of a proposal's discussion.</summary>
public enum CommentOrder
{
    Newest,
    Oldest,
    MostEndorsed,
}
