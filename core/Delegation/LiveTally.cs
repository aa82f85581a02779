namespace Governance.Core.Delegation;

/// <summary>
/// The provisional tally of an open proposal, kept in step by the engine: every
/// <see cref="DelegationEngine.SetDelegation"/>, <see cref="DelegationEngine.RevokeDelegation"/>,
/// <see cref="DelegationEngine.CastVote"/>, <see cref="DelegationEngine.WithdrawVote"/> and
/// <see cref="DelegationEngine.SetVotingRight"/> updates it before returning.
/// The counts are O(1) to read; <see cref="Snapshot"/> lists every voter's weight in O(members).
/// </summary>
public sealed class LiveTally
{
    private readonly TallyState _state;

    internal LiveTally(TallyState state) => _state = state;

    public long ProposalId => _state.Proposal.Id;

    public int Eligible => Fresh.EligibleCount;

    public int Voters => Fresh.VoterCount;

    public int Represented => Fresh.Represented;

    public int Unrepresented => Fresh.Unrepresented;

    public double Yes => TallyState.ToWeight(Fresh.Totals[1]);

    public double No => TallyState.ToWeight(Fresh.Totals[2]);

    public double Abstain => TallyState.ToWeight(Fresh.Totals[3]);

    /// <summary>The whole provisional result, as a full recount would give it now.</summary>
    public Tally Snapshot() => _state.ToTally();

    /// <summary>
    /// The provisional result of a ranked issue (DESIGN §8), as <see cref="DelegationEngine.CountRanked"/>
    /// would give it now: the resolution kept in step by this live tally, then the pairwise matrix
    /// from each voter's ballot with the weight they carry, then Schulze against the status quo.
    /// </summary>
    public Ranked.RankedTally Ranked(int choices) => _state.RankedNow(choices);

    private TallyState Fresh
    {
        get
        {
            _state.EnsureFresh();
            return _state;
        }
    }
}
