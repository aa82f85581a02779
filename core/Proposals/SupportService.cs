using Governance.Core.Domain;
using Governance.Core.Events;
using Governance.Core.Karma;
using Governance.Core.Policies;
using Governance.Core.Storage;

namespace Governance.Core.Proposals;

/// <summary>A member's support on a proposal after a command, with what they have left.</summary>
public sealed record SupportResult(long MemberId, long ProposalId, int Points, int Allocated, int Allowance, int ProposalScore, string ProposalStatus);

/// <summary>
/// Support points (DESIGN §4–§5). A member sets how many points they put on an open proposal
/// (or on a declined one while its appeal is open), within the per-proposal cap and the
/// allowance of the moment; points already allocated stand when karma falls. The check and
/// the write share one IMMEDIATE transaction, so concurrent allocations by one member are
/// serialised and can never add up beyond the allowance.
/// </summary>
public sealed class SupportService(Database database, TimeProvider clock, IDomainEventPublisher? events = null)
{
    private readonly IDomainEventPublisher events = events ?? IDomainEventPublisher.None;

    /// <summary>Sets the member's points on the proposal to <paramref name="points"/> (1 … cap).</summary>
    public SupportResult Allocate(long actorId, long proposalId, int points) => Published(Transactions.WriteLogged(database, AllocateCommand(actorId, proposalId, points)));

    /// <summary><see cref="Allocate"/>, waiting for the write lock without holding a thread (a request's form).</summary>
    public async Task<SupportResult> AllocateAsync(long actorId, long proposalId, int points) =>
        Published(await Transactions.WriteLoggedAsync(database, AllocateCommand(actorId, proposalId, points)));

    /// <summary>Takes the member's points off the proposal; they are free again at once.</summary>
    public SupportResult Withdraw(long actorId, long proposalId) => Published(Transactions.WriteLogged(database, WithdrawCommand(actorId, proposalId)));

    /// <summary><see cref="Withdraw"/>, waiting for the write lock without holding a thread (a request's form).</summary>
    public async Task<SupportResult> WithdrawAsync(long actorId, long proposalId) =>
        Published(await Transactions.WriteLoggedAsync(database, WithdrawCommand(actorId, proposalId)));

    private Func<System.Data.Common.DbConnection, System.Data.Common.DbTransaction, SupportResult> AllocateCommand(long actorId, long proposalId, int points) => (c, t) =>
    {
        var now = clock.GetUtcNow();
        var nowMs = Millis.Of(now);
        var member = MemberStore.Find(c, t, actorId) ?? throw new DomainException(DomainErrors.NotFound, "There is no such member.");
        var proposal = ProposalService.Load(c, t, proposalId);
        if (proposal.IssueId is { } issueId && !IssueService.InDiscussion(ProposalService.Load(c, t, issueId), nowMs))
        {
            throw new DomainException(DomainErrors.ProposalNotOpen,
                $"This alternative takes support only during the discussion window of its issue ({issueId}).");
        }

        var appealOpen = proposal.Status == ProposalStatus.Declined && !proposal.AppealClosed && proposal.AppealUntil > nowMs;
        if (proposal.Status != ProposalStatus.Open && !appealOpen)
        {
            throw new DomainException(DomainErrors.ProposalNotOpen,
                $"The proposal is {ProposalService.Describe(proposal.Status)}; support goes only to open proposals (or to a declined one during its appeal).");
        }

        var org = PolicyService.Resolve(c, t, null, nowMs);
        var level = KarmaRules.Level(KarmaRules.Decay(member.Karma, member.KarmaAt, nowMs, org.KarmaHalfLifeDays), org);
        var cap = KarmaRules.ProposalCap(level);
        var allowance = KarmaRules.Allowance(level, org);
        if (points < 1)
        {
            throw new DomainException(DomainErrors.InvalidInput, "Allocate at least 1 point; to take support back, withdraw it.");
        }

        var existing = ProposalStore.FindSupport(c, t, actorId, proposalId);
        var current = existing is { ReleasedAt: null } ? existing.Points : 0;
        var allocated = KarmaStore.AllocatedPoints(c, t, actorId);

        // Lowering what stands is always allowed; anything more must fit the rules of the moment.
        if (points > current)
        {
            if (points > cap)
            {
                throw new DomainException(DomainErrors.ProposalCapExceeded,
                    $"At level {level} you can put at most {cap} point{(cap == 1 ? "" : "s")} on one proposal; you asked for {points}.");
            }

            if (allocated - current + points > allowance)
            {
                throw new DomainException(DomainErrors.AllowanceExceeded,
                    $"Your allowance at level {level} is {allowance} points and {allocated} are in use; {points - current} more would exceed it. Withdraw support elsewhere first.");
            }
        }

        var policy = ProposalService.PolicyOf(c, t, proposal);
        var thresholds = Agenda.Thresholds(c, t, nowMs, policy);
        var (scoreBefore, _) = ProposalStore.Support(c, t, proposalId);
        var early = (existing is { ReleasedAt: null, Early: true }) || scoreBefore - current < Agenda.Target(proposal, thresholds, policy) / 2;
        ProposalStore.UpsertSupport(c, t, actorId, proposalId, points, nowMs, early);
        MemberStore.Touch(c, t, actorId, nowMs);
        EventLog.Append(c, t, now, actorId, EventTypes.SupportAllocated, new { proposal = proposalId, points });
        Agenda.TryBubble(c, t, proposal, thresholds, policy, now);
        var after = ProposalStore.Find(c, t, proposalId)!;
        return new SupportResult(actorId, proposalId, after.Status == proposal.Status ? points : 0, KarmaStore.AllocatedPoints(c, t, actorId), allowance,
            ProposalStore.Support(c, t, proposalId).Score, after.Status);
    };

    private Func<System.Data.Common.DbConnection, System.Data.Common.DbTransaction, SupportResult> WithdrawCommand(long actorId, long proposalId) => (c, t) =>
    {
        var now = clock.GetUtcNow();
        var nowMs = Millis.Of(now);
        var member = MemberStore.Find(c, t, actorId) ?? throw new DomainException(DomainErrors.NotFound, "There is no such member.");
        var proposal = ProposalService.Load(c, t, proposalId);
        if (ProposalStore.ReleaseSupport(c, t, actorId, proposalId, nowMs) == 0)
        {
            throw new DomainException(DomainErrors.InvalidInput, "You have no points on this proposal to withdraw.");
        }

        EventLog.Append(c, t, now, actorId, EventTypes.SupportWithdrawn, new { proposal = proposalId });
        var org = PolicyService.Resolve(c, t, null, nowMs);
        var level = KarmaRules.Level(KarmaRules.Decay(member.Karma, member.KarmaAt, nowMs, org.KarmaHalfLifeDays), org);
        return new SupportResult(actorId, proposalId, 0, KarmaStore.AllocatedPoints(c, t, actorId), KarmaRules.Allowance(level, org),
            ProposalStore.Support(c, t, proposalId).Score, proposal.Status);
    };

    /// <summary>Publishes what the committed command logged; returns its outcome.</summary>
    private T Published<T>((T Result, IReadOnlyList<LoggedEvent> Logged) written)
    {
        events.Publish(written.Logged);
        return written.Result;
    }
}
