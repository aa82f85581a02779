using Governance.Core.Delegation.Ranked;

namespace Governance.Core.Delegation;

/// <summary>Ranked ballots on an issue (DESIGN §8): delegation carries the whole ballot.</summary>
public sealed partial class DelegationEngine
{
    /// <summary>
    /// Records or changes a member's ranked ballot on an issue (registered like a proposal). The
    /// ballot makes the member a voter: in the breadth-first pass it is a vote like any other, so
    /// whoever delegates to them is carried by it; in yes/no terms it reads as taking part (abstain).
    /// </summary>
    public void CastRankedBallot(long issueId, long memberId, RankedBallot ballot)
    {
        ArgumentNullException.ThrowIfNull(ballot);
        var p = ProposalOf(issueId);
        int m = _members.IndexOf(memberId);
        p.Votes[m] = VoteChoice.Abstain;
        p.Rankings[m] = ballot;
        p.Live?.OnVoteChanged(m, (byte)VoteChoice.Abstain);
    }

    /// <summary>
    /// Full ranked tally of an issue: the same breadth-first resolution as <see cref="Count"/>, then
    /// the pairwise matrix accumulated once per voter with the weight they carry (not once per
    /// member), then Schulze against the status quo (choice 0).
    /// </summary>
    public RankedTally CountRanked(long issueId, int choices, TallyPolicy policy)
    {
        var p = ProposalOf(issueId);
        var state = new TallyState(this, p, policy) { OneOff = true };
        state.Adopt(_spare);
        _spare = null;
        state.Build();
        var tally = state.ToTally();
        var matrix = state.Pairwise(p.Rankings, choices);
        _spare = state;
        return RankedTally.Decide(tally, matrix, choices, policy);
    }
}
