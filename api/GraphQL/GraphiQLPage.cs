using Governance.Api.WebClient;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Governance.Api.GraphQL;

/// <summary>
/// GraphiQL, for a browser that navigates to /graphql. The page is the web client's second
/// Vite entry (web-client/graphiql.html, bundled with its hashed assets into web-client/dist),
/// so it needs no network; its policy is <see cref="Security.SecurityHeaders.GraphiQLPolicy"/>.
/// </summary>
internal static class GraphiQLPage
{
    public const string FileName = "graphiql.html";

    public static Results<FileContentHttpResult, ProblemHttpResult> Get(HttpContext http)
    {
        var dist = WebClientEndpoints.FindDist(
            http.RequestServices.GetRequiredService<IConfiguration>(),
            http.RequestServices.GetRequiredService<IWebHostEnvironment>());
        var page = dist is null ? null : Path.Combine(dist, FileName);
        if (page is null || !File.Exists(page))
        {
            return TypedResults.Problem(
                $"GraphiQL is not built: web-client/dist has no {FileName}. `dotnet build` builds it unless SkipWebClientBuild=true; " +
                "or run `npm ci && npm run build` in web-client. GraphQL itself answers here as usual.",
                statusCode: StatusCodes.Status404NotFound, title: "Not Found");
        }

        // Half a kilobyte, read per navigation so a rebuilt client shows at once; its assets are cached by hash.
        http.Response.Headers.CacheControl = "no-cache";
        return TypedResults.File(File.ReadAllBytes(page), "text/html; charset=utf-8");
    }
}
