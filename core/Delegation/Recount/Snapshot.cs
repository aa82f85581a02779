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
    TallyPolicy Policy)
{
    /// <summary>The alternatives' ids in ballot order when the snapshot is of an issue (DESIGN §8); null for yes/no.</summary>
    public string[]? Alternatives { get; init; }

    /// <summary>Each ranking voter's ballot (choice 0 the status quo); null for yes/no.</summary>
    public Dictionary<int, Ranked.RankedBallot>? Rankings { get; init; }
}

/// <summary>One delegation line: scope kind, area index for area scope (else -1), up to three delegate indices.</summary>
internal readonly record struct SnapshotDelegation(int Member, ScopeKind Kind, int Area, int D0, int D1, int D2, int Count);

/// <summary>A snapshot refused, with a message that names the culprit.</summary>
public sealed class SnapshotException(string message) : Exception(message);
