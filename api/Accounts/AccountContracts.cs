using Governance.Core.Accounts;

namespace Governance.Api.Accounts;

/// <summary>
/// A registration. <see cref="InvitationCode"/> is needed when the organisation registers by
/// invitation; <see cref="MemberNumber"/>, with the email the register has, matches the member
/// with the membership register.
/// </summary>
public sealed record RegisterRequest(string? Handle, string? DisplayName, string? Email, string? Password, string? InvitationCode = null, string? MemberNumber = null);

public sealed record SignInRequest(string? HandleOrEmail, string? Password);

public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword);

public sealed record MemberSummary(long Id, string Handle, string DisplayName, bool VotingRight, IReadOnlyList<string> Roles)
{
    /// <summary>The member's id in the GraphQL API (<c>node(id:)</c>, <c>delegate</c>'s ids), beside the number.</summary>
    public string GlobalId => Schema.Ids.Of(Schema.Ids.Member, Id);

    public static MemberSummary From(MemberIdentity m) => new(m.Id, m.Handle, m.DisplayName, m.VotingRight, m.Roles);
}

/// <summary>The signed-in session: the client keeps <see cref="CsrfToken"/> and sends it as X-CSRF-Token on every change.</summary>
public sealed record SessionResponse(MemberSummary Member, string CsrfToken, DateTimeOffset ExpiresAt);

public sealed record CreateTokenRequest(string? Name, IReadOnlyList<string>? Scopes, int? ExpiresInDays);

/// <summary>A new token: <see cref="Token"/> is shown this once and never again.</summary>
public sealed record CreatedToken(long Id, string Name, IReadOnlyList<string> Scopes, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, string Token);

public sealed record TokenSummary(long Id, string Name, IReadOnlyList<string> Scopes, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? LastUsedAt)
{
    public static TokenSummary From(AccessTokenInfo t) => new(t.Id, t.Name, t.Scopes, t.CreatedAt, t.ExpiresAt, t.LastUsedAt);
}
