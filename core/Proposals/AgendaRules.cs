using Governance.Core.Policies;

namespace Governance.Core.Proposals;

/// <summary>The agenda filter's arithmetic (DESIGN §5), pure for the services and the simulation.</summary>
public static class AgendaRules
{
    /// <summary>Quorum = max(10, 5 % of the summed allowances of active members).</summary>
    public static double Quorum(long summedAllowances, PolicyValues policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return Math.Max(policy.AgendaQuorumMinimum, policy.AgendaQuorumShare * summedAllowances);
    }

    /// <summary>Minimum supporters = max(3, 1 % of active members).</summary>
    public static double MinimumSupporters(int activeMembers, PolicyValues policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return Math.Max(policy.MinimumSupporters, policy.MinimumSupportersShare * activeMembers);
    }

    /// <summary>
    /// Until when (ms) a returned proposal stays off the agenda, or null when nothing holds it
    /// back. Returned means its latest status change is the moderator's move from OnAgenda back
    /// to Open; an edit by the author comes after it in the history and lifts the hold, and so
    /// does the policy's cool-down passing. <paramref name="lastTwo"/> are the proposal's two
    /// latest status changes, oldest first.
    /// </summary>
    public static long? ReworkUntil(IReadOnlyList<(string Status, long At)> lastTwo, PolicyValues policy, long nowMs)
    {
        ArgumentNullException.ThrowIfNull(lastTwo);
        ArgumentNullException.ThrowIfNull(policy);
        if (lastTwo.Count < 2 || lastTwo[^2].Status != ProposalStatus.OnAgenda || lastTwo[^1].Status != ProposalStatus.Open)
        {
            return null;
        }

        var until = lastTwo[^1].At + Domain.Millis.Days(policy.ReturnCoolDownDays);
        return until > nowMs ? until : null;
    }

    /// <summary>Hacker News' gravity: score^0.8 / (age in hours + 2)^1.8.</summary>
    public static double Hot(int score, double ageHours, double gravity) =>
        Math.Pow(Math.Max(0, score), 0.8) / Math.Pow(Math.Max(0, ageHours) + 2, gravity);
}

/// <summary>The agenda's thresholds at an instant, as a member sees them.</summary>
public sealed record AgendaThresholds(double Quorum, double MinimumSupporters, int ActiveMembers, long SummedAllowances);

/// <summary>What an open proposal needs to reach the agenda: a score of <see cref="Quorum"/> from at least <see cref="MinimumSupporters"/> members.</summary>
public sealed record AgendaTarget(double Quorum, int MinimumSupporters);
