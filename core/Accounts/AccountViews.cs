namespace Governance.Core.Accounts;

/// <summary>
/// One of a member's live sessions. <see cref="Key"/> is the SHA-256 of the session's secret
/// (base64url): it names the session for revoking and cannot be turned back into the cookie.
/// </summary>
public sealed record SessionView(string Key, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, string? UserAgent, bool Current);

/// <summary>The languages the web client speaks; a member's preference is one of them or unset.</summary>
public static class Languages
{
    public static readonly IReadOnlyList<string> All = ["en", "de"];
}
