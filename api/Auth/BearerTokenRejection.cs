namespace Governance.Api.Auth;

/// <summary>
/// A request that sends a bearer token the server does not accept (unknown, revoked, expired)
/// is answered 401 with <c>WWW-Authenticate: Bearer error="invalid_token"</c> (RFC 6750 §3.1),
/// on every path and transport: REST, GraphQL over GET, POST and SSE, and the WebSocket upgrade.
/// Running it anonymously instead would answer a client whose token lapsed with
/// <c>viewer: null</c> and let it carry on, as if signed out on purpose. A request without a
/// token stays anonymous.
/// </summary>
internal sealed class BearerTokenRejection(RequestDelegate next)
{
    public const string Challenge = "Bearer error=\"invalid_token\", error_description=\"The bearer token is unknown, revoked or expired.\"";

    public async Task InvokeAsync(HttpContext context)
    {
        // The scheme reads a bearer token before a cookie: with one sent, not signed in means refused.
        if (context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && !context.User.IsAuthenticated())
        {
            context.Response.Headers.WWWAuthenticate = Challenge;
            await TypedResults.Problem(
                statusCode: StatusCodes.Status401Unauthorized,
                title: "Invalid bearer token",
                detail: "The bearer token is unknown, revoked or expired. Send a valid token, or none to act anonymously.")
                .ExecuteAsync(context);
            return;
        }

        await next(context);
    }
}
