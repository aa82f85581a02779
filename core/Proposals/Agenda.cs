using System.Data.Common;
using Governance.Core.Domain;
using Governance.Core.Events;
using Governance.Core.Karma;
using Governance.Core.Policies;
using Governance.Core.Storage;

namespace Governance.Core.Proposals;

/// <summary>
/// Bubbling up (DESIGN §5), run inside the transaction of the command that changed a
/// proposal's support: an open proposal whose score reaches the quorum with enough
/// supporters, or a declined one whose appeal support reaches twice the quorum, moves to the
/// agenda; early supporters are rewarded and every point is released.
/// </summary>
internal static class Agenda
{
    public static AgendaThresholds Thresholds(DbConnection c, DbTransaction? t, long nowMs, PolicyValues policy)
    {
        var org = PolicyService.Resolve(c, t, null, nowMs);
        var since = nowMs - Millis.Days(policy.ActiveDays);
        var active = MemberStore.CountActiveSince(c, t, since);

        // Everyone active holds at least the level 0 allowance; only members whose stored
        // karma reaches level 1 can hold more, so only they are read and decayed.
        long summed = (long)active * KarmaRules.Allowance(0, org);
        foreach (var m in MemberStore.ActiveSinceWithKarmaAtLeast(c, t, since, org.LevelThresholds[0]))
        {
            var karma = KarmaRules.Decay(m.Karma, m.KarmaAt, nowMs, org.KarmaHalfLifeDays);
            summed += KarmaRules.Allowance(KarmaRules.Level(karma, org), org) - KarmaRules.Allowance(0, org);
        }

        return new AgendaThresholds(AgendaRules.Quorum(summed, policy), AgendaRules.MinimumSupporters(active, policy), active, summed);
    }

    /// <summary>The score a proposal in this status must reach: the quorum, or the appeal's multiple of it.</summary>
    public static double Target(ProposalRow proposal, AgendaThresholds thresholds, PolicyValues policy) =>
        proposal.Status == ProposalStatus.Declined ? policy.AppealQuorumFactor * thresholds.Quorum : thresholds.Quorum;

    /// <summary>Until when a returned, unedited proposal stays off the agenda (ms), or null (see <see cref="AgendaRules.ReworkUntil"/>).</summary>
    public static long? ReworkUntil(DbConnection c, DbTransaction? t, ProposalRow proposal, PolicyValues policy, long nowMs) =>
        AgendaRules.ReworkUntil(ProposalStore.LatestStatusChanges(c, t, proposal.Id, 2), policy, nowMs);

    public static bool TryBubble(DbConnection c, DbTransaction t, ProposalRow proposal, AgendaThresholds thresholds, PolicyValues policy, DateTimeOffset now)
    {
        if (proposal.IssueId is not null)
        {
            // An alternative reaches the ballot with its issue, never the agenda on its own.
            return false;
        }

        var (score, supporters) = ProposalStore.Support(c, t, proposal.Id);
        if (score < Target(proposal, thresholds, policy) || supporters < thresholds.MinimumSupporters)
        {
            return false;
        }

        var nowMs = Millis.Of(now);
        if (proposal.Status == ProposalStatus.Open && ReworkUntil(c, t, proposal, policy, nowMs) is not null)
        {
            // Returned for more work: the support it kept must not carry it straight back.
            return false;
        }

        var appeal = proposal.Status == ProposalStatus.Declined;
        var reason = appeal
            ? $"{ProposalStore.AppealUpheldPrefix}support {score} reached {policy.AppealQuorumFactor:0.##} × quorum ({Target(proposal, thresholds, policy):0.##})"
            : $"support {score} from {supporters} members reached the quorum ({thresholds.Quorum:0.##})";
        if (!ProposalStore.Transition(c, t, proposal.Id, proposal.Status, ProposalStatus.OnAgenda, nowMs, null, reason))
        {
            return false;
        }

        ProposalStore.Set(c, t, proposal.Id, "on_agenda_at = @nowMs, must_schedule = CASE WHEN @appeal THEN 1 ELSE 0 END, appeal_closed = 1", new { nowMs, appeal });
        var org = PolicyService.Resolve(c, t, null, nowMs);
        var rewarded = new List<long>();
        foreach (var member in ProposalStore.EarlySupporters(c, t, proposal.Id))
        {
            KarmaService.Adjust(c, t, member, policy.EarlySupportReward, nowMs, org, $"early support of proposal {proposal.Id}");
            rewarded.Add(member);
        }

        ProposalStore.ReleaseAll(c, t, proposal.Id, nowMs);
        EventLog.Append(c, t, now, null, EventTypes.ProposalOnAgenda,
            new { proposal = proposal.Id, score, supporters, quorum = thresholds.Quorum, appeal, earlySupporters = rewarded });
        return true;
    }
}
