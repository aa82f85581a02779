using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Governance.Api.Tests.Reliability;

/// <summary>
/// Attack paths issue 8 names that the authorisation and security-header tests did not yet
/// cover: reading a member's private vote through any path (the audit trail, its export,
/// node/nodes, the tally, introspection), and the security headers on every kind of response —
/// GraphQL errors, ProblemDetails of each status, rate-limit refusals, a refused upgrade.
/// </summary>
public sealed class AttackTests : IDisposable
{
    private readonly GovernanceApiFactory factory = HttpFuzzTests.CreateFactory();

    public void Dispose() => factory.Dispose();

    private HttpClient Client() => factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = false });

    [Fact]
    public async Task APrivateVoteCannotBeReadThroughAnyPathButItsVotersOwn()
    {
        using var client = Client();
        var voter = await HttpFuzzTests.SignUpAsync(client, "secret.voter");
        var snoop = await HttpFuzzTests.SignUpAsync(client, "nosy.member");
        var proposal = (await WriteLoad.QueryAsync(client, voter.Token, "{ proposals(status: VOTING, first: 1) { nodes { id } } }"))
            .GetProperty("proposals").GetProperty("nodes")[0].GetProperty("id").GetString()!;
        var cast = await WriteLoad.QueryAsync(client, voter.Token, "mutation($p: ID!) { vote(input: { proposal: $p, choice: NO }) { choice errors { __typename } } }", new() { ["p"] = proposal });
        Assert.Equal("NO", cast.GetProperty("vote").GetProperty("choice").GetString());

        // The voter sees it: the test could see a leak if there were one.
        Assert.Equal("NO", (await WriteLoad.QueryAsync(client, voter.Token, "query($p: ID!) { proposal(id: $p) { myVote } }", new() { ["p"] = proposal })).GetProperty("proposal").GetProperty("myVote").GetString());

        foreach (var (who, token) in new[] { ("another member", snoop.Token), ("anyone", (string?)null) })
        {
            var seen = await Query(client, token, "query($p: ID!) { proposal(id: $p) { myVote tally { no } ballots { nodes { voter { handle } } } } }", new() { ["p"] = proposal });
            Assert.Equal(JsonValueKind.Null, seen.GetProperty("proposal").GetProperty("myVote").ValueKind);
            Assert.DoesNotContain(seen.GetProperty("proposal").GetProperty("ballots").GetProperty("nodes").EnumerateArray(), b => b.GetProperty("voter").GetProperty("handle").GetString() == "secret.voter");
            Assert.Equal(JsonValueKind.Null, seen.GetProperty("proposal").GetProperty("tally").ValueKind);

            // The audit trail says that the voter voted, never how.
            var events = new List<JsonElement>();
            string? after = null;
            do
            {
                var page = (await Query(client, token, "query($after: String) { events(first: 50, after: $after) { nodes { id type actor { handle } payload } pageInfo { hasNextPage endCursor } } }", new() { ["after"] = after }))
                    .GetProperty("events");
                events.AddRange(page.GetProperty("nodes").EnumerateArray());
                after = page.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean() ? page.GetProperty("pageInfo").GetProperty("endCursor").GetString() : null;
            }
            while (after is not null);

            var votes = events
                .Where(e => e.GetProperty("type").GetString() == "vote.cast" && e.GetProperty("actor") is { ValueKind: JsonValueKind.Object } actor && actor.GetProperty("handle").GetString() == "secret.voter").ToList();
            var entry = Assert.Single(votes);
            Assert.True(JsonDocument.Parse(entry.GetProperty("payload").GetString()!).RootElement.GetProperty("choice").ValueKind == JsonValueKind.Null, $"{who} reads the choice in the event log: {entry}");

            // node and nodes on the entry, and on ids of a "Vote" type that does not exist.
            var eventId = entry.GetProperty("id").GetString()!;
            var voteIds = new[] { "Vote:1", $"Vote:{proposal}", "Support:1" }.Select(v => Convert.ToBase64String(Encoding.UTF8.GetBytes(v))).ToArray();
            var byId = await Query(client, token, "query($e: ID!, $ids: [ID!]!) { node(id: $e) { ... on Event { payload } } nodes(ids: $ids) { __typename } }", new() { ["e"] = eventId, ["ids"] = voteIds });
            Assert.DoesNotContain("NO", byId.GetProperty("node").GetProperty("payload").GetString()!, StringComparison.Ordinal);
            Assert.All(byId.GetProperty("nodes").EnumerateArray(), n => Assert.Equal(JsonValueKind.Null, n.ValueKind));
        }

        // The auditors' export carries the same payload.
        using var export = new HttpRequestMessage(HttpMethod.Get, "/api/exports/events.ndjson");
        export.Headers.Authorization = new AuthenticationHeaderValue("Bearer", snoop.Token);
        var lines = (await (await client.SendAsync(export)).Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var voterGlobalId = (await WriteLoad.QueryAsync(client, voter.Token, "{ viewer { member { id } } }")).GetProperty("viewer").GetProperty("member").GetProperty("id").GetString();
        Assert.True(Governance.Api.Schema.Ids.TryLocal(voterGlobalId, Governance.Api.Schema.Ids.Member, out var voterId));
        var exported = Assert.Single(lines, l => l.Contains("\"type\":\"vote.cast\"", StringComparison.Ordinal) && LineActor(l) == voterId);
        Assert.DoesNotContain("\"NO\"", exported, StringComparison.OrdinalIgnoreCase);

        // Introspection: the only fields that ever answer with a vote choice are the caller's own.
        var schema = await Query(client, null, "{ __schema { types { name fields { name type { name ofType { name ofType { name } } } } } } }", []);
        var choiceFields = schema.GetProperty("__schema").GetProperty("types").EnumerateArray()
            .Where(t => t.GetProperty("fields").ValueKind == JsonValueKind.Array && !t.GetProperty("name").GetString()!.StartsWith("__", StringComparison.Ordinal))
            .SelectMany(t => t.GetProperty("fields").EnumerateArray().Where(f => f.GetProperty("type").GetRawText().Contains("\"VoteChoice\"", StringComparison.Ordinal))
                .Select(f => $"{t.GetProperty("name").GetString()}.{f.GetProperty("name").GetString()}"))
            .Order(StringComparer.Ordinal)
            .ToList();
        // Ballot.choice answers only what VoteService.VisibleBallots allows the caller
        // (BallotPrivacyTests prove every policy × reader × phase).
        Assert.Equal(["Ballot.choice", "Proposal.myVote", "VotePayload.choice"], choiceFields);
    }

    public static TheoryData<string> ResponseKinds => new()
    {
        "graphql-syntax-error", "graphql-mutation-over-get", "graphql-wrong-content-type", "graphql-too-large", "graphql-explorer",
        "graphql-sdl", "rest-wrong-method", "rest-validation-problem", "refused-websocket-upgrade", "missing-static-file",
    };

    [Theory]
    [MemberData(nameof(ResponseKinds))]
    public async Task EveryKindOfResponseCarriesTheSecurityHeaders(string kind)
    {
        using var client = Client();
        using var request = kind switch
        {
            "graphql-syntax-error" => Post("/graphql", "{\"query\": \"{\"}", "application/json"),
            "graphql-mutation-over-get" => new HttpRequestMessage(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString("mutation { revokeDelegation(input: { scope: { global: true } }) { revoked } }")),
            "graphql-wrong-content-type" => Post("/graphql", "<query/>", "application/xml"),
            "graphql-too-large" => Post("/graphql", "{\"query\": \"" + new string(' ', 1_100_000) + "\"}", "application/json"),
            "graphql-explorer" => new HttpRequestMessage(HttpMethod.Get, "/graphql") { Headers = { { "Accept", "text/html" } } },
            "graphql-sdl" => new HttpRequestMessage(HttpMethod.Get, "/graphql/schema.graphql"),
            "rest-wrong-method" => new HttpRequestMessage(HttpMethod.Put, "/api/account/session"),
            "rest-validation-problem" => Post("/api/account/register", "{\"handle\": \"?\"}", "application/json"),
            "refused-websocket-upgrade" => new HttpRequestMessage(HttpMethod.Get, "/graphql") { Headers = { { "Connection", "Upgrade" }, { "Upgrade", "websocket" } } },
            _ => new HttpRequestMessage(HttpMethod.Get, "/favicon.ico"),
        };

        var response = await client.SendAsync(request);

        var csp = string.Join(';', response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }

    private static HttpRequestMessage Post(string path, string body, string contentType)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return request;
    }

    private static long? LineActor(string line) =>
        JsonDocument.Parse(line).RootElement.TryGetProperty("actor", out var actor) ? actor.GetInt64() : null;

    private static async Task<JsonElement> Query(HttpClient client, string? token, string query, Dictionary<string, object?> variables)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query, variables }) };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        var body = await (await client.SendAsync(request)).JsonAsync();
        Assert.False(body.TryGetProperty("errors", out var errors), errors.ToString());
        return body.GetProperty("data");
    }
}
