namespace Governance.Core.Accounts;

/// <summary>Who is signed in: enough to authorise a request without another query.</summary>
public sealed record MemberIdentity(long Id, string Handle, string DisplayName, bool VotingRight, IReadOnlyList<string> Roles);

public sealed record Credentials(long MemberId, string PasswordHash, int FailedAttempts, DateTimeOffset? LockedUntil);

public sealed record SessionInfo(long MemberId, string CsrfToken, DateTimeOffset ExpiresAt);

public sealed record AccessTokenInfo(long Id, string Name, IReadOnlyList<string> Scopes, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? LastUsedAt);

/// <summary>What a personal access token may do. A cookie session may do all of it.</summary>
public static class TokenScopes
{
    public const string Read = "read";
    public const string Vote = "vote";
    public const string Delegate = "delegate";
    public const string Propose = "propose";
    public const string Moderate = "moderate";

    public static readonly IReadOnlyList<string> All = [Read, Vote, Delegate, Propose, Moderate];
}
