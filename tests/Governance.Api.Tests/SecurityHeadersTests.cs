namespace Governance.Api.Tests;

public sealed class SecurityHeadersTests : IDisposable
{
    private readonly GovernanceApiFactory factory = new() { DemoMembers = 10 };

    public void Dispose() => factory.Dispose();

    public static TheoryData<string> Paths => new() { "/health", "/no-such-page", "/api/tokens", "/openapi/v1.yaml", "/graphql/schema.graphql" };

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
}
