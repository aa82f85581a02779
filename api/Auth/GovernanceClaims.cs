using System.Security.Claims;

namespace Governance.Api.Auth;

/// <summary>The claims our authentication handler issues, and helpers to read them.</summary>
public static class GovernanceClaims
{
    /// <summary>How the request authenticated: <see cref="SessionMethod"/> or <see cref="TokenMethod"/>.</summary>
    public const string Method = "amr";

    public const string SessionMethod = "session";

    public const string TokenMethod = "token";

    public const string Scope = "scope";

    public const string Csrf = "csrf";

    public static long MemberId(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return long.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier)!, System.Globalization.CultureInfo.InvariantCulture);
    }

    public static bool IsSession(this ClaimsPrincipal user) =>
        user?.FindFirstValue(Method) == SessionMethod;

    /// <summary>A session may do everything its member may; a token only what its scopes name.</summary>
    public static bool HasScope(this ClaimsPrincipal user, string scope) =>
        user?.Identity?.IsAuthenticated == true && (user.IsSession() || user.HasClaim(Scope, scope));
}
