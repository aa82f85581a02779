using System.Net;
using System.Text.Json;
using Governance.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Api.Tests.Schema;

/// <summary>A member downloads their data and erases their account over the API; the log's chain stays intact.</summary>
public sealed class ErasureApiTests(SchemaFixture fixture) : IClassFixture<SchemaFixture>
{
    private const string Errors = "errors { __typename ... on UserError { code message field } }";

    [Fact]
    public async Task AMemberDownloadsTheirDataThenErasesTheAccountAndVerifyLogStillPasses()
    {
        var me = await fixture.MemberAsync("erase-me");
        var export = await me.Client.GetAsync("/api/account/export");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Contains("attachment", export.Content.Headers.ContentDisposition?.ToString() ?? "", StringComparison.Ordinal);
        var json = JsonDocument.Parse(await export.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("erase-me@example.org", json.GetProperty("member")[0].GetProperty("email").GetString());

        var wrong = (await me.DataAsync($"mutation {{ eraseMyAccount(input: {{ password: \"not it at all\" }}) {{ pseudonym {Errors} }} }}")).GetProperty("eraseMyAccount");
        Assert.Equal("password", wrong.GetProperty("errors")[0].GetProperty("field").GetString());

        var erased = (await me.DataAsync($"mutation {{ eraseMyAccount(input: {{ password: \"{ApiClient.Password}\" }}) {{ pseudonym {Errors} }} }}")).GetProperty("eraseMyAccount");
        Assert.Equal("erased-" + me.MemberId, erased.GetProperty("pseudonym").GetString());
        Assert.Equal(JsonValueKind.Null, (await me.DataAsync("{ viewer { handle } }")).GetProperty("viewer").ValueKind);
        var member = (await fixture.Anonymous.DataAsync("query($id: ID!) { node(id: $id) { ... on Member { handle displayName } } }", new { id = SchemaFixture.Id("Member", me.MemberId!.Value) })).GetProperty("node");
        if (member.ValueKind != JsonValueKind.Null)
        {
            Assert.Equal("erased-" + me.MemberId, member.GetProperty("handle").GetString());
        }

        var verification = EventLog.Verify(fixture.Factory.Services.GetRequiredService<Database>());
        Assert.True(verification.Intact, verification.Problem);
    }

    [Fact]
    public async Task ATokenCannotEraseItsMember()
    {
        var owner = await fixture.MemberAsync("erase-token-owner");
        var token = await fixture.TokenAsync(owner, "t", "read", "vote", "delegate", "propose");

        var refused = (await token.DataAsync($"mutation {{ eraseMyAccount(input: {{ password: \"{ApiClient.Password}\" }}) {{ pseudonym {Errors} }} }}")).GetProperty("eraseMyAccount");

        Assert.Equal(["SESSION_REQUIRED"], refused.Codes());
    }
}
