using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Governance.Api.Tests.Reliability;

/// <summary>
/// One test per defect the fuzzers found (docs/reliability.md lists each with its case number):
/// what answered a 500 now answers a 400 or a user error that says what was wrong.
/// </summary>
public sealed class FuzzFindingsTests : IDisposable
{
    private readonly GovernanceApiFactory factory = HttpFuzzTests.CreateFactory();

    public void Dispose() => factory.Dispose();

    private HttpClient Client() => factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = false });

    [Fact]
    public async Task ATokenNameWithControlCharactersIsRefusedNotA500()
    {
        // Case 42679 of seed 1122: "\u0000\u0001\u001F\u007F" passed the length rule, then failed the table's check.
        using var client = Client();
        var me = await HttpFuzzTests.SignUpAsync(client, "tokens.nul");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/tokens") { Content = JsonContent.Create(new { name = "\u0000\u0001\u001F\u007F", scopes = new[] { "vote" } }) };
        request.Headers.Add("Cookie", "gov_session=" + me.SessionCookie);
        request.Headers.Add("X-CSRF-Token", me.Csrf);

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.JsonAsync();
        Assert.Equal("A token's name may not contain control characters.", problem.GetProperty("errors").GetProperty("name")[0].GetString());
    }

    [Fact]
    public async Task VariablesWithALoneSurrogateInAGetAreRefusedAsInvalidJson()
    {
        // Case 44136 of seed 1122: the JSON reader throws InvalidOperationException, not JsonException, for "\uD83D".
        using var client = Client();
        var variables = Uri.EscapeDataString("{\"id\":\"\\uD83D\"}");

        var response = await client.GetAsync($"/graphql?query={Uri.EscapeDataString("query($id: ID!) { node(id: $id) { id } }")}&variables={variables}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal("The \"variables\" parameter is not valid JSON.", body.GetProperty("errors")[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task AProposalTitleWithANulIsAUserErrorAndNothingIsStored()
    {
        using var client = Client();
        var me = await HttpFuzzTests.SignUpAsync(client, "titles.nul");
        var ids = await HttpFuzzTests.KnownIdsAsync(client, me.Token);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = JsonContent.Create(new
            {
                query = "mutation($a: ID!) { propose(input: { area: $a, title: \"\\u0000 hidden\", body: \"b\" }) { proposal { id } errors { ... on UserError { code message field } } } }",
                variables = new { a = ids.Areas[1] },
            }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", me.Token);

        var payload = (await (await client.SendAsync(request)).JsonAsync()).GetProperty("data").GetProperty("propose");

        Assert.Equal(JsonValueKind.Null, payload.GetProperty("proposal").ValueKind);
        var error = payload.GetProperty("errors")[0];
        Assert.Equal("INVALID_INPUT", error.GetProperty("code").GetString());
        Assert.Equal("A title may not contain control characters (line breaks, tabs, NUL).", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task TheScoreOfAProposalNobodySupportsIsZeroEvenAsAFreshProcesssFirstRead()
    {
        // Found by the load test: a first score read returning no rows made Dapper type the
        // aggregate columns as byte[] and fail. Purging Dapper's cache makes this read the first.
        using var client = Client();
        var me = await HttpFuzzTests.SignUpAsync(client, "score.reader");
        var area = (await HttpFuzzTests.KnownIdsAsync(client, me.Token)).Areas[1];
        var made = await WriteLoad.QueryAsync(client, me.Token, "mutation($a: ID!) { propose(input: { area: $a, title: \"Nobody supports this\", body: \"b\" }) { proposal { id } } }", new() { ["a"] = area });
        var id = made.GetProperty("propose").GetProperty("proposal").GetProperty("id").GetString();
        Dapper.SqlMapper.PurgeQueryCache();

        var read = await WriteLoad.QueryAsync(client, me.Token, "query($id: ID!) { proposal(id: $id) { score supporterCount } }", new() { ["id"] = id });

        Assert.Equal(0, read.GetProperty("proposal").GetProperty("score").GetInt32());
        Assert.Equal(0, read.GetProperty("proposal").GetProperty("supporterCount").GetInt32());
    }
}
