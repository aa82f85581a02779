using System.Net;
using Microsoft.AspNetCore.Hosting;

namespace Governance.Api.Tests;

/// <summary>The api serves a built web client at /, from a stand-in dist folder.</summary>
public sealed class WebClientHostingTests : IDisposable
{
    private const string IndexHtml = "<!doctype html><title>stand-in client</title>";
    private readonly DirectoryInfo dist = Directory.CreateTempSubdirectory("governance-dist-");
    private readonly Factory factory;

    public WebClientHostingTests()
    {
        File.WriteAllText(Path.Combine(dist.FullName, "index.html"), IndexHtml);
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
