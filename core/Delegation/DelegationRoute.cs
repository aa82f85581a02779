namespace Governance.Core.Delegation;

/// <summary>One of a member's own delegation records: ranked delegates, or none (a block).</summary>
public sealed record DelegationStep(DelegationScope Scope, IReadOnlyList<long> Delegates)
{
    public bool IsBlock => Delegates.Count == 0;
}

/// <summary>
/// Which of a member's own delegations applies at a place (DESIGN §3: the most specific one;
/// a block ends the search), and the wider ones it leaves unused there. The proposal page,
/// the Delegations page and whereDoesMyVoteGo all show this, so they cannot disagree.
/// </summary>
public sealed record DelegationRoute(long MemberId, long AreaId, long? ProposalId, DelegationStep? Applied, IReadOnlyList<DelegationStep> Unused)
{
    /// <summary>A block applies: nothing wider reaches this place.</summary>
    public bool Blocked => Applied is { IsBlock: true };
}
