namespace Governance.Core.Delegation;

/// <summary>Holders whose carried weight lies in [<see cref="MinWeight"/>, <see cref="MaxWeight"/>).</summary>
public sealed record WeightBucket(double MinWeight, double MaxWeight, int Holders, double TotalWeight);

/// <summary>A holder's carried weight and its share of the area's eligible weight.</summary>
public sealed record WeightShare(long MemberId, double Weight, double Share);

/// <summary>A long delegation chain: <see cref="Path"/> runs from the member to the holder at its end.</summary>
public sealed record DelegationChain(long MemberId, long HolderId, int Hops, IReadOnlyList<long> Path);

/// <summary>
/// Members who delegate to one another in a loop (a strongly connected component of the
/// delegation graph). <see cref="TrapsWeight"/>: no way out to a holder, so their weight is lost.
/// <see cref="Members"/> lists at most 100 of them; <see cref="Size"/> is the full count.
/// </summary>
public sealed record DelegationCycle(int Size, bool TrapsWeight, IReadOnlyList<long> Members);

/// <summary>
/// How concentrated delegated power is in an area, independent of any vote: every eligible
/// member who has no usable delegation in the area (none, a block, or only delegates without a
/// voting right) is treated as holding their own vote, and everyone else's weight flows to a
/// holder by the same breadth-first rule as a tally. Data for the web client's charts.
/// </summary>
public sealed record ConcentrationReport(
    long AreaId,
    int Eligible,
    int Holders,
    int Delegating,
    int Trapped,
    IReadOnlyList<WeightBucket> Distribution,
    IReadOnlyList<WeightShare> Largest,
    IReadOnlyList<long> SuperDelegates,
    IReadOnlyList<DelegationChain> LongestChains,
    IReadOnlyList<DelegationCycle> Cycles);
