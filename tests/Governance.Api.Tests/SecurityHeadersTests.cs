using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Governance.Api.Tests;

public sealed class SecurityHeadersTests : IDisposable
{
    private readonly GovernanceApiFactory factory = new() { DemoMembers = 10 };

    public void Dispose() => factory.Dispose();

    public static TheoryData<string> Paths => new() { "/health", "/no-such-page", "/api/tokens", "/openapi/v1.yaml" };

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task EveryResponseCarriesTheSecurityHeaders(string path)
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync(path);

        var csp = string.Join(';', response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }

    [Fact]
    public async Task TheExplorerPageMayRunExactlyItsOwnInlineScriptAndStyle()
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        foreach (Match block in Regex.Matches(html, "<(script|style)>(.*?)</\\1>", RegexOptions.Singleline))
        {
            var hash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(block.Groups[2].Value)));
            Assert.Contains($"'sha256-{hash}'", csp, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
    }
}
