using Governance.Core.Delegation.Ranked;

namespace Governance.Core.Delegation;

internal sealed partial class TallyState
{
    /// <summary>
    /// The ranked tally from this state as it stands (a live one brought up to date first): the
    /// resolution's voter weights, the matrix over the proposal's ballots, Schulze. The same steps
    /// as <see cref="DelegationEngine.CountRanked"/>, so a live ranked tally equals a full one.
    /// </summary>
    internal RankedTally RankedNow(int choices)
    {
        var tally = ToTally();
        return RankedTally.Decide(tally, Pairwise(_proposal.Rankings, choices), choices, Policy);
    }

    /// <summary>
    /// The weighted pairwise matrix in weight units: each counting voter's ballot adds the weight
    /// they carry to every pair it orders. O(voters · c²), independent of how many members they carry.
    /// </summary>
    internal long[] Pairwise(Dictionary<int, RankedBallot> rankings, int choices)
    {
        int c = choices;
        var d = new long[c * c];
        var flags = Flags;
        foreach (var (m, ballot) in rankings)
        {
            if ((flags[m] & EligibleVoter) != EligibleVoter) continue;
            if (ballot.Choices != c) throw new ArgumentException($"a ballot of member index {m} has {ballot.Choices} choices, the issue {c}", nameof(rankings));
            long w = SlotWeight[Slot[m]];
            var levels = ballot.Levels;
            for (int i = 0; i < c; i++)
            {
                // Branch-free: which pairs a ballot orders is unpredictable, and a mispredicted
                // branch per cell cost more than the addition. (li − lj) >> 63 is all ones iff li < lj.
                int li = levels[i];
                var row = d.AsSpan(i * c, c);
                for (int j = 0; j < row.Length; j++) row[j] += w & ((long)(li - levels[j]) >> 63);
            }
        }

        return d;
    }
}
