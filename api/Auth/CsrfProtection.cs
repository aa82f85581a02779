using System.Security.Cryptography;
using System.Text;

namespace Governance.Api.Auth;

/// <summary>
/// Antiforgery for cookie sessions (the synchronizer-token pattern): a request that
/// authenticated with the session cookie and may change state must carry the session's token
/// in the X-CSRF-Token header. A cross-site page can make the browser send the cookie (where
/// SameSite fails) but cannot read the token. Bearer-token requests need no such header:
/// browsers never attach them on their own.
/// </summary>
internal sealed class CsrfProtection(RequestDelegate next)
{
    public const string HeaderName = "X-CSRF-Token";

    public async Task InvokeAsync(HttpContext context)
    {
        var user = context.User;
        if (user.IsSession() && !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method)
            && !HttpMethods.IsOptions(context.Request.Method) && !HttpMethods.IsTrace(context.Request.Method))
        {
            var expected = user.FindFirst(GovernanceClaims.Csrf)?.Value ?? string.Empty;
            var given = context.Request.Headers[HeaderName].ToString();
            if (given.Length == 0 || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected)))
            {
                await TypedResults.Problem(
                    statusCode: StatusCodes.Status403Forbidden,
                    title: "Missing or wrong antiforgery token",
                    detail: $"A request signed in with the session cookie must send the session's token in the {HeaderName} header.")
                    .ExecuteAsync(context);
                return;
            }
        }

        await next(context);
    }
}
