using System.Data.Common;
using Governance.Core.Domain;
using Governance.Core.Events;
using Governance.Core.Proposals;
using Governance.Core.Storage;

namespace Governance.Core.Comments;

/// <summary>
/// A proposal's discussion (issue 17): members comment and reply, threaded three levels deep
/// (a reply to the third level shows beside what it answers, and says whom it answers); an
/// author edits (the replaced text is kept, for anyone to read) or deletes (the comment stays
/// in its thread as "deleted"); members endorse the comments they find useful. Commenting is
/// open while the proposal is alive and for the policy's commentDaysAfterClose after it closed.
/// </summary>
public sealed class CommentService(Database database, TimeProvider clock, IDomainEventPublisher? events = null)
{
    /// <summary>The longest comment: a few paragraphs with a quote; a position paper belongs in a proposal.</summary>
    public const int MaxBodyLength = 5_000;

    /// <summary>How deep replies nest; a reply to a comment this deep shows at this depth.</summary>
    public const int MaxDepth = 3;

    private readonly IDomainEventPublisher events = events ?? IDomainEventPublisher.None;

    /// <summary>A new comment on <paramref name="proposalId"/>, or a reply to <paramref name="replyToId"/> on it.</summary>
    public CommentRow Post(long actorId, long proposalId, string body, long? replyToId = null)
    {
        body = DeliberationText.Check(body, "body", MaxBodyLength, "A comment");
        return Published(Transactions.WriteLogged(database, (c, t) =>
        {
            var now = clock.GetUtcNow();
            var nowMs = Millis.Of(now);
            _ = MemberStore.Find(c, t, actorId) ?? throw new DomainException(DomainErrors.NotFound, "There is no such member.");
            var proposal = ProposalService.Load(c, t, proposalId);
            RequireOpenForComments(c, t, proposal, nowMs);
            long? threadId = null, parentId = null;
            var depth = 1;
            if (replyToId is { } to)
            {
                var answered = CommentStore.Find(c, t, to);
                if (answered is null || answered.ProposalId != proposalId)
                {
                    throw new DomainException(DomainErrors.NotFound, "There is no such comment on this proposal.", "replyTo");
                }

                threadId = answered.Thread;
                (parentId, depth) = answered.Depth < MaxDepth ? (answered.Id, answered.Depth + 1) : (answered.ParentId, MaxDepth);
            }

            var id = CommentStore.Insert(c, t, proposalId, threadId, parentId, replyToId, depth, actorId, body, nowMs);
            MemberStore.Touch(c, t, actorId, nowMs);
            EventLog.Append(c, t, now, actorId, EventTypes.CommentPosted, new { proposal = proposalId, comment = id, replyTo = replyToId });
            return CommentStore.Find(c, t, id)!;
        }));
    }

    /// <summary>The author rewrites a comment; the text it replaces is kept as a version.</summary>
    public CommentRow Edit(long actorId, long commentId, string body)
    {
        body = DeliberationText.Check(body, "body", MaxBodyLength, "A comment");
        return Published(Transactions.WriteLogged(database, (c, t) =>
        {
            var now = clock.GetUtcNow();
            var nowMs = Millis.Of(now);
            var comment = OwnLiveComment(c, t, actorId, commentId, "edit");
            RequireOpenForComments(c, t, ProposalService.Load(c, t, comment.ProposalId), nowMs);
            if (comment.Body == body)
            {
                return comment;
            }

            CommentStore.Edit(c, t, comment, body, nowMs);
            EventLog.Append(c, t, now, actorId, EventTypes.CommentEdited, new { proposal = comment.ProposalId, comment = commentId });
            return CommentStore.Find(c, t, commentId)!;
        }));
    }

    /// <summary>The author deletes a comment: its text and history go, its place in the thread stays.</summary>
    public CommentRow Delete(long actorId, long commentId) => Published(Transactions.WriteLogged(database, (c, t) =>
    {
        var now = clock.GetUtcNow();
        var comment = OwnLiveComment(c, t, actorId, commentId, "delete");
        CommentStore.Delete(c, t, commentId, Millis.Of(now));
        EventLog.Append(c, t, now, actorId, EventTypes.CommentDeleted, new { proposal = comment.ProposalId, comment = commentId });
        return CommentStore.Find(c, t, commentId)!;
    }));

    /// <summary>Endorses a comment as useful (or takes that back); never one's own, never a deleted one.</summary>
    public CommentRow Endorse(long actorId, long commentId, bool endorse) => Published(Transactions.WriteLogged(database, (c, t) =>
    {
        var now = clock.GetUtcNow();
        _ = MemberStore.Find(c, t, actorId) ?? throw new DomainException(DomainErrors.NotFound, "There is no such member.");
        var comment = CommentStore.Find(c, t, commentId) ?? throw new DomainException(DomainErrors.NotFound, "There is no such comment.", "comment");
        if (comment.DeletedAt is not null)
        {
            throw new DomainException(DomainErrors.CommentDeleted, "The comment was deleted.", "comment");
        }

        if (comment.AuthorId == actorId)
        {
            throw new DomainException(DomainErrors.NotAllowed, "You cannot endorse your own comment.", "comment");
        }

        if (CommentStore.Endorsed(c, t, commentId, actorId) == endorse)
        {
            return comment;
        }

        CommentStore.SetEndorsement(c, t, commentId, actorId, endorse, Millis.Of(now));
        EventLog.Append(c, t, now, actorId, EventTypes.CommentEndorsed, new { proposal = comment.ProposalId, comment = commentId, endorse });
        return CommentStore.Find(c, t, commentId)!;
    }));

    /// <summary>
    /// Comments are open while the proposal is alive, and for the policy's commentDaysAfterClose
    /// after it closed (so a result can still be talked over), then closed for good.
    /// </summary>
    private static void RequireOpenForComments(DbConnection c, DbTransaction t, ProposalRow proposal, long nowMs)
    {
        if (!ProposalStatus.Closed.Contains(proposal.Status))
        {
            return;
        }

        var closedAt = c.ExecuteScalarLong(t, "SELECT coalesce(max(at), 0) FROM proposal_status_history WHERE proposal_id = @id AND status = @status",
            new { id = proposal.Id, status = proposal.Status });
        var days = ProposalService.PolicyOf(c, t, proposal).CommentDaysAfterClose;
        if (nowMs >= closedAt + Millis.Days(days))
        {
            throw new DomainException(DomainErrors.CommentsClosed,
                $"The proposal is {ProposalService.Describe(proposal.Status)} and its discussion closed {days:0.#} days after that, on {Millis.At(closedAt + Millis.Days(days)):u}.", "proposal");
        }
    }

    private static CommentRow OwnLiveComment(DbConnection c, DbTransaction t, long actorId, long commentId, string verb)
    {
        var comment = CommentStore.Find(c, t, commentId) ?? throw new DomainException(DomainErrors.NotFound, "There is no such comment.", "comment");
        if (comment.AuthorId != actorId)
        {
            throw new DomainException(DomainErrors.NotAllowed, $"Only its author can {verb} a comment.", "comment");
        }

        return comment.DeletedAt is null
            ? comment
            : throw new DomainException(DomainErrors.CommentDeleted, "The comment was deleted.", "comment");
    }

    private T Published<T>((T Result, IReadOnlyList<LoggedEvent> Logged) written)
    {
        events.Publish(written.Logged);
        return written.Result;
    }
}
