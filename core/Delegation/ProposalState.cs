namespace Governance.Core.Delegation;

/// <summary>What the engine knows about one proposal: its area, its proposal-scope delegations, its votes.</summary>
internal sealed class ProposalState
{
    public ProposalState(long id, int area, int[] areaDepth)
    {
        Id = id;
        Area = area;
        AreaDepth = areaDepth;
    }

    public long Id { get; }

    public int Area { get; }

    /// <summary>
    /// For each area index: its depth if it is the proposal's area or one of its ancestors, else -1.
    /// The deepest such area that a member delegated in is the one that applies (DESIGN §3).
    /// An area added after the array was made is never an ancestor (DepthOf answers -1 past
    /// its end); a moved area gives the proposal a new array (<see cref="DelegationEngine.MoveArea"/>).
    /// </summary>
    public int[] AreaDepth { get; set; }

    public Dictionary<int, DelegateList> Delegations { get; } = [];

    public Dictionary<int, VoteChoice> Votes { get; } = [];

    /// <summary>Ranked ballots when the proposal stands for an issue (DESIGN §8); each ballot's member is also in <see cref="Votes"/>.</summary>
    public Dictionary<int, Ranked.RankedBallot> Rankings { get; } = [];

    public TallyState? Live { get; set; }

    public int DepthOf(int area) => area < AreaDepth.Length ? AreaDepth[area] : -1;
}
