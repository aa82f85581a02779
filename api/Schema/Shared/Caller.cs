using System.Security.Claims;
using Governance.Api.Auth;
using Governance.Core.Accounts;
using Governance.GraphQL.Execution;

namespace Governance.Api.Schema;

/// <summary>
/// Who is asking, as the resolvers need it: the member (none when anonymous), whether they
/// came through the web client's session or a token, the token's scopes and the member's roles.
/// </summary>
public sealed record Caller(long? MemberId, bool IsSession, IReadOnlySet<string> Scopes, IReadOnlySet<string> Roles)
{
    public static Caller Anonymous { get; } = new(null, false, new HashSet<string>(), new HashSet<string>());

    public bool IsAuthenticated => MemberId is not null;

    /// <summary>A session may do all its member may; a token only what its scopes name.</summary>
    public bool Has(string scope) => IsAuthenticated && (IsSession || Scopes.Contains(scope));

    /// <summary>Reading members' private data needs a signed-in caller with the read scope.</summary>
    public bool CanRead => Has(TokenScopes.Read);

    /// <summary>Administration needs the admin role and a session: a leaked token must not administer.</summary>
    public bool IsAdmin => IsSession && Roles.Contains("admin");

    public static Caller From(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.Identity?.IsAuthenticated != true)
        {
            return Anonymous;
        }

        return new Caller(
            user.MemberId(),
            user.IsSession(),
            user.FindAll(GovernanceClaims.Scope).Select(c => c.Value).ToHashSet(StringComparer.Ordinal),
            user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>
    /// The caller of a GraphQL operation: over HTTP the request's user; over WebSocket the user
    /// the connection authenticated as (see <see cref="WebSocketAuthentication"/>).
    /// </summary>
    public static Caller Of(ResolveContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Context switch
        {
            Caller caller => caller,
            HttpContext http => From(http.User),
            _ => Anonymous,
        };
    }
}
