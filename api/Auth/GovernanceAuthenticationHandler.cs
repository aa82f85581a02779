using System.Security.Claims;
using System.Text.Encodings.Web;
using Governance.Core.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Governance.Api.Auth;

/// <summary>
/// One scheme for both kinds of caller: third-party clients send
/// <c>Authorization: Bearer gov_pat_…</c>; the web client sends the session cookie. Both are
/// checked against the database (hashes only), so sign-out and revocation take effect at once
/// on every instance.
/// </summary>
internal sealed class GovernanceAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    AccountStore accounts)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Governance";

    public const string SessionCookie = "gov_session";

    /// <summary>
    /// A cookie scripts may read, present while the browser holds a session cookie: the web
    /// client sets it at sign-in and drops it at sign-out, and the server puts it in step
    /// whenever it serves the client's page. The client asks for its session only when there
    /// may be one, so a signed-out page makes no request that must fail (a 401 in the console
    /// on every anonymous page). It grants nothing; the session cookie stays HttpOnly.
    /// </summary>
    public const string SignedInHintCookie = "gov_signed_in";

    /// <summary>Sets or drops <see cref="SignedInHintCookie"/> on the response.</summary>
    public static void SetSignedInHint(HttpContext http, bool signedIn)
    {
        ArgumentNullException.ThrowIfNull(http);
        var options = new CookieOptions { Path = "/", HttpOnly = false, Secure = http.Request.IsHttps, SameSite = SameSiteMode.Strict };
        if (signedIn)
        {
            http.Response.Cookies.Append(SignedInHintCookie, "1", options);
        }
        else if (http.Request.Cookies.ContainsKey(SignedInHintCookie))
        {
            http.Response.Cookies.Delete(SignedInHintCookie, options);
        }
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var authorization = Request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            var token = authorization["Bearer ".Length..].Trim();
            var found = await accounts.FindTokenAsync(token);
            if (found is null)
            {
                return AuthenticateResult.Fail("The bearer token is unknown, revoked or expired.");
            }

            var claims = Claims(found.Value.Member, GovernanceClaims.TokenMethod)
                .Concat(found.Value.Scopes.Select(s => new Claim(GovernanceClaims.Scope, s)));
            return Success(claims);
        }

        if (Request.Cookies.TryGetValue(SessionCookie, out var sessionId) && !string.IsNullOrEmpty(sessionId))
        {
            var found = await accounts.FindSessionAsync(sessionId);
            if (found is null)
            {
                // An expired or signed-out cookie is simply no session: the request is anonymous.
                return AuthenticateResult.NoResult();
            }

            var claims = Claims(found.Value.Member, GovernanceClaims.SessionMethod)
                .Append(new Claim(GovernanceClaims.Csrf, found.Value.Session.CsrfToken));
            return Success(claims);
        }

        return AuthenticateResult.NoResult();
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }

    private static IEnumerable<Claim> Claims(MemberIdentity member, string method)
    {
        yield return new Claim(ClaimTypes.NameIdentifier, member.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        yield return new Claim(ClaimTypes.Name, member.Handle);
        yield return new Claim(GovernanceClaims.Method, method);
        foreach (var role in member.Roles)
        {
            yield return new Claim(ClaimTypes.Role, role);
        }
    }

    private AuthenticateResult Success(IEnumerable<Claim> claims) =>
        AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)), SchemeName));
}
