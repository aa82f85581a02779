using System.Data.Common;
using Governance.Core.Domain;
using Governance.Core.Events;
using Governance.Core.Karma;
using Governance.Core.Policies;
using Governance.Core.Proposals;
using Governance.Core.Storage;

namespace Governance.Core.Comments;

/// <summary>
/// Reports and hiding (issue 17). Any member reports a proposal or a comment once, with a
/// reason. The policy's autoHideReports reports from members of level 1 or more hide it until
/// a moderator decides. A moderator hides an open proposal or a comment with a public reason (a
/// proposal is then declined as abuse, with its karma penalty), or decides on an automatic hide
/// or an appeal: restore or keep hidden. The author may appeal a hide once. Each step is a
/// public event-log entry: the moderation log.
/// </summary>
public sealed class ReportService(Database database, TimeProvider clock, IDomainEventPublisher? events = null)
{
    public const string Proposal = "proposal";
    public const string Comment = "comment";
    public const int MaxReasonLength = 1_000;

    private readonly IDomainEventPublisher events = events ?? IDomainEventPublisher.None;

    /// <summary>Files a report; returns whether the target is now hidden.</summary>
    public bool Report(long actorId, string kind, long targetId, string reason)
    {
        reason = DeliberationText.Check(reason, "reason", MaxReasonLength, "A report's reason");
        return Published(Transactions.WriteLogged(database, (c, t) =>
        {
            var now = clock.GetUtcNow();
            var nowMs = Millis.Of(now);
            var member = MemberStore.Find(c, t, actorId) ?? throw new DomainException(DomainErrors.NotFound, "There is no such member.");
            var (proposalId, authorId) = Target(c, t, kind, targetId);
            if (authorId == actorId)
            {
                throw new DomainException(DomainErrors.NotAllowed, "You cannot report what you wrote yourself.", "target");
            }

            if (ReportStore.Reported(c, t, kind, targetId, actorId))
            {
                throw new DomainException(DomainErrors.AlreadyReported, "You reported this already; a moderator will look at it.", "target");
            }

            var org = PolicyService.Resolve(c, t, null, nowMs);
            var level = KarmaRules.Level(KarmaRules.Decay(member.Karma, member.KarmaAt, nowMs, org.KarmaHalfLifeDays), org);
            ReportStore.Insert(c, t, kind, targetId, proposalId, actorId, level, reason, nowMs);
            EventLog.Append(c, t, now, actorId, EventTypes.ContentReported, new { proposal = proposalId, kind, target = targetId, reason });
            var hidden = ReportStore.Hidden(c, t, kind, targetId) is { InForce: true };
            if (!hidden && ReportStore.OpenReports(c, t, kind, targetId, 1) >= org.AutoHideReports)
            {
                var why = $"Hidden after {org.AutoHideReports} reports from members of level 1 or more, until a moderator decides.";
                ReportStore.Hide(c, t, kind, targetId, proposalId, null, why, automatic: true, nowMs);
                EventLog.Append(c, t, now, null, EventTypes.ContentHidden, new { proposal = proposalId, kind, target = targetId, reason = why, automatic = true });
                hidden = true;
            }

            return hidden;
        }));
    }

    /// <summary>A moderator hides an open proposal (declined as abuse, with its penalty) or a comment, with a public reason.</summary>
    public HiddenRow Hide(long moderatorId, string kind, long targetId, string reason)
    {
        reason = DeliberationText.Check(reason, "reason", MaxReasonLength, "A moderator's reason");
        return Published(Transactions.WriteLogged(database, (c, t) =>
        {
            var now = clock.GetUtcNow();
            var nowMs = Millis.Of(now);
            RequireModerator(c, t, moderatorId);
            var (proposalId, authorId) = Target(c, t, kind, targetId);
            double penalty = 0;
            if (kind == Proposal)
            {
                var proposal = ProposalService.Load(c, t, proposalId);
                if (proposal.Status != ProposalStatus.Open)
                {
                    throw new DomainException(DomainErrors.ProposalNotOpen,
                        $"The proposal is {ProposalService.Describe(proposal.Status)}; only an open proposal can be hidden (the agenda queue declines the rest).", "target");
                }

                ProposalStore.Transition(c, t, proposalId, ProposalStatus.Open, ProposalStatus.Declined, nowMs, moderatorId, $"abuse: {reason}");
                ProposalStore.ReleaseAll(c, t, proposalId, nowMs);
                var org = PolicyService.Resolve(c, t, null, nowMs);
                penalty = -KarmaService.Adjust(c, t, authorId, -org.AbusePenalty, nowMs, org, $"proposal {proposalId} hidden as abuse").Applied;
            }

            ReportStore.Hide(c, t, kind, targetId, proposalId, moderatorId, reason, automatic: false, nowMs);
            ReportStore.DecideReports(c, t, kind, targetId, nowMs);
            EventLog.Append(c, t, now, moderatorId, EventTypes.ContentHidden, new { proposal = proposalId, kind, target = targetId, reason, automatic = false, penalty });
            return ReportStore.Hidden(c, t, kind, targetId)!;
        }));
    }

    /// <summary>
    /// A moderator decides reported or hidden content: restore it (an automatic hide lifted, an
    /// appeal upheld) or keep it as it is (reports dismissed, the hide upheld). Either way the
    /// open reports are closed, and the reason is public.
    /// </summary>
    public HiddenRow? Decide(long moderatorId, string kind, long targetId, bool restore, string reason)
    {
        reason = DeliberationText.Check(reason, "reason", MaxReasonLength, "A moderator's reason");
        return Published(Transactions.WriteLogged(database, (c, t) =>
        {
            var now = clock.GetUtcNow();
            var nowMs = Millis.Of(now);
            RequireModerator(c, t, moderatorId);
            var (proposalId, _) = Target(c, t, kind, targetId);
            var hidden = ReportStore.Hidden(c, t, kind, targetId);
            if (restore && hidden is { InForce: true })
            {
                ReportStore.Decide(c, t, kind, targetId, restore: true, nowMs);
                if (kind == Proposal && !hidden.Automatic)
                {
                    // A hidden proposal was declined as abuse; restored, it is open again (the penalty stands: a moderator can endorse to undo it).
                    ProposalStore.Transition(c, t, proposalId, ProposalStatus.Declined, ProposalStatus.Open, nowMs, moderatorId, $"restored: {reason}");
                }
            }
            else if (hidden is { InForce: true })
            {
                ReportStore.Decide(c, t, kind, targetId, restore: false, nowMs);
            }

            ReportStore.DecideReports(c, t, kind, targetId, nowMs);
            EventLog.Append(c, t, now, moderatorId, restore ? EventTypes.ContentRestored : EventTypes.ContentHideUpheld,
                new { proposal = proposalId, kind, target = targetId, reason });
            return ReportStore.Hidden(c, t, kind, targetId);
        }));
    }

    /// <summary>The author appeals a hide, once; it goes back to the moderators' queue.</summary>
    public HiddenRow Appeal(long authorId, string kind, long targetId, string text)
    {
        text = DeliberationText.Check(text, "text", MaxReasonLength, "An appeal");
        return Published(Transactions.WriteLogged(database, (c, t) =>
        {
            var now = clock.GetUtcNow();
            var (proposalId, owner) = Target(c, t, kind, targetId);
            if (owner != authorId)
            {
                throw new DomainException(DomainErrors.NotAllowed, "Only its author can appeal a hide.", "target");
            }

            var hidden = ReportStore.Hidden(c, t, kind, targetId);
            if (hidden is not { InForce: true })
            {
                throw new DomainException(DomainErrors.InvalidInput, "It is not hidden: there is nothing to appeal.", "target");
            }

            if (hidden.AppealedAt is not null)
            {
                throw new DomainException(DomainErrors.AlreadyAppealed, "A hide can be appealed once, and this one was.", "target");
            }

            ReportStore.Appeal(c, t, kind, targetId, text, Millis.Of(now));
            EventLog.Append(c, t, now, authorId, EventTypes.ContentAppealed, new { proposal = proposalId, kind, target = targetId, appeal = text });
            return ReportStore.Hidden(c, t, kind, targetId)!;
        }));
    }

    public IReadOnlyList<ReportQueueRow> Queue() => Transactions.Read(database, ReportStore.Queue);

    private static void RequireModerator(DbConnection c, DbTransaction t, long actorId)
    {
        if (!MemberStore.HasRole(c, t, actorId, "moderator"))
        {
            throw new DomainException(DomainErrors.NotAllowed, "Only a moderator can hide content or decide reports.");
        }
    }

    /// <summary>The target's proposal and author.</summary>
    private static (long ProposalId, long AuthorId) Target(DbConnection c, DbTransaction t, string kind, long targetId)
    {
        if (kind == Comment)
        {
            var comment = CommentStore.Find(c, t, targetId) ?? throw new DomainException(DomainErrors.NotFound, "There is no such comment.", "target");
            return (comment.ProposalId, comment.AuthorId);
        }

        var proposal = ProposalStore.Find(c, t, targetId) ?? throw new DomainException(DomainErrors.NotFound, "There is no such proposal.", "target");
        return (proposal.Id, proposal.AuthorId);
    }

    private T Published<T>((T Result, IReadOnlyList<LoggedEvent> Logged) written)
    {
        events.Publish(written.Logged);
        return written.Result;
    }
}
