using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Governance.Api.GraphQL;

namespace Governance.Api.Security;

/// <summary>
/// Security headers on every response: a strict Content-Security-Policy (no inline code, no
/// framing, same-origin connections only), nosniff, no referrer. The GraphQL explorer page has
/// one inline script and style; its policy allows exactly those, by SHA-256 hash, and nothing else.
/// </summary>
public static partial class SecurityHeaders
{
    public const string DefaultPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>The explorer's policy: the default with its inline blocks allowed by hash.</summary>
    public static readonly string ExplorerPolicy = BuildExplorerPolicy(ExplorerPage.Html);

    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                var isExplorer = context.Request.Path.StartsWithSegments(GraphQLEndpoints.Path)
                    && context.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true;
                headers.ContentSecurityPolicy = isExplorer ? ExplorerPolicy : DefaultPolicy;
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

    internal static string BuildExplorerPolicy(string html)
    {
        static string Hashes(IEnumerable<string> blocks) =>
            string.Join(' ', blocks.Select(b => $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(b)))}'"));

        var scripts = ScriptBlock().Matches(html).Select(m => m.Groups[1].Value);
        var styles = StyleBlock().Matches(html).Select(m => m.Groups[1].Value);
        return DefaultPolicy
            .Replace("script-src 'self'", $"script-src 'self' {Hashes(scripts)}", StringComparison.Ordinal)
            .Replace("style-src 'self'", $"style-src 'self' {Hashes(styles)}", StringComparison.Ordinal);
    }

    [GeneratedRegex("<script>(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex ScriptBlock();

    [GeneratedRegex("<style>(.*?)</style>", RegexOptions.Singleline)]
    private static partial Regex StyleBlock();
}
