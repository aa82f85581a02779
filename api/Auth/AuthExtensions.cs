using System.Security.Claims;
using Governance.Core.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace Governance.Api.Auth;

/// <summary>Names of the authorization policies the endpoints use.</summary>
public static class Policies
{
    public const string Member = "member";

    /// <summary>Signed in through the web client's session, not a token (token management, password).</summary>
    public const string Session = "session";

    public const string Moderator = "moderator";

    public const string Admin = "admin";

    public static string Scope(string scope) => "scope:" + scope;
}

public static class AuthExtensions
{
    public static WebApplicationBuilder AddGovernanceAuth(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<AccountStore>();
        builder.Services.AddSingleton<MembershipService>();
        builder.Services.AddSingleton<IPasswordHasher<MemberIdentity>, PasswordHasher<MemberIdentity>>();
        builder.Services.AddSingleton<IPasswordHashing, IdentityPasswordHashing>();
        builder.Services.AddSingleton<AccountService>();
        builder.Services.AddSingleton<SignInGuard>();
        builder.Services.AddSingleton<MemberDataService>();
        builder.Services.AddAuthentication(GovernanceAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, GovernanceAuthenticationHandler>(GovernanceAuthenticationHandler.SchemeName, null);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Member, p => p.RequireAuthenticatedUser())
            .AddPolicy(Policies.Session, p => p.RequireAuthenticatedUser().RequireClaim(GovernanceClaims.Method, GovernanceClaims.SessionMethod))
            .AddPolicy(Policies.Moderator, p => p.RequireRole("moderator").RequireAssertion(c => c.User.HasScope(TokenScopes.Moderate)))
            .AddPolicy(Policies.Admin, p => p.RequireRole("admin").RequireClaim(GovernanceClaims.Method, GovernanceClaims.SessionMethod));
        foreach (var scope in TokenScopes.All)
        {
            builder.Services.AddAuthorizationBuilder()
                .AddPolicy(Policies.Scope(scope), p => p.RequireAuthenticatedUser().RequireAssertion(c => c.User.HasScope(scope)));
        }

        return builder;
    }

    public static WebApplication UseGovernanceAuth(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseMiddleware<BearerTokenRejection>();
        app.UseMiddleware<CsrfProtection>();
        return app;
    }

    internal static bool IsAuthenticated(this ClaimsPrincipal user) => user.Identity?.IsAuthenticated == true;
}
