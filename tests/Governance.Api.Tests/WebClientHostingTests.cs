using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;

namespace Governance.Api.Tests;

/// <summary>The api serves a built web client at / and its GraphiQL page at /graphql, from a stand-in dist folder.</summary>
public sealed class WebClientHostingTests : IDisposable
{
    private const string IndexHtml = "<!doctype html><title>stand-in client</title>";
    private const string GraphiQLHtml = "<!doctype html><title>stand-in GraphiQL</title><script type=\"module\" src=\"/assets/graphiql-abc123.js\"></script>";
    private readonly DirectoryInfo dist = Directory.CreateTempSubdirectory("governance-dist-");
    private readonly Factory factory;

    public WebClientHostingTests()
    {
        File.WriteAllText(Path.Combine(dist.FullName, "index.html"), IndexHtml);
        File.WriteAllText(Path.Combine(dist.FullName, "graphiql.html"), GraphiQLHtml);
        Directory.CreateDirectory(Path.Combine(dist.FullName, "assets"));
        File.WriteAllText(Path.Combine(dist.FullName, "assets", "index-abc123.js"), "console.log('hi');");
        factory = new Factory(dist.FullName);
    }

    public void Dispose()
    {
        factory.Dispose();
        dist.Delete(recursive: true);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/sign-in")]
    [InlineData("/proposals/42/history")]
    public async Task ClientPathsGetTheAppsIndexPageUncached(string path)
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(IndexHtml, await response.Content.ReadAsStringAsync());
        Assert.True(response.Headers.CacheControl?.NoCache);
    }

    [Theory]
    [InlineData("/graphiql.html")]
    [InlineData("/GraphiQL.html")]
    public async Task GraphiQLsFileRedirectsToGraphQLWhereItsPolicyLetsItWork(string path)
    {
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.PermanentRedirect, response.StatusCode);
        Assert.Equal("/graphql", response.Headers.Location?.OriginalString);
        Assert.NotEqual(GraphiQLHtml, await response.Content.ReadAsStringAsync());
        Assert.Equal("nosniff", string.Join(",", response.Headers.GetValues("X-Content-Type-Options")));
    }

    [Fact]
    public async Task HashedAssetsAreCachedForAYear()
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/assets/index-abc123.js");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(TimeSpan.FromDays(365), response.Headers.CacheControl?.MaxAge);
        Assert.Contains("console.log", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/no-such-endpoint")]
    [InlineData("/graphql/no-such-thing")]
    [InlineData("/health/nope")]
    [InlineData("/assets/missing-file.js")]
    [InlineData("/favicon.ico")]
    public async Task ServerPathsAndMissingFilesStayNotFound(string path)
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.NotEqual(IndexHtml, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TheApiStillAnswersBesideTheClient()
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Healthy", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BrowserOpeningGraphQLGetsGraphiQLFromTheBuiltClientUncached()
    {
        using var client = factory.CreateClient();

        using var request = BrowserNavigation("/graphql");
        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(GraphiQLHtml, await response.Content.ReadAsStringAsync());
        Assert.True(response.Headers.CacheControl?.NoCache);
    }

    [Fact]
    public async Task GraphiQLsPolicyRelaxesOnlyStylesFontsAndWorkersAndKeepsScriptsToTheOrigin()
    {
        using var client = factory.CreateClient();

        using var pageRequest = BrowserNavigation("/graphql");
        using var appRequest = BrowserNavigation("/");
        var page = await client.SendAsync(pageRequest);
        var app = await client.SendAsync(appRequest);

        var graphiql = Directives(page);
        var strict = Directives(app);
        Assert.Equal("'self'", graphiql["script-src"]);
        Assert.Equal("'self'", graphiql["connect-src"]);
        Assert.Equal("'none'", graphiql["frame-ancestors"]);
        Assert.Equal("'self' 'unsafe-inline'", graphiql["style-src"]);
        Assert.Equal("'self' data:", graphiql["font-src"]);
        Assert.Equal("'self'", graphiql["worker-src"]);
        var relaxed = new[] { "style-src", "font-src", "worker-src" };
        Assert.Equal(strict.Where(d => !relaxed.Contains(d.Key)), graphiql.Where(d => !relaxed.Contains(d.Key)));
        Assert.DoesNotContain("unsafe-inline", app.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutABuiltGraphiQLABrowserIsToldHowToBuildItAndGraphQLStillAnswers()
    {
        var empty = Directory.CreateTempSubdirectory("governance-no-dist-");
        try
        {
            using var bare = new Factory(empty.FullName);
            using var client = bare.CreateClient();

            using var request = BrowserNavigation("/graphql");
            var page = await client.SendAsync(request);
            var problem = JsonDocument.Parse(await page.Content.ReadAsStringAsync()).RootElement;
            var query = await client.GetStringAsync(new Uri("/graphql?query=%7B__typename%7D", UriKind.Relative));

            Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
            Assert.Equal("application/problem+json", page.Content.Headers.ContentType?.MediaType);
            Assert.Contains("GraphiQL is not built", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
            Assert.Equal("""{"data":{"__typename":"Query"}}""", query);
        }
        finally
        {
            empty.Delete(recursive: true);
        }
    }

    private static HttpRequestMessage BrowserNavigation(string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        return request;
    }

    private static Dictionary<string, string> Directives(HttpResponseMessage response) =>
        response.Headers.GetValues("Content-Security-Policy").Single()
            .Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(d => d.Split(' ', 2))
            .ToDictionary(d => d[0], d => d.Length > 1 ? d[1] : "");

    private sealed class Factory(string distDirectory) : GovernanceApiFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("WebClient:DistDirectory", distDirectory);
            builder.UseSetting("Demo:Members", "10");
        }
    }
}
