using System.Security.Cryptography;
using System.Text;
using Governance.Api.Auth;
using Governance.Core.Accounts;
using Governance.GraphQL.Http.WebSockets;

namespace Governance.Api.Schema;

/// <summary>
/// Who a graphql-transport-ws connection acts as, decided at connection_init. A browser cannot
/// set headers on a WebSocket, and any page can open one to us carrying our cookie, so:
/// a connection authenticated by the session cookie must also send the session's antiforgery
/// token ({"csrfToken": "…"}) in connection_init, or it is refused (4403); a third-party client
/// may send {"authorization": "Bearer gov_pat_…"} instead of the header; without either the
/// connection is anonymous.
/// </summary>
internal sealed class WebSocketAuthentication(AccountStore accounts) : IGraphQLWebSocketInitHandler
{
    public async ValueTask<ConnectionInitResult> OnConnectAsync(IReadOnlyDictionary<string, object?>? payload, object? transportContext, CancellationToken cancellationToken)
    {
        if (payload?.GetValueOrDefault("authorization") is string authorization)
        {
            if (!authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            {
                return ConnectionInitResult.Refuse;
            }

            var found = await accounts.FindTokenAsync(authorization["Bearer ".Length..].Trim());
            if (found is null)
            {
                return ConnectionInitResult.Refuse;
            }

            var (member, scopes) = found.Value;
            return new ConnectionInitResult(true, Context: new Caller(member.Id, false, scopes.ToHashSet(StringComparer.Ordinal), member.Roles.ToHashSet(StringComparer.Ordinal)));
        }

        if (transportContext is not HttpContext http)
        {
            return new ConnectionInitResult(true, Context: Caller.Anonymous);
        }

        var caller = Caller.From(http.User);
        if (caller.IsSession)
        {
            var expected = http.User.FindFirst(GovernanceClaims.Csrf)?.Value ?? string.Empty;
            var given = payload?.GetValueOrDefault("csrfToken") as string ?? string.Empty;
            if (given.Length == 0 || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected)))
            {
                return ConnectionInitResult.Refuse;
            }
        }

        return new ConnectionInitResult(true, Context: caller);
    }
}
