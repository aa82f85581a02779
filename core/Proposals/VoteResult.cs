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

/// <summary>
/// A vote one reader may see (<see cref="VoteService.VisibleBallots"/>): <see cref="CarriedWeight"/>
/// is null while the vote runs; <see cref="CarriesReader"/> when the reader's weight reaches this voter.
/// </summary>
public sealed record VisibleBallot(long MemberId, string Handle, string Choice, double? CarriedWeight, bool CarriesReader);
