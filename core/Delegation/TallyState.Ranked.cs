using System.Numerics;
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

        // Rows padded to whole vectors (4 longs with AVX2): a ballot adds to a row a vector at a
        // time, 3 steps instead of 11 for 11 choices. Branch-free: which pairs a ballot orders is
        // unpredictable, and a mispredicted branch per cell cost more than the addition.
        // (li − lj) >> 63 is all ones iff li < lj; padding columns are discarded.
        int width = Vector<long>.Count;
        int stride = (c + width - 1) / width * width;
        var padded = new long[c * stride];
        Span<long> wide = stackalloc long[stride];
        var flags = Flags;
        foreach (var (m, ballot) in rankings)
        {
            if ((flags[m] & EligibleVoter) != EligibleVoter) continue;
            if (ballot.Choices != c) throw new ArgumentException($"a ballot of member index {m} has {ballot.Choices} choices, the issue {c}", nameof(rankings));
            var weight = new Vector<long>(SlotWeight[Slot[m]]);
            var levels = ballot.Levels;
            for (int j = 0; j < c; j++) wide[j] = levels[j];
            for (int i = 0; i < c; i++)
            {
                var li = new Vector<long>(wide[i]);
                var row = padded.AsSpan(i * stride, stride);
                for (int j = 0; j < stride; j += width)
                {
                    var cells = row.Slice(j, width);
                    var lower = Vector.ShiftRightArithmetic(li - new Vector<long>(wide.Slice(j, width)), 63);
                    (new Vector<long>(cells) + (weight & lower)).CopyTo(cells);
                }
            }
        }

        var d = new long[c * c];
        for (int i = 0; i < c; i++) padded.AsSpan(i * stride, c).CopyTo(d.AsSpan(i * c, c));
        return d;
    }
}
