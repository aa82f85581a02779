namespace Governance.Core.Delegation.Ranked;

/// <summary>How one alternative fared against the status quo (DESIGN §8).</summary>
/// <param name="Choice">Its index on the ballot (1 or more; 0 is the status quo).</param>
/// <param name="Above">Weight ranking it above the status quo.</param>
/// <param name="Below">Weight ranking it below the status quo.</param>
/// <param name="QuorumReached">Above + Below ≥ quorumShare × eligible: enough weight took a side on it.</param>
/// <param name="Majority">Above &gt; majority × (Above + Below).</param>
/// <param name="BetterThanStatusQuo">Schulze places it above the status quo.</param>
/// <param name="Rank">Its 1-based place in the Schulze order.</param>
/// <param name="Eligible">It could win: the quorum, its own quorum, its majority and better than the status quo.</param>
/// <param name="Winner">The best-placed eligible alternative.</param>
public sealed record AlternativeOutcome(
    int Choice, double Above, double Below, bool QuorumReached, bool Majority, bool BetterThanStatusQuo, int Rank,
    bool Eligible, bool Winner);

/// <summary>
/// The result of a ranked issue: participation as in a yes/no tally (every ballot counts as taking
/// part), the weighted pairwise matrix and Schulze's strongest paths and order, and each
/// alternative's standing against the status quo. Weights are in members, as in <see cref="Tally"/>.
/// </summary>
public sealed record RankedTally(
    Tally Participation,
    int Choices,
    IReadOnlyList<double> Pairwise,
    IReadOnlyList<double> Strength,
    IReadOnlyList<int> Order,
    IReadOnlyList<AlternativeOutcome> Alternatives,
    int? Winner)
{
    /// <summary>Whether the quorum was met: ballots' weight ≥ quorumShare × eligible.</summary>
    public bool QuorumReached => Participation.QuorumReached;

    /// <summary>Applies Schulze and the status-quo rules to a pairwise matrix in weight units.</summary>
    internal static RankedTally Decide(Tally participation, long[] units, int choices, TallyPolicy policy)
    {
        var schulze = Schulze.Rank(units, choices);
        var pairwise = units.Select(TallyState.ToWeight).ToArray();
        var strength = schulze.Strength.Select(TallyState.ToWeight).ToArray();
        return Decide(participation, schulze, pairwise, strength, policy);
    }

    /// <summary>The status-quo rules over a Schulze result whose matrices are already in members.</summary>
    public static RankedTally Decide(Tally participation, SchulzeResult schulze, double[] pairwise, double[] strength, TallyPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(participation);
        ArgumentNullException.ThrowIfNull(schulze);
        ArgumentNullException.ThrowIfNull(policy);
        int c = schulze.Choices;
        var outcomes = new List<AlternativeOutcome>(c - 1);
        int statusQuoRank = schulze.RankOf(0);
        int? winner = null;
        int winnerRank = int.MaxValue;
        for (int a = 1; a < c; a++)
        {
            double above = pairwise[a * c], below = pairwise[a];
            bool quorum = Thresholds.AtLeastShare(above + below, policy.QuorumShare, participation.Eligible);
            bool majority = Thresholds.MoreThanShare(above, policy.Majority, above + below);
            int rank = schulze.RankOf(a);
            bool better = rank < statusQuoRank;
            bool eligible = participation.QuorumReached && quorum && majority && better;
            if (eligible && rank < winnerRank)
            {
                winner = a;
                winnerRank = rank;
            }

            outcomes.Add(new AlternativeOutcome(a, above, below, quorum, majority, better, rank, eligible, Winner: false));
        }

        if (winner is int w) outcomes[w - 1] = outcomes[w - 1] with { Winner = true };
        return new RankedTally(participation, c, pairwise, strength, schulze.Order, outcomes, winner);
    }
}
