using System.Data.Common;
using Governance.Core.Domain;
using Governance.Core.Events;
using Governance.Core.Karma;
using Governance.Core.Policies;
using Governance.Core.Storage;

namespace Governance.Core.Proposals;

/// <summary>
/// The moderators' agenda queue (DESIGN §5): schedule, return, merge or decline what bubbled
/// up. Every action needs a moderator and a reason, and the reason is public (status history
/// and event log). An appealed proposal can only be scheduled.
/// </summary>
public sealed class ModerationService(Database database, TimeProvider clock, IDomainEventPublisher? events = null)
{
    /// <summary>
    /// The longest reason: enough for a paragraph that explains a decision, short enough that
    /// the public log and the proposal's history stay readable (a 20,000-character reason once
    /// squeezed every other column of the log to one character).
    /// </summary>
    public const int MaxReasonLength = 1_000;

    private readonly IDomainEventPublisher events = events ?? IDomainEventPublisher.None;

    /// <summary>The agenda queue, oldest first; appealed proposals are flagged MustSchedule.</summary>
    public IReadOnlyList<ProposalView> Queue() => Transactions.Read(database, c =>
        ProposalStore.WithStatus(c, null, ProposalStatus.OnAgenda)
            .OrderBy(p => p.OnAgendaAt).ThenBy(p => p.Id)
            .Select(p => ProposalService.View(c, null, p)).ToList());

    /// <summary>
    /// Schedules a vote: the discussion starts at <paramref name="discussionStartsAt"/> (now by
    /// default; never in the past), voting follows after the discussion window and lasts the
    /// voting window of the proposal's policy.
    /// </summary>
    public ProposalView Schedule(long actorId, long proposalId, string reason, DateTimeOffset? discussionStartsAt = null) =>
        Act(actorId, proposalId, reason, allowMustSchedule: true, (c, t, proposal, now) =>
        {
            var nowMs = Millis.Of(now);
            var start = discussionStartsAt is { } s ? Millis.Of(s) : nowMs;
            if (start < nowMs)
            {
                throw new DomainException(DomainErrors.InvalidInput, $"The discussion cannot start in the past ({Millis.At(start):u} is before now, {now:u}).");
            }

            var policy = ProposalService.PolicyOf(c, t, proposal);
            var votingStarts = start + Millis.Days(policy.DiscussionDays);
            var votingEnds = votingStarts + Millis.Days(policy.VotingDays);
            ProposalStore.Transition(c, t, proposalId, ProposalStatus.OnAgenda, ProposalStatus.Scheduled, nowMs, actorId, reason);
            ProposalStore.Set(c, t, proposalId, "discussion_starts_at = @start, voting_starts_at = @votingStarts, voting_ends_at = @votingEnds, must_schedule = 0",
                new { start, votingStarts, votingEnds });
            EventLog.Append(c, t, now, actorId, EventTypes.ProposalScheduled,
                new { proposal = proposalId, reason, discussionStartsAt = start, votingStartsAt = votingStarts, votingEndsAt = votingEnds });
        });

    /// <summary>Back to Open for more work; the support it had comes back where it still fits its members' allowances.</summary>
    public ProposalView Return(long actorId, long proposalId, string reason) =>
        Act(actorId, proposalId, reason, allowMustSchedule: false, (c, t, proposal, now) =>
        {
            var nowMs = Millis.Of(now);
            var policy = ProposalService.PolicyOf(c, t, proposal);
            ProposalStore.Transition(c, t, proposalId, ProposalStatus.OnAgenda, ProposalStatus.Open, nowMs, actorId, reason);
            ProposalStore.Set(c, t, proposalId, "expires_at = @expires, on_agenda_at = NULL", new { expires = nowMs + Millis.Days(policy.ExpiryDays) });
            var restored = MoveSupport(c, t, proposal, proposalId, nowMs);
            EventLog.Append(c, t, now, actorId, EventTypes.ProposalReturned, new { proposal = proposalId, reason, supportRestored = restored });
        });

    /// <summary>Merges the proposal into another open or queued one; its support moves there where it fits.</summary>
    public ProposalView Merge(long actorId, long proposalId, long intoProposalId, string reason) =>
        Act(actorId, proposalId, reason, allowMustSchedule: false, (c, t, proposal, now) =>
        {
            var nowMs = Millis.Of(now);
            if (intoProposalId == proposalId)
            {
                throw new DomainException(DomainErrors.InvalidInput, "A proposal cannot be merged into itself.");
            }

            var target = ProposalService.Load(c, t, intoProposalId);
            if (target.Status is not (ProposalStatus.Open or ProposalStatus.OnAgenda))
            {
                throw new DomainException(DomainErrors.InvalidTransition,
                    $"Proposal {intoProposalId} is {ProposalService.Describe(target.Status)}; merge only into an open proposal or one on the agenda.");
            }

            ProposalStore.Transition(c, t, proposalId, ProposalStatus.OnAgenda, ProposalStatus.Merged, nowMs, actorId, reason);
            ProposalStore.Set(c, t, proposalId, "merged_into_id = @intoProposalId", new { intoProposalId });

            // Support moves only onto an open target: points on the agenda are released anyway.
            var moved = target.Status == ProposalStatus.Open ? MoveSupport(c, t, proposal, intoProposalId, nowMs) : 0;
            EventLog.Append(c, t, now, actorId, EventTypes.ProposalMerged, new { proposal = proposalId, into = intoProposalId, reason, supportMoved = moved });
            if (moved > 0)
            {
                var targetPolicy = ProposalService.PolicyOf(c, t, target);
                Agenda.TryBubble(c, t, target, Agenda.Thresholds(c, t, nowMs, targetPolicy), targetPolicy, now);
            }
        });

    /// <summary>
    /// Declines with a public reason; <paramref name="abuse"/> (spam or abuse) costs the author
    /// the abuse penalty. Support may then gather for an appeal during the appeal window.
    /// </summary>
    public ProposalView Decline(long actorId, long proposalId, string reason, bool abuse = false) =>
        Act(actorId, proposalId, reason, allowMustSchedule: false, (c, t, proposal, now) =>
        {
            var nowMs = Millis.Of(now);
            var policy = ProposalService.PolicyOf(c, t, proposal);
            ProposalStore.Transition(c, t, proposalId, ProposalStatus.OnAgenda, ProposalStatus.Declined, nowMs, actorId, abuse ? $"abuse: {reason}" : reason);
            ProposalStore.Set(c, t, proposalId, "appeal_until = @until, appeal_closed = 0", new { until = nowMs + Millis.Days(policy.AppealDays) });
            double penalty = 0;
            if (abuse)
            {
                var org = PolicyService.Resolve(c, t, null, nowMs);
                penalty = -KarmaService.Adjust(c, t, proposal.AuthorId, -org.AbusePenalty, nowMs, org, $"proposal {proposalId} declined as abuse").Applied;
            }

            EventLog.Append(c, t, now, actorId, EventTypes.ProposalDeclined, new { proposal = proposalId, reason, abuse, penalty });
        });

    private ProposalView Act(long actorId, long proposalId, string reason, bool allowMustSchedule, Action<DbConnection, DbTransaction, ProposalRow, DateTimeOffset> action)
    {
        reason = (reason ?? string.Empty).Trim();
        var (view, logged) = Transactions.WriteLogged(database, (c, t) =>
        {
            if (!MemberStore.HasRole(c, t, actorId, "moderator"))
            {
                throw new DomainException(DomainErrors.NotAllowed, "Only a moderator can act on the agenda queue.");
            }

            if (reason.Length == 0)
            {
                throw new DomainException(DomainErrors.ReasonRequired, "Every moderator action needs a reason; it is shown publicly with the decision.", "reason");
            }

            if (reason.Length > MaxReasonLength)
            {
                throw new DomainException(DomainErrors.InvalidInput, $"A reason may have at most {MaxReasonLength} characters (this one has {reason.Length}).", "reason");
            }

            var proposal = ProposalService.Load(c, t, proposalId);
            if (proposal.Status != ProposalStatus.OnAgenda)
            {
                throw new DomainException(DomainErrors.NotInQueue, $"The proposal is {ProposalService.Describe(proposal.Status)}, not in the agenda queue.");
            }

            if (proposal.MustSchedule && !allowMustSchedule)
            {
                throw new DomainException(DomainErrors.MustBeScheduled, "The proposal came back on appeal and must be scheduled.");
            }

            var now = clock.GetUtcNow();
            action(c, t, proposal, now);
            MemberStore.Touch(c, t, actorId, Millis.Of(now));
            return ProposalService.View(c, t, proposalId)!;
        });
        events.Publish(logged);
        return view;
    }

    /// <summary>
    /// Re-allocates the support <paramref name="from"/> held when it reached the agenda onto
    /// <paramref name="toProposalId"/>, each member's points capped by their per-proposal cap
    /// and their free allowance of the moment: no move can break the allowance. Returns the points moved.
    /// </summary>
    private static int MoveSupport(DbConnection c, DbTransaction t, ProposalRow from, long toProposalId, long nowMs)
    {
        if (from.OnAgendaAt is not { } releasedAt)
        {
            return 0;
        }

        var org = PolicyService.Resolve(c, t, null, nowMs);
        var moved = 0;
        foreach (var support in ProposalStore.SupportsReleasedAt(c, t, from.Id, releasedAt))
        {
            var member = MemberStore.Find(c, t, support.MemberId)!;
            var level = KarmaRules.Level(KarmaRules.Decay(member.Karma, member.KarmaAt, nowMs, org.KarmaHalfLifeDays), org);
            var existing = ProposalStore.FindSupport(c, t, support.MemberId, toProposalId);
            var current = existing is { ReleasedAt: null } ? existing.Points : 0;
            var free = KarmaRules.Allowance(level, org) - KarmaStore.AllocatedPoints(c, t, support.MemberId);
            var points = Math.Min(KarmaRules.ProposalCap(level), current + Math.Min(support.Points, free));
            if (points > current)
            {
                ProposalStore.UpsertSupport(c, t, support.MemberId, toProposalId, points, nowMs, early: false);
                moved += points - current;
            }
        }

        return moved;
    }
}
