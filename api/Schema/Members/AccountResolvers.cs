using Governance.Api.Auth;
using Governance.Api.Schema.Data;
using Governance.Core.Accounts;
using Governance.Core.Domain;
using Governance.GraphQL.Execution;
using Governance.GraphQL.Types;

namespace Governance.Api.Schema;

/// <summary>
/// The account page over GraphQL: my sessions, tokens and language, and the mutations that
/// change them. Sessions, tokens and the password need a signed-in session (a token must not
/// mint tokens or end its owner's sessions); the rules live in <see cref="AccountService"/>.
/// </summary>
internal static class AccountResolvers
{
    public static SchemaBuilder AddAccounts(this SchemaBuilder builder, DomainServices d) => builder
        .Resolve("Viewer.sessions", c => Caller.Of(c).IsSession ? d.Accounts.Sessions(c.ParentAs<ViewerRow>().Id, CurrentSession(c)) : [])
        .Resolve("Viewer.accessTokens", c => Caller.Of(c).IsSession ? d.Accounts.Tokens(c.ParentAs<ViewerRow>().Id) : [])
        .Resolve("Viewer.language", c => d.Accounts.Language(c.ParentAs<ViewerRow>().Id))
        .BindType<SessionView>("Session")
        .Resolve("Session.id", c => c.ParentAs<SessionView>().Key)
        .BindType<AccessTokenInfo>("AccessToken")
        .Resolve("AccessToken.id", c => Ids.Of(Ids.AccessToken, c.ParentAs<AccessTokenInfo>().Id))
        .Resolve("AccessToken.scopes", c => c.ParentAs<AccessTokenInfo>().Scopes.Select(s => s.ToUpperInvariant()).ToList())
        .Resolve("Mutation.changePassword", c => ChangePassword(c, d))
        .Resolve("Mutation.revokeSession", c => RevokeSession(c, d))
        .Resolve("Mutation.signOutOtherSessions", c =>
            Run(c, me => new SignOutOtherSessionsPayload(d.Accounts.EndOtherSessions(me, CurrentSession(c)), null), SignOutOtherSessionsPayload.Refused))
        .Resolve("Mutation.createAccessToken", c => CreateAccessToken(c, d))
        .Resolve("Mutation.revokeAccessToken", c => RevokeAccessToken(c, d))
        .Resolve("Mutation.setLanguage", c => SetLanguage(c, d))
        .ResolveAsync("Mutation.eraseMyAccount", c => EraseMyAccountAsync(c, d))
        .BindInput<EraseMyAccountInput>("EraseMyAccountInput")
        .BindType<EraseMyAccountPayload>("EraseMyAccountPayload")
        .BindInput<ChangePasswordInput>("ChangePasswordInput")
        .BindInput<RevokeSessionInput>("RevokeSessionInput")
        .BindInput<CreateAccessTokenInput>("CreateAccessTokenInput")
        .BindInput<RevokeAccessTokenInput>("RevokeAccessTokenInput")
        .BindInput<SetLanguageInput>("SetLanguageInput")
        .BindType<ChangePasswordPayload>("ChangePasswordPayload")
        .BindType<RevokeSessionPayload>("RevokeSessionPayload")
        .BindType<SignOutOtherSessionsPayload>("SignOutOtherSessionsPayload")
        .BindType<CreateAccessTokenPayload>("CreateAccessTokenPayload")
        .BindType<RevokeAccessTokenPayload>("RevokeAccessTokenPayload")
        .BindType<SetLanguagePayload>("SetLanguagePayload");

    private static ChangePasswordPayload ChangePassword(ResolveContext c, DomainServices d)
    {
        var input = c.Input<ChangePasswordInput>();
        return Run(c, me => new ChangePasswordPayload(d.Accounts.ChangePassword(me, input.CurrentPassword, input.NewPassword, CurrentSession(c)), null), ChangePasswordPayload.Refused);
    }

    private static RevokeSessionPayload RevokeSession(ResolveContext c, DomainServices d)
    {
        var input = c.Input<RevokeSessionInput>();
        return Run(c, me =>
        {
            d.Accounts.RevokeSession(me, input.Session);
            return new RevokeSessionPayload(d.Accounts.Sessions(me, CurrentSession(c)), null);
        }, RevokeSessionPayload.Refused);
    }

    private static CreateAccessTokenPayload CreateAccessToken(ResolveContext c, DomainServices d)
    {
        var input = c.Input<CreateAccessTokenInput>();
        return Run(c, me =>
        {
            var (token, info) = d.Accounts.CreateToken(me, input.Name, input.Scopes.Select(s => s.ToLowerInvariant()).ToList(), input.ExpiresInDays);
            return new CreateAccessTokenPayload(info, token, null);
        }, CreateAccessTokenPayload.Refused);
    }

    private static RevokeAccessTokenPayload RevokeAccessToken(ResolveContext c, DomainServices d)
    {
        var input = c.Input<RevokeAccessTokenInput>();
        if (!Ids.TryLocal(input.AccessToken, Ids.AccessToken, out var id))
        {
            return RevokeAccessTokenPayload.Refused(UserErrors.NotFound("UNKNOWN_TOKEN", $"\"{input.AccessToken}\" is not the id of an access token.", "accessToken"));
        }

        return Run(c, me =>
        {
            d.Accounts.RevokeToken(me, id);
            return new RevokeAccessTokenPayload(input.AccessToken, null);
        }, RevokeAccessTokenPayload.Refused);
    }

    private static SetLanguagePayload SetLanguage(ResolveContext c, DomainServices d)
    {
        var input = c.Input<SetLanguageInput>();
        var caller = Caller.Of(c);
        if (MutationGuard.RequireScope(caller, TokenScopes.Read) is { } refused)
        {
            return SetLanguagePayload.Refused(refused);
        }

        try
        {
            return new SetLanguagePayload(d.Accounts.SetLanguage(caller.MemberId!.Value, input.Language), null);
        }
        catch (DomainException error)
        {
            return SetLanguagePayload.Refused(UserErrors.From(error));
        }
    }

    private static async Task<EraseMyAccountPayload> EraseMyAccountAsync(ResolveContext c, DomainServices d)
    {
        var input = c.Input<EraseMyAccountInput>();
        var caller = Caller.Of(c);
        if (!caller.IsAuthenticated || !caller.IsSession)
        {
            return EraseMyAccountPayload.Refused(UserErrors.NotAuthorized(
                caller.IsAuthenticated ? "SESSION_REQUIRED" : "UNAUTHENTICATED", "Erasing an account needs its member signed in with a session."));
        }

        try
        {
            return new EraseMyAccountPayload(await d.MemberData.EraseAsync(caller.MemberId!.Value, input.Password), null);
        }
        catch (DomainException error)
        {
            return EraseMyAccountPayload.Refused(UserErrors.From(error));
        }
    }

    /// <summary>The SHA-256 of the asking session's cookie; null over a token or a WebSocket.</summary>
    private static byte[]? CurrentSession(ResolveContext c) =>
        c.Context is HttpContext http && http.Request.Cookies.TryGetValue(GovernanceAuthenticationHandler.SessionCookie, out var id) && !string.IsNullOrEmpty(id)
            ? AccountService.SessionHash(id)
            : null;

    /// <summary>A session-only command: refused for anyone else, and a broken rule becomes the payload's error.</summary>
    private static T Run<T>(ResolveContext c, Func<long, T> command, Func<UserErrorValue, T> refused)
    {
        var caller = Caller.Of(c);
        if (!caller.IsAuthenticated)
        {
            return refused(UserErrors.NotAuthorized("UNAUTHENTICATED", "Sign in to manage your account."));
        }

        if (!caller.IsSession)
        {
            return refused(UserErrors.NotAuthorized("SESSION_REQUIRED", "Sessions, tokens and the password are managed from a signed-in session; a token cannot."));
        }

        try
        {
            return command(caller.MemberId!.Value);
        }
        catch (DomainException error)
        {
            return refused(UserErrors.From(error));
        }
    }

    internal sealed record ChangePasswordInput(string CurrentPassword, string NewPassword);

    internal sealed record EraseMyAccountInput(string Password);

    internal sealed record EraseMyAccountPayload(string? Pseudonym, IReadOnlyList<UserErrorValue>? Errors)
    {
        public static EraseMyAccountPayload Refused(UserErrorValue error) => new(null, [error]);
    }

    internal sealed record RevokeSessionInput(string Session);

    internal sealed record CreateAccessTokenInput(string Name, IReadOnlyList<string> Scopes, int? ExpiresInDays);

    internal sealed record RevokeAccessTokenInput(string AccessToken);

    internal sealed record SetLanguageInput(string? Language);

    internal sealed record ChangePasswordPayload(int? SessionsEnded, IReadOnlyList<UserErrorValue>? Errors)
    {
        public static ChangePasswordPayload Refused(UserErrorValue error) => new(null, [error]);
    }

    internal sealed record RevokeSessionPayload(IReadOnlyList<SessionView>? Sessions, IReadOnlyList<UserErrorValue>? Errors)
    {
        public static RevokeSessionPayload Refused(UserErrorValue error) => new(null, [error]);
    }

    internal sealed record SignOutOtherSessionsPayload(int? SessionsEnded, IReadOnlyList<UserErrorValue>? Errors)
    {
        public static SignOutOtherSessionsPayload Refused(UserErrorValue error) => new(null, [error]);
    }

    internal sealed record CreateAccessTokenPayload(AccessTokenInfo? AccessToken, string? Token, IReadOnlyList<UserErrorValue>? Errors)
    {
        public static CreateAccessTokenPayload Refused(UserErrorValue error) => new(null, null, [error]);
    }

    internal sealed record RevokeAccessTokenPayload(string? RevokedId, IReadOnlyList<UserErrorValue>? Errors)
    {
        public static RevokeAccessTokenPayload Refused(UserErrorValue error) => new(null, [error]);
    }

    internal sealed record SetLanguagePayload(string? Language, IReadOnlyList<UserErrorValue>? Errors)
    {
        public static SetLanguagePayload Refused(UserErrorValue error) => new(null, [error]);
    }
}
