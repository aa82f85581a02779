namespace Governance.Core.Delegation.Recount;

/// <summary>A validated snapshot (DESIGN §7) with every id resolved to its position in the file.</summary>
internal sealed record Snapshot(
    string Proposal,
    int Area,
    string[] AreaIds,
    int[] AreaParents,
    Utf8IdTable MemberIds,
    bool[] VotingRights,
    List<SnapshotDelegation> Delegations,
    List<(int Member, VoteChoice Choice)> Votes,
    TallyPolicy Policy);

/// <summary>One delegation line: scope kind, area index for area scope (else -1), up to three delegate indices.</summary>
internal readonly record struct SnapshotDelegation(int Member, ScopeKind Kind, int Area, int D0, int D1, int D2, int Count);

/// <summary>A snapshot refused, with a message that names the culprit.</summary>
public sealed class SnapshotException(string message) : Exception(message);
