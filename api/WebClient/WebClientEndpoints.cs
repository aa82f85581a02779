using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace Governance.Api.WebClient;

/// <summary>
/// Serves the built web client (web-client/dist) at <c>/</c>: its hashed assets with a year's
/// cache, and index.html, never cached, for every other client path (the client routes in the
/// browser). Paths under /api, /graphql, /health and /openapi stay the server's, so an unknown
/// one there is still a 404 (or 405), not the app.
/// </summary>
public static class WebClientEndpoints
{
    /// <summary>The setting that points at a built client folder; by default web-client/dist is found above the content root.</summary>
    public const string DistDirectorySetting = "WebClient:DistDirectory";

    private static readonly string[] ServerPrefixes = ["api", "graphql", "health", "openapi"];

    public static WebApplication MapWebClient(this WebApplication app)
    {
        var dist = FindDist(app.Configuration, app.Environment);
        if (dist is null)
        {
            app.Logger.LogWarning(
                "The web client is not built (no web-client/dist/index.html), so / serves nothing. " +
                "`dotnet build` builds it unless SkipWebClientBuild=true; or run `npm ci && npm run build` in web-client.");
            return app;
        }

        // GraphiQL's page is a file of the build too, but it only works at /graphql, under its
        // own policy (styles, fonts, workers); as a static file the strict policy breaks it.
        app.Use((context, next) =>
        {
            if (context.Request.Path.Equals("/" + GraphQL.GraphiQLPage.FileName, StringComparison.OrdinalIgnoreCase)
                && (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)))
            {
                context.Response.StatusCode = StatusCodes.Status308PermanentRedirect;
                context.Response.Headers.Location = "/graphql";
                return Task.CompletedTask;
            }

            return next(context);
        });

        var files = new PhysicalFileProvider(dist);
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            OnPrepareResponse = context =>
            {
                // Vite names every asset by its content hash: a new build is a new URL.
                context.Context.Response.Headers.CacheControl = context.Context.Request.Path.StartsWithSegments("/assets")
                    ? "public, max-age=31536000, immutable"
                    : "no-cache";
            },
        });

        var pattern = RoutePatternFactory.Parse("{*path}", defaults: null, parameterPolicies: new { path = new ClientPathConstraint() });
        app.Map(pattern, async context =>
            {
                var index = files.GetFileInfo("index.html");
                context.Response.ContentType = "text/html; charset=utf-8";
                context.Response.Headers.CacheControl = "no-cache";
                Auth.GovernanceAuthenticationHandler.SetSignedInHint(context, context.Request.Cookies.ContainsKey(Auth.GovernanceAuthenticationHandler.SessionCookie));
                await context.Response.SendFileAsync(index, context.RequestAborted);
            })
            .WithMetadata(new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head]))
            .WithOrder(int.MaxValue)
            .WithDisplayName("Web client (index.html)")
            .ExcludeFromDescription();
        return app;
    }

    /// <summary>The built client folder (with its index.html), or null when there is none.</summary>
    internal static string? FindDist(IConfiguration configuration, IWebHostEnvironment environment)
    {
        if (configuration[DistDirectorySetting] is { Length: > 0 } configured)
        {
            return File.Exists(Path.Combine(configured, "index.html")) ? Path.GetFullPath(configured) : null;
        }

        // `dotnet run --project api` runs at the repository root; tests and `dotnet api/bin/…`
        // start elsewhere, so look upwards from the content root and from the binaries.
        foreach (var start in new[] { environment.ContentRootPath, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "web-client", "dist");
                if (File.Exists(Path.Combine(candidate, "index.html")))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    /// <summary>Matches client paths: not the server's prefixes, and not a file name (those 404 when missing).</summary>
    private sealed class ClientPathConstraint : IRouteConstraint
    {
        public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection)
        {
            var path = values.TryGetValue(routeKey, out var value) ? value?.ToString() ?? "" : "";
            var first = path.Split('/', 2)[0];
            if (ServerPrefixes.Any(p => first.Equals(p, StringComparison.OrdinalIgnoreCase)))
            {
                return false;
            }

            var last = path[(path.LastIndexOf('/') + 1)..];
            return !last.Contains('.', StringComparison.Ordinal);
        }
    }
}
