namespace Governance.Core.Delegation;

/// <summary>The three kinds of scope a delegation can have (DESIGN §2).</summary>
public enum ScopeKind : byte
{
    Global = 0,
    Area = 1,
    Proposal = 2,
}

/// <summary>
/// Where a delegation applies: everywhere, in an area (and its sub-areas), or on one proposal.
/// <see cref="Id"/> is the external area or proposal id; it is 0 and meaningless for global.
/// </summary>
public readonly record struct DelegationScope(ScopeKind Kind, long Id)
{
    public static DelegationScope Global => new(ScopeKind.Global, 0);

    public static DelegationScope ForArea(long areaId) => new(ScopeKind.Area, areaId);

    public static DelegationScope ForProposal(long proposalId) => new(ScopeKind.Proposal, proposalId);

    public override string ToString() => Kind switch
    {
        ScopeKind.Global => "global",
        ScopeKind.Area => $"area:{Id}",
        _ => $"proposal:{Id}",
    };
}

/// <summary>A vote on a proposal. Zero is reserved inside the engine for "no vote".</summary>
public enum VoteChoice : byte
{
    Yes = 1,
    No = 2,
    Abstain = 3,
}
