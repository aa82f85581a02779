namespace Governance.Core.Accounts;

/// <summary>An invitation code as an admin sees it (the code itself is shown once, when created).</summary>
public sealed record InvitationInfo(long Id, string Note, long CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, long? UsedBy, DateTimeOffset? UsedAt, DateTimeOffset? RevokedAt);

/// <summary>What a registration brings besides handle, name, email and password.</summary>
public sealed record RegistrationClaims(string? InvitationCode, string? MemberNumber);

/// <summary>One member's voting right changed by an import (or that would change, in a dry run).</summary>
public sealed record VotingRightChange(long MemberId, string MemberNumber, bool VotingRight, string Reason);

/// <summary>A register line that is new or differs from the stored entry.</summary>
public sealed record RegistryEntryChange(string MemberNumber, int Line, bool Added, IReadOnlyList<string> ChangedFields);

/// <summary>What an import did, or a dry run would do: the same computation either way.</summary>
public sealed record RegistryImportReport(
    bool DryRun,
    int Lines,
    int Added,
    int Updated,
    int Unchanged,
    IReadOnlyList<RegistryEntryChange> Changes,
    IReadOnlyList<VotingRightChange> Granted,
    IReadOnlyList<VotingRightChange> Suspended);
