using Governance.Api.GraphQL;

namespace Governance.Api.Security;

/// <summary>
/// Security headers on every response: a strict Content-Security-Policy (no inline code, no
/// framing, same-origin connections only), nosniff, no referrer. GraphiQL at /graphql gets the
/// same policy with styles relaxed, and nothing else: see <see cref="GraphiQLPolicy"/>.
/// </summary>
public static class SecurityHeaders
{
    public const string DefaultPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// GraphiQL's policy. Scripts stay 'self' only. Its Monaco editors add &lt;style&gt; elements and
    /// style attributes at run time that no hash or nonce can cover (Monaco has no nonce option),
    /// so styles allow 'unsafe-inline' on this one page; its stylesheet embeds its fonts as data:
    /// URLs; Monaco's workers are module scripts from /assets (worker-src 'self', stated outright).
    /// </summary>
    public static readonly string GraphiQLPolicy = DefaultPolicy
        .Replace("style-src 'self'", "style-src 'self' 'unsafe-inline'", StringComparison.Ordinal)
        .Replace("font-src 'self'", "font-src 'self' data:; worker-src 'self'", StringComparison.Ordinal);

    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                var isGraphiQL = context.Request.Path.StartsWithSegments(GraphQLEndpoints.Path)
                    && context.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true;
                headers.ContentSecurityPolicy = isGraphiQL ? GraphiQLPolicy : DefaultPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
                return Task.CompletedTask;
            });
            return next(context);
        });
        return app;
    }
}
