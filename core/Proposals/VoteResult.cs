namespace Governance.Core.Proposals;

/// <summary>
/// A closed vote's stored result, with the snapshot it was counted from (DESIGN §7) and the
/// tally `recount` prints for it, byte for byte.
/// </summary>
public sealed record VoteResult(
    long ProposalId,
    DateTimeOffset ClosedAt,
    bool Passed,
    bool QuorumReached,
    double Yes,
    double No,
    double Abstain,
    string SnapshotJson,
    string TallyJson);

/// <summary>A vote shown to the public after close, as the proposal's privacy policy allows.</summary>
public sealed record PublicBallot(long MemberId, string Handle, string Choice, double CarriedWeight);
