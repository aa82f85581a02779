using System.Security.Claims;
using Governance.Api.Auth;
using Governance.Core.Accounts;
using Governance.Core.Members;
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

        return group;
    }

    public static async Task<Results<Created<SessionResponse>, ValidationProblem, ProblemHttpResult>> Register(
        RegisterRequest request, AccountStore accounts, MemberService members, IPasswordHasher<MemberIdentity> hasher, HttpContext http)
    {
        // Handles are lower-case; "LINUS" is the handle "linus", not a malformed one.
        request = request with { Handle = request.Handle?.Trim().ToLowerInvariant(), Email = request.Email?.Trim() };
        var errors = AccountValidation.Register(request);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The registration is not valid.");
        }

        var (handleTaken, emailTaken) = await accounts.FindConflictsAsync(request.Handle!, request.Email!);
        if (handleTaken || emailTaken)
        {
            return Conflict(handleTaken ? $"The handle '{request.Handle}' is taken." : "That email address is already registered.");
        }

        // The member joins the live engine too, before anyone can delegate to them or they to anyone.
        var member = await members.RegisterAsync(request.Handle!, request.DisplayName!.Trim(), request.Email!, hasher.HashPassword(null!, request.Password!));
        if (member is null)
        {
            return Conflict($"The handle '{request.Handle}' or the email address was taken a moment ago.");
        }

        var session = await StartSession(accounts, http, member);
        return TypedResults.Created("/api/account/session", session);
    }

    public static async Task<Results<Ok<SessionResponse>, ValidationProblem, ProblemHttpResult>> SignIn(
        SignInRequest request, AccountStore accounts, IPasswordHasher<MemberIdentity> hasher, TimeProvider clock, HttpContext http)
    {
        if (string.IsNullOrWhiteSpace(request.HandleOrEmail) || string.IsNullOrEmpty(request.Password))
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["handleOrEmail"] = ["Give your handle or email address and your password."] },
                title: "The sign-in is not valid.");
        }

        var found = await accounts.FindForSignInAsync(request.HandleOrEmail.Trim());
        if (found is null)
        {
            hasher.VerifyHashedPassword(null!, DummyHash, request.Password);
            return WrongCredentials();
        }

        var (member, credentials) = found.Value;
        if (credentials.LockedUntil is { } until && until > clock.GetUtcNow())
        {
            return Locked(until);
        }

        if (hasher.VerifyHashedPassword(member, credentials.PasswordHash, request.Password) == PasswordVerificationResult.Failed)
        {
            var lockedUntil = await accounts.RecordFailedSignInAsync(member.Id);
            return lockedUntil is { } l ? Locked(l) : WrongCredentials();
        }

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
        var (sessionId, session) = await accounts.StartSessionAsync(member.Id);
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

    private static ProblemHttpResult WrongCredentials() =>
        TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed", detail: "The handle, email address or password is wrong.");

    private static ProblemHttpResult Locked(DateTimeOffset until) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status429TooManyRequests,
            title: "Account locked",
            detail: $"Too many failed sign-ins; try again after {until:u}.");
}
