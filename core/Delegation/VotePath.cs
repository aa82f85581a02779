namespace Governance.Core.Delegation;

/// <summary>What happens to a member's vote on a proposal.</summary>
public enum VotePathOutcome
{
    /// <summary>The member votes directly and carries their own weight.</summary>
    VotesDirectly,

    /// <summary>The weight reaches a voter along <see cref="VotePath.Hops"/>.</summary>
    Carried,

    /// <summary>The chain ends at a member who neither votes nor (usably) delegates.</summary>
    DeadEnd,

    /// <summary>The chain loops through members none of whom reach a voter.</summary>
    Cycle,

    /// <summary>The member has no voting right: no weight to send.</summary>
    NoVotingRight,
}

/// <summary>
/// One hop: <see cref="From"/> passes the weight to <see cref="To"/>, its choice number
/// <see cref="Rank"/> (1-based) in the delegation that applies, which came from
/// <see cref="Scope"/>.
/// </summary>
public sealed record VoteHop(long From, long To, int Rank, DelegationScope Scope);

/// <summary>
/// "Where does my vote go?" For <see cref="VotePathOutcome.Carried"/> the hops end at
/// <see cref="CarrierId"/>, and <see cref="ArrivingWeight"/> is α^hops. For an unrepresented
/// member the hops follow each member's first usable delegate until the chain ends at
/// <see cref="DeadEndId"/> or loops through <see cref="Cycle"/>; every other choice fails too,
/// or the member would be represented.
/// </summary>
public sealed record VotePath(
    long MemberId,
    VotePathOutcome Outcome,
    IReadOnlyList<VoteHop> Hops,
    long? CarrierId,
    double ArrivingWeight,
    long? DeadEndId,
    IReadOnlyList<long> Cycle)
{
    /// <summary>Which of the member's own delegations applies here (<see cref="DelegationEngine.Explain"/>); null from a bare trace.</summary>
    public DelegationRoute? Route { get; init; }

    public override string ToString() => Outcome switch
    {
        VotePathOutcome.VotesDirectly => $"{MemberId} votes directly",
        VotePathOutcome.Carried => $"{MemberId} → {string.Join(" → ", Hops.Select(h => h.To))} (carried by {CarrierId}, weight {ArrivingWeight})",
        VotePathOutcome.DeadEnd => $"{MemberId} reaches nobody: dead end at {DeadEndId}",
        VotePathOutcome.Cycle => $"{MemberId} reaches nobody: cycle through {string.Join(", ", Cycle)}",
        _ => $"{MemberId} has no voting right",
    };
}
