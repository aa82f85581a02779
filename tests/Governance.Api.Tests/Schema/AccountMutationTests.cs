using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Governance.Api.Tests.Schema;

/// <summary>The account page's mutations as a client sends them: password, sessions, tokens, language.</summary>
public sealed class AccountMutationTests(SchemaFixture fixture) : IClassFixture<SchemaFixture>
{
    private const string Errors = "errors { __typename ... on UserError { code message field } }";

    private async Task<Actor> SecondSessionAsync(string handle, string password = ApiClient.Password)
    {
        var client = ApiClient.CreateCookieClient(fixture.Factory);
        client.DefaultRequestHeaders.UserAgent.ParseAdd("Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0 Safari/537.36");
        var response = await client.PostAsJsonAsync("/api/account/sign-in", new { handleOrEmail = handle, password });
        response.EnsureSuccessStatusCode();
        client.DefaultRequestHeaders.Add("X-CSRF-Token", (await response.JsonAsync()).GetProperty("csrfToken").GetString());
        return new Actor(handle + " elsewhere", client, null);
    }

    [Fact]
    public async Task ChangingThePasswordNeedsTheCurrentOneAndEndsEveryOtherSession()
    {
        var me = await fixture.MemberAsync("acc-pw");
        var elsewhere = await SecondSessionAsync("acc-pw");
        var events = fixture.EventCount();

        var wrong = (await me.DataAsync($"mutation {{ changePassword(input: {{ currentPassword: \"not it at all\", newPassword: \"a brand new password\" }}) {{ sessionsEnded {Errors} }} }}")).GetProperty("changePassword");
        var tooShort = (await me.DataAsync($"mutation {{ changePassword(input: {{ currentPassword: \"{ApiClient.Password}\", newPassword: \"short\" }}) {{ sessionsEnded {Errors} }} }}")).GetProperty("changePassword");
        Assert.Equal("currentPassword", wrong.GetProperty("errors")[0].GetProperty("field").GetString());
        Assert.Equal("ValidationError", wrong.GetProperty("errors")[0].GetProperty("__typename").GetString());
        Assert.Equal("newPassword", tooShort.GetProperty("errors")[0].GetProperty("field").GetString());
        Assert.Equal(events, fixture.EventCount());

        var changed = (await me.DataAsync($"mutation {{ changePassword(input: {{ currentPassword: \"{ApiClient.Password}\", newPassword: \"a brand new password\" }}) {{ sessionsEnded {Errors} }} }}")).GetProperty("changePassword");

        Assert.Equal(1, changed.GetProperty("sessionsEnded").GetInt32());
        Assert.Equal(JsonValueKind.Null, (await elsewhere.DataAsync("{ viewer { handle } }")).GetProperty("viewer").ValueKind);
        Assert.Equal("acc-pw", (await me.DataAsync("{ viewer { handle } }")).GetProperty("viewer").GetProperty("handle").GetString());
        await SecondSessionAsync("acc-pw", "a brand new password");
    }

    [Fact]
    public async Task AMemberSeesTheirSessionsAndSignsOutAnother()
    {
        var me = await fixture.MemberAsync("acc-sessions");
        await SecondSessionAsync("acc-sessions");
        var elsewhere = await SecondSessionAsync("acc-sessions");

        var sessions = (await me.DataAsync("{ viewer { sessions { id current userAgent createdAt } } }")).GetProperty("viewer").GetProperty("sessions");
        Assert.Equal(3, sessions.GetArrayLength());
        Assert.Single(sessions.EnumerateArray(), s => s.GetProperty("current").GetBoolean());
        var other = sessions.EnumerateArray().First(s => !s.GetProperty("current").GetBoolean());
        Assert.Contains("Chrome/131", other.GetProperty("userAgent").GetString(), StringComparison.Ordinal);

        var revoked = (await me.DataAsync($"mutation($id: ID!) {{ revokeSession(input: {{ session: $id }}) {{ sessions {{ id }} {Errors} }} }}", new { id = other.GetProperty("id").GetString() })).GetProperty("revokeSession");
        Assert.Equal(2, revoked.GetProperty("sessions").GetArrayLength());
        var unknown = (await me.DataAsync($"mutation {{ revokeSession(input: {{ session: \"nonsense\" }}) {{ sessions {{ id }} {Errors} }} }}")).GetProperty("revokeSession");
        Assert.Equal("NotFoundError", unknown.GetProperty("errors")[0].GetProperty("__typename").GetString());
        Assert.Equal("session", unknown.GetProperty("errors")[0].GetProperty("field").GetString());

        var others = (await me.DataAsync($"mutation {{ signOutOtherSessions {{ sessionsEnded {Errors} }} }}")).GetProperty("signOutOtherSessions");
        Assert.Equal(1, others.GetProperty("sessionsEnded").GetInt32());
        Assert.Equal(JsonValueKind.Null, (await elsewhere.DataAsync("{ viewer { handle } }")).GetProperty("viewer").ValueKind);
    }

    [Fact]
    public async Task ATokenIsShownOnceWorksWithItsScopesAndStopsWhenRevoked()
    {
        var me = await fixture.MemberAsync("acc-tokens");
        var created = (await me.DataAsync($"mutation {{ createAccessToken(input: {{ name: \"my script\", scopes: [READ], expiresInDays: 30 }}) {{ token accessToken {{ id name scopes expiresAt }} {Errors} }} }}")).GetProperty("createAccessToken");
        var secret = created.GetProperty("token").GetString()!;
        var id = created.GetProperty("accessToken").GetProperty("id").GetString()!;
        Assert.StartsWith("gov_pat_", secret, StringComparison.Ordinal);
        Assert.Equal("READ", created.GetProperty("accessToken").GetProperty("scopes")[0].GetString());

        var listed = (await me.DataAsync("{ viewer { accessTokens { id name scopes lastUsedAt } } }")).GetProperty("viewer").GetProperty("accessTokens");
        Assert.Single(listed.EnumerateArray(), t => t.GetProperty("id").GetString() == id);
        Assert.DoesNotContain(secret, listed.GetRawText(), StringComparison.Ordinal);

        var client = fixture.Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        var asToken = new Actor("token", client, me.MemberId);
        Assert.Equal("acc-tokens", (await asToken.DataAsync("{ viewer { handle } }")).GetProperty("viewer").GetProperty("handle").GetString());
        var mint = (await asToken.DataAsync($"mutation {{ createAccessToken(input: {{ name: \"wider\", scopes: [VOTE] }}) {{ token {Errors} }} }}")).GetProperty("createAccessToken");
        Assert.Equal(["SESSION_REQUIRED"], mint.Codes());
        Assert.Equal(0, (await asToken.DataAsync("{ viewer { accessTokens { id } } }")).GetProperty("viewer").GetProperty("accessTokens").GetArrayLength());

        var revoked = (await me.DataAsync($"mutation($id: ID!) {{ revokeAccessToken(input: {{ accessToken: $id }}) {{ revokedId {Errors} }} }}", new { id })).GetProperty("revokeAccessToken");
        Assert.Equal(id, revoked.GetProperty("revokedId").GetString());
        var after = await client.PostAsJsonAsync("/graphql", new { query = "{ viewer { handle } }" });
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Theory]
    [InlineData("name: \"\", scopes: [READ]", "name")]
    [InlineData("name: \"x\", scopes: []", "scopes")]
    [InlineData("name: \"x\", scopes: [READ], expiresInDays: 0", "expiresInDays")]
    [InlineData("name: \"x\", scopes: [READ], expiresInDays: 400", "expiresInDays")]
    public async Task ABadTokenRequestIsRefusedNamingTheFieldAndWritesNothing(string input, string field)
    {
        var me = await fixture.MemberAsync("acc-bad-" + field.ToLowerInvariant() + input.Length);
        var events = fixture.EventCount();

        var payload = (await me.DataAsync($"mutation {{ createAccessToken(input: {{ {input} }}) {{ token {Errors} }} }}")).GetProperty("createAccessToken");

        Assert.Equal(JsonValueKind.Null, payload.GetProperty("token").ValueKind);
        Assert.Equal(field, payload.GetProperty("errors")[0].GetProperty("field").GetString());
        Assert.Equal(events, fixture.EventCount());
    }

    [Fact]
    public async Task TheLanguagePreferenceIsStoredWithTheAccount()
    {
        var me = await fixture.MemberAsync("acc-lang");

        var set = (await me.DataAsync($"mutation {{ setLanguage(input: {{ language: \"de\" }}) {{ language {Errors} }} }}")).GetProperty("setLanguage");
        var refused = (await me.DataAsync($"mutation {{ setLanguage(input: {{ language: \"fr\" }}) {{ language {Errors} }} }}")).GetProperty("setLanguage");

        Assert.Equal("de", set.GetProperty("language").GetString());
        Assert.Equal("language", refused.GetProperty("errors")[0].GetProperty("field").GetString());
        Assert.Equal("de", (await (await SecondSessionAsync("acc-lang")).DataAsync("{ viewer { language } }")).GetProperty("viewer").GetProperty("language").GetString());
    }
}
