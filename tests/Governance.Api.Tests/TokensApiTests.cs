using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;

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

    /// <summary>A request on each transport a third-party client uses, with its Authorization header as given.</summary>
    private async Task<(HttpStatusCode Status, string? Challenge)> SendOnAsync(string transport, string? token)
    {
        if (transport == "websocket")
        {
            var socket = factory.Server.CreateWebSocketClient();
            socket.SubProtocols.Add("graphql-transport-ws");
            if (token is not null)
            {
                socket.ConfigureRequest = r => r.Headers.Authorization = "Bearer " + token;
            }

            try
            {
                using var connected = await socket.ConnectAsync(new Uri(factory.Server.BaseAddress, "/graphql"), CancellationToken.None);
                return (HttpStatusCode.SwitchingProtocols, null);
            }
            catch (InvalidOperationException e) when (e.Message.Contains("401", StringComparison.Ordinal))
            {
                return (HttpStatusCode.Unauthorized, "(refused before the upgrade)");
            }
        }

        using var client = token is null ? factory.CreateClient() : Bearer(token);
        using var request = transport switch
        {
            "rest" => new HttpRequestMessage(HttpMethod.Get, "/api/exports/events.ndjson"),
            "graphql-get" => new HttpRequestMessage(HttpMethod.Get, "/graphql?query=%7Bviewer%7Bhandle%7D%7D"),
            "graphql-post" => new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query = "{ viewer { handle } }" }) },
            _ => new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query = "subscription { agendaChanged { id } }" }) },
        };
        request.Headers.Accept.ParseAdd(transport == "graphql-sse" ? "text/event-stream" : "application/graphql-response+json, application/json");
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        return (response.StatusCode, response.Headers.WwwAuthenticate.ToString());
    }

    [Theory]
    [InlineData("rest")]
    [InlineData("graphql-get")]
    [InlineData("graphql-post")]
    [InlineData("graphql-sse")]
    [InlineData("websocket")]
    public async Task ABadExpiredOrRevokedBearerTokenIsRefusedWith401OnEveryTransport(string transport)
    {
        var (session, revoked, revokedId) = await MemberWithToken("honest-" + transport, "read");
        using var sessionLifetime = session;
        var expired = (await (await session.PostAsJsonAsync("/api/tokens", new { name = "expiring", scopes = new[] { "read" }, expiresInDays = 1 })).JsonAsync()).GetProperty("token").GetString()!;
        using (var connection = factory.Services.GetRequiredService<Governance.Core.Storage.Database>().Open())
        {
            Dapper.SqlMapper.Execute(connection, "UPDATE access_tokens SET expires_at = 1 WHERE name = 'expiring'");
        }

        Assert.Equal(HttpStatusCode.NoContent, (await session.DeleteAsync($"/api/tokens/{revokedId}")).StatusCode);

        foreach (var token in new[] { "gov_pat_made-up", expired, revoked })
        {
            var (status, challenge) = await SendOnAsync(transport, token);
            Assert.Equal(HttpStatusCode.Unauthorized, status);
            if (transport != "websocket")
            {
                Assert.StartsWith("Bearer error=\"invalid_token\"", challenge, StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    [InlineData("graphql-get")]
    [InlineData("graphql-post")]
    [InlineData("websocket")]
    public async Task WithoutATokenGraphQLStaysAnonymous(string transport)
    {
        var (status, challenge) = await SendOnAsync(transport, null);

        Assert.Equal(transport == "websocket" ? HttpStatusCode.SwitchingProtocols : HttpStatusCode.OK, status);
        Assert.True(string.IsNullOrEmpty(challenge));
    }
}
