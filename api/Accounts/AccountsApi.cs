using System.Security.Claims;
using Governance.Api.Auth;
using Governance.Core.Accounts;
using Governance.Core.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Governance.Api.Accounts;

/// <summary>Register, sign in and out, change the password, read the current session.</summary>
public static class AccountsApi
{
    // Verified when the handle is unknown, so a wrong handle costs the same time as a wrong password.
    private static readonly string DummyHash = new PasswordHasher<MemberIdentity>().HashPassword(null!, "not-a-real-password");

    public static RouteGroupBuilder MapAccountsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/account").WithTags("Account");

        group.MapPost("/register", Register).RequireRateLimiting(RateLimitingExtensions.SignInPolicy);
        group.MapPost("/sign-in", SignIn).RequireRateLimiting(RateLimitingExtensions.SignInPolicy);
        group.MapPost("/sign-out", SignOut).RequireAuthorization(Policies.Session);
        group.MapPost("/password", ChangePassword).RequireAuthorization(Policies.Session);
        group.MapGet("/session", CurrentSession).RequireAuthorization(Policies.Session);
        group.MapGet("/export", Export).RequireAuthorization(Policies.Session);

        return group;
    }

    public static async Task<Results<Created<SessionResponse>, ValidationProblem, ProblemHttpResult>> Register(
        RegisterRequest request, AccountStore accounts, MembershipService membership, IPasswordHasher<MemberIdentity> hasher, HttpContext http)
    {
        // Handles are lower-case; "LINUS" is the handle "linus", not a malformed one.
        request = request with { Handle = request.Handle?.Trim().ToLowerInvariant(), Email = request.Email?.Trim() };
        var errors = AccountValidation.Register(request);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The registration is not valid.");
        }

        MemberIdentity member;
        try
        {
            member = await membership.RegisterAsync(
                request.Handle!, request.DisplayName!.Trim(), request.Email!, hasher.HashPassword(null!, request.Password!),
                new RegistrationClaims(request.InvitationCode, request.MemberNumber));
        }
        catch (DomainException refused) when (refused.Code is "handle_taken" or "email_taken" or "member_number_taken")
        {
            return Conflict(refused.Message);
        }
        catch (DomainException refused)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { [refused.Field ?? "handle"] = [refused.Message] }, title: "The registration is not valid.");
        }

        var session = await StartSession(accounts, http, member);
        return TypedResults.Created("/api/account/session", session);
    }

    public static async Task<Results<Ok<SessionResponse>, ValidationProblem, ProblemHttpResult>> SignIn(
        SignInRequest request, AccountStore accounts, SignInGuard guard, IPasswordHasher<MemberIdentity> hasher, HttpContext http)
    {
        if (string.IsNullOrWhiteSpace(request.HandleOrEmail) || string.IsNullOrEmpty(request.Password))
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["handleOrEmail"] = ["Give your handle or email address and your password."] },
                title: "The sign-in is not valid.");
        }

        // Per-client and per-account back-off (SignInGuard): a client without failures is never
        // held back, so a stranger hammering a public handle cannot lock its owner out.
        var client = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var found = await accounts.FindForSignInAsync(request.HandleOrEmail.Trim());
        var wait = guard.WaitFor(found?.Member.Id, client);
        if (wait > TimeSpan.Zero)
        {
            return Wait(http, wait);
        }

        if (found is null)
        {
            hasher.VerifyHashedPassword(null!, DummyHash, request.Password);
            return WrongCredentials(guard.RecordFailure(null, client));
        }

        var (member, credentials) = found.Value;
        if (hasher.VerifyHashedPassword(member, credentials.PasswordHash, request.Password) == PasswordVerificationResult.Failed)
        {
            return WrongCredentials(guard.RecordFailure(member.Id, client));
        }

        guard.RecordSuccess(member.Id, client);
        return TypedResults.Ok(await StartSession(accounts, http, member));
    }

    public static async Task<NoContent> SignOut(AccountStore accounts, ClaimsPrincipal user, HttpContext http)
    {
        if (http.Request.Cookies.TryGetValue(GovernanceAuthenticationHandler.SessionCookie, out var sessionId))
        {
            await accounts.EndSessionAsync(sessionId, user.MemberId());
        }

        http.Response.Cookies.Delete(GovernanceAuthenticationHandler.SessionCookie, CookieOptions(http));
        return TypedResults.NoContent();
    }

    public static async Task<Results<NoContent, ValidationProblem>> ChangePassword(
        ChangePasswordRequest request, AccountStore accounts, IPasswordHasher<MemberIdentity> hasher, ClaimsPrincipal user, HttpContext http)
    {
        var errors = new Dictionary<string, string[]>();
        AccountValidation.Password("newPassword", request.NewPassword, errors);
        var found = await accounts.FindForSignInAsync(user.Identity!.Name!);
        if (found is null || string.IsNullOrEmpty(request.CurrentPassword)
            || hasher.VerifyHashedPassword(found.Value.Member, found.Value.Credentials.PasswordHash, request.CurrentPassword) == PasswordVerificationResult.Failed)
        {
            errors["currentPassword"] = ["The current password is wrong."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The password was not changed.");
        }

        var sessionId = http.Request.Cookies[GovernanceAuthenticationHandler.SessionCookie]!;
        await accounts.ChangePasswordAsync(user.MemberId(), hasher.HashPassword(null!, request.NewPassword!), sessionId);
        return TypedResults.NoContent();
    }

    /// <summary>Everything stored about the signed-in member, as a JSON download (data protection: the right of access).</summary>
    public static FileContentHttpResult Export(MemberDataService data, ClaimsPrincipal user, TimeProvider clock) =>
        TypedResults.File(
            System.Text.Encoding.UTF8.GetBytes(data.Export(user.MemberId())),
            "application/json",
            $"governance-{user.Identity!.Name}-{clock.GetUtcNow():yyyy-MM-dd}.json");

    public static async Task<Results<Ok<SessionResponse>, UnauthorizedHttpResult>> CurrentSession(AccountStore accounts, HttpContext http)
    {
        var sessionId = http.Request.Cookies[GovernanceAuthenticationHandler.SessionCookie];
        var found = sessionId is null ? null : await accounts.FindSessionAsync(sessionId);
        return found is null
            ? TypedResults.Unauthorized()
            : TypedResults.Ok(new SessionResponse(MemberSummary.From(found.Value.Member), found.Value.Session.CsrfToken, found.Value.Session.ExpiresAt));
    }

    private static async Task<SessionResponse> StartSession(AccountStore accounts, HttpContext http, MemberIdentity member)
    {
        var (sessionId, session) = await accounts.StartSessionAsync(member.Id, http.Request.Headers.UserAgent.ToString() is { Length: > 0 } agent ? agent : null);
        var options = CookieOptions(http);
        options.Expires = session.ExpiresAt;
        http.Response.Cookies.Append(GovernanceAuthenticationHandler.SessionCookie, sessionId, options);
        return new SessionResponse(MemberSummary.From(member), session.CsrfToken, session.ExpiresAt);
    }

    private static CookieOptions CookieOptions(HttpContext http) => new()
    {
        HttpOnly = true,
        Secure = http.Request.IsHttps,
        SameSite = SameSiteMode.Strict,
        Path = "/",
        IsEssential = true,
    };

    private static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Already registered", detail: detail);

    /// <summary>A wrong password; when this client now has to wait before the next try, the detail says how long.</summary>
    private static ProblemHttpResult WrongCredentials(TimeSpan wait) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status401Unauthorized,
            title: "Sign-in failed",
            detail: "The handle, email address or password is wrong." + (wait > TimeSpan.Zero ? $" After several failures, wait {Seconds(wait)} seconds before the next try." : string.Empty),
            extensions: wait > TimeSpan.Zero ? new Dictionary<string, object?> { ["retryAfterSeconds"] = Seconds(wait) } : null);

    /// <summary>This client failed too often: 429 with the wait, in words, in Retry-After and as retryAfterSeconds.</summary>
    private static ProblemHttpResult Wait(HttpContext http, TimeSpan wait)
    {
        var seconds = Seconds(wait);
        http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Problem(
            statusCode: StatusCodes.Status429TooManyRequests,
            title: "Too many failed sign-ins",
            detail: $"Too many failed sign-ins from here: wait {seconds} seconds, then try again. Other devices are not held back.",
            extensions: new Dictionary<string, object?> { ["retryAfterSeconds"] = seconds });
    }

    private static long Seconds(TimeSpan wait) => (long)Math.Ceiling(wait.TotalSeconds);
}
