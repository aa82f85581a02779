using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace Governance.Api.Tests;

public sealed class TokensApiTests : IDisposable
{
    private readonly GovernanceApiFactory factory = new() { DemoMembers = 10 };

    public void Dispose() => factory.Dispose();

    private async Task<(HttpClient Session, string Token, long Id)> MemberWithToken(string handle, params string[] scopes)
    {
        var session = ApiClient.CreateCookieClient(factory);
        await ApiClient.RegisterAsync(session, handle);
        var created = await session.PostAsJsonAsync("/api/tokens", new { name = "my client", scopes });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.JsonAsync();
        return (session, body.GetProperty("token").GetString()!, body.GetProperty("id").GetInt64());
    }

    private HttpClient Bearer(string token)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    [Fact]
    public async Task TokenIsShownOnceAndListedWithoutItsSecret()
    {
        var (session, token, id) = await MemberWithToken("client.dev", "read", "vote");
        using var sessionLifetime = session;

        var list = await (await session.GetAsync("/api/tokens")).JsonAsync();

        var entry = Assert.Single(list.EnumerateArray());
        Assert.Equal(id, entry.GetProperty("id").GetInt64());
        Assert.False(entry.TryGetProperty("token", out _));
        Assert.DoesNotContain(token, list.GetRawText(), StringComparison.Ordinal);
        Assert.StartsWith("gov_pat_", token, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TokenWithReadScopeCanExportTheEventLog()
    {
        var (session, token, _) = await MemberWithToken("auditor", "read");
        using var sessionLifetime = session;
        using var client = Bearer(token);

        var response = await client.GetAsync("/api/exports/events.ndjson");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-ndjson", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => l.Contains("\"type\":\"organisation.seeded\"", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("\"type\":\"token.created\"", StringComparison.Ordinal));
        Assert.All(lines, l => Assert.Matches("\"hash\":\"[0-9a-f]{64}\"", l));
    }

    [Fact]
    public async Task TokenWithoutReadScopeIsForbiddenToExport()
    {
        var (session, token, _) = await MemberWithToken("voter.app", "vote");
        using var sessionLifetime = session;
        using var client = Bearer(token);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/exports/events.ndjson")).StatusCode);
    }

    [Fact]
    public async Task ATokenCannotMintTokensOrChangeThePassword()
    {
        var (session, token, _) = await MemberWithToken("escalator", "read", "vote", "delegate", "propose", "moderate");
        using var sessionLifetime = session;
        using var client = Bearer(token);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/tokens", new { name = "wider", scopes = new[] { "read" } })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/tokens")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/account/password", new { currentPassword = ApiClient.Password, newPassword = "stolen password!" })).StatusCode);
    }

    [Fact]
    public async Task RevokedTokenStopsWorkingAtOnce()
    {
        var (session, token, id) = await MemberWithToken("revoker", "read");
        using var sessionLifetime = session;
        using var client = Bearer(token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/exports/events.ndjson")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await session.DeleteAsync($"/api/tokens/{id}")).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/exports/events.ndjson")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await session.DeleteAsync($"/api/tokens/{id}")).StatusCode);
    }

    [Fact]
    public async Task AMemberCannotRevokeAnotherMembersToken()
    {
        var (owner, token, id) = await MemberWithToken("owner", "read");
        using var ownerLifetime = owner;
        using var other = ApiClient.CreateCookieClient(factory);
        await ApiClient.RegisterAsync(other, "other.member");

        Assert.Equal(HttpStatusCode.NotFound, (await other.DeleteAsync($"/api/tokens/{id}")).StatusCode);
        using var client = Bearer(token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/exports/events.ndjson")).StatusCode);
    }

    [Fact]
    public async Task InvalidTokenRequestNamesTheUnknownScope()
    {
        using var session = ApiClient.CreateCookieClient(factory);
        await ApiClient.RegisterAsync(session, "scoper");

        var response = await session.PostAsJsonAsync("/api/tokens", new { name = "", scopes = new[] { "read", "admin" }, expiresInDays = 0 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        Assert.Contains("unknown: admin", errors.GetProperty("scopes")[0].GetString(), StringComparison.Ordinal);
        Assert.True(errors.TryGetProperty("name", out _));
        Assert.True(errors.TryGetProperty("expiresInDays", out _));
        Assert.Empty((await (await session.GetAsync("/api/tokens")).JsonAsync()).EnumerateArray());
    }

    [Fact]
    public async Task AnonymousCallersAreAskedToAuthenticate()
    {
        using var client = factory.CreateClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/exports/events.ndjson")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/tokens")).StatusCode);
        using var garbage = Bearer("gov_pat_made-up");
        Assert.Equal(HttpStatusCode.Unauthorized, (await garbage.GetAsync("/api/exports/events.ndjson")).StatusCode);
    }
}
