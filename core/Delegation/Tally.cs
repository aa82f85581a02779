namespace Governance.Core.Delegation;

/// <summary>A voter's carried weight (their own 1 included) and choice.</summary>
public readonly record struct VoterWeight(long MemberId, double Weight, VoteChoice Choice);

/// <summary>
/// The result of tallying one proposal (DESIGN §3, §5, §7). Weights are in members: 1 per
/// member at viscosity 1, α^hops otherwise. Voters are listed in member-registration order.
/// </summary>
public sealed record Tally(
    long ProposalId,
    int Eligible,
    int Voters,
    int Represented,
    int Unrepresented,
    double Yes,
    double No,
    double Abstain,
    bool QuorumReached,
    bool Passed,
    IReadOnlyList<VoterWeight> Weights,
    IReadOnlyList<long> SuperDelegates);
