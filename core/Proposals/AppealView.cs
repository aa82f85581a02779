namespace Governance.Core.Proposals;

/// <summary>How the appeal of a declined proposal stands (DESIGN §5).</summary>
public enum AppealOutcome
{
    /// <summary>The window is open: members may support it.</summary>
    Pending,

    /// <summary>Its support reached the appeal's target in time: it went back on the agenda, to be scheduled.</summary>
    Upheld,

    /// <summary>The window closed before the support reached the target; the decline stands.</summary>
    Lapsed,
}

/// <summary>
/// The appeal of a declined proposal: until when support counts, what it has gathered, and
/// what it needs (the policy's appeal factor × the agenda quorum, and the minimum supporters).
/// </summary>
public sealed record AppealView(
    long ProposalId,
    DateTimeOffset Deadline,
    AppealOutcome Outcome,
    int Score,
    int Supporters,
    double Target,
    int MinimumSupporters);
