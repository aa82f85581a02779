using System.Text.Json;
using Dapper;

namespace Governance.Api.Tests.Schema;

/// <summary>node(id) and nodes(ids) never reveal what the caller may not see (IDOR checks).</summary>
public sealed class NodeTests(SchemaFixture fixture) : IClassFixture<SchemaFixture>
{
    private const string Node = "query($id: ID!) { node(id: $id) { __typename id } }";

    private static async Task<string?> SeenAsAsync(Actor actor, string id)
    {
        var node = (await actor.DataAsync(Node, new { id })).GetProperty("node");
        return node.ValueKind == JsonValueKind.Null ? null : node.GetProperty("id").GetString();
    }

    [Fact]
    public async Task PublicObjectsRoundTripThroughTheirGlobalIdsForAnyone()
    {
        var area = SchemaFixture.Id("Area", fixture.RootArea());
        var proposal = SchemaFixture.Id("Proposal", 1);

        var nodes = (await fixture.Anonymous.DataAsync("query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }", new { ids = new[] { area, proposal, "garbage" } })).GetProperty("nodes");

        Assert.Equal("Area", nodes[0].GetProperty("__typename").GetString());
        Assert.Equal(area, nodes[0].GetProperty("id").GetString());
        Assert.Equal("Proposal", nodes[1].GetProperty("__typename").GetString());
        Assert.Equal(JsonValueKind.Null, nodes[2].ValueKind);
    }

    [Fact]
    public async Task MembersAreVisibleToMembersNotToAnonymousCallers()
    {
        var ann = await fixture.MemberAsync("node-member");
        var id = SchemaFixture.Id("Member", fixture.DemoMember());

        Assert.Null(await SeenAsAsync(fixture.Anonymous, id));
        Assert.Equal(id, await SeenAsAsync(ann, id));
    }

    [Fact]
    public async Task ADelegationIsSeenByEveryReaderUnderTheDefaultMembersRuleAndByNoWriteOnlyToken()
    {
        var ann = await fixture.MemberAsync("node-ann");
        var bob = await fixture.MemberAsync("node-bob");
        var eve = await fixture.MemberAsync("node-eve");
        var admin = await fixture.MemberAsync("node-admin", "admin");
        var eveWriteOnly = await fixture.TokenAsync(eve, "eve-delegate-only", "delegate");
        var annWriteOnly = await fixture.TokenAsync(ann, "ann-delegate-only", "delegate");
        var id = (await ann.DataAsync("mutation($d: [ID!]!) { delegate(input: { scope: { global: true }, delegates: $d }) { delegation { id } } }",
            new { d = new[] { SchemaFixture.Id("Member", bob.MemberId!.Value) } })).GetProperty("delegate").GetProperty("delegation").GetProperty("id").GetString()!;

        // delegationVisibility "members" (the default): every signed-in reader, as delegationGraph
        // shows it; DelegationVisibilityTests prove the other values on every path.
        Assert.Equal(id, await SeenAsAsync(ann, id));
        Assert.Equal(id, await SeenAsAsync(bob, id));
        Assert.Equal(id, await SeenAsAsync(eve, id));
        Assert.Equal(id, await SeenAsAsync(admin, id));
        Assert.Null(await SeenAsAsync(fixture.Anonymous, id));
        Assert.Null(await SeenAsAsync(eveWriteOnly, id));
        Assert.Null(await SeenAsAsync(annWriteOnly, id));
        var guessed = SchemaFixture.Id("Delegation", 1);
        Assert.Null(await SeenAsAsync(annWriteOnly, guessed));
    }

    [Fact]
    public async Task APrivateEventIsSeenByItsActorAndAdminsAndAPublicOneByAnyone()
    {
        var ann = await fixture.MemberAsync("node-events");
        var eve = await fixture.MemberAsync("node-events-eve");
        var admin = await fixture.MemberAsync("node-events-admin", "admin");
        await fixture.TokenAsync(ann, "node-events-token", "read");
        using var connection = fixture.Database.Open();
        var blocked = SchemaFixture.Id("Event", connection.ExecuteScalar<long>("SELECT max(seq) FROM event_log WHERE type LIKE 'token.%' AND actor_id = @id", new { id = ann.MemberId }));
        var registered = SchemaFixture.Id("Event", connection.ExecuteScalar<long>("SELECT max(seq) FROM event_log WHERE type = 'member.registered'"));

        Assert.Equal(blocked, await SeenAsAsync(ann, blocked));
        Assert.Equal(blocked, await SeenAsAsync(admin, blocked));
        Assert.Null(await SeenAsAsync(eve, blocked));
        Assert.Null(await SeenAsAsync(fixture.Anonymous, blocked));
        Assert.Equal(registered, await SeenAsAsync(fixture.Anonymous, registered));
    }

    [Fact]
    public async Task AnIdOfAnotherTypeFindsNothingAndNodesIsCappedAtFifty()
    {
        var areaId = SchemaFixture.Id("Area", fixture.RootArea());

        var asProposal = (await fixture.Anonymous.DataAsync("query($id: ID!) { proposal(id: $id) { id } }", new { id = areaId })).GetProperty("proposal");
        var tooMany = await fixture.Anonymous.PostAsync("query($ids: [ID!]!) { nodes(ids: $ids) { id } }", new { ids = Enumerable.Repeat(areaId, 51).ToArray() });

        Assert.Equal(JsonValueKind.Null, asProposal.ValueKind);
        Assert.Contains("at most 50", tooMany.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    /// <summary>
    /// Ids of every node type and of none, well-formed or not: numbers that name nothing (huge,
    /// zero, negative, past the end), local ids that are no number, base64 of no "Type:id", and
    /// text that is not base64 at all.
    /// </summary>
    private static IEnumerable<string> RandomIds(int seed, int count)
    {
        var random = new Random(seed);
        string[] types = ["Member", "Area", "Proposal", "Delegation", "Event", "Viewer", "member", "Nope", ""];
        string[] locals = ["0", "-1", "99999", "9223372036854775807", "9223372036854775808", "1e3", " 1", "01", "abc", "", "1:2", "\u0000", "\u00e9"];
        for (var i = 0; i < count; i++)
        {
            var type = types[random.Next(types.Length)];
            var local = random.Next(3) switch
            {
                0 => locals[random.Next(locals.Length)],
                1 => random.NextInt64(100_000, long.MaxValue).ToString(System.Globalization.CultureInfo.InvariantCulture),
                _ => (-random.NextInt64(1, long.MaxValue)).ToString(System.Globalization.CultureInfo.InvariantCulture),
            };
            yield return random.Next(5) switch
            {
                0 => "TWVtYmVyOjk5OTk5",
                1 => new string((char)random.Next(33, 127), random.Next(1, 12)),
                2 => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(type + local)),
                _ => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(type + ":" + local)),
            };
        }
    }

    [Fact]
    public async Task UnknownAndMalformedIdsOfEveryNodeTypeAreNullWithoutAnError()
    {
        var member = await fixture.MemberAsync("node-random");
        var ids = RandomIds(seed: 20, count: 300).ToList();
        foreach (var caller in new[] { fixture.Anonymous, member })
        {
            // node for a sample, nodes for all: the request rate limit is 100 a second.
            foreach (var id in ids.Where((_, i) => i % 5 == 0))
            {
                var single = await caller.PostAsync("query($id: ID!) { node(id: $id) { __typename id } }", new { id });
                Assert.False(single.TryGetProperty("errors", out var errors), $"{caller} node({id}): {errors}");
                Assert.Equal(JsonValueKind.Null, single.GetProperty("data").GetProperty("node").ValueKind);
            }

            foreach (var chunk in ids.Chunk(50))
            {
                var many = await caller.PostAsync("query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }", new { ids = chunk });
                Assert.False(many.TryGetProperty("errors", out var errors), $"{caller} nodes: {errors}");
                Assert.All(many.GetProperty("data").GetProperty("nodes").EnumerateArray(), n => Assert.Equal(JsonValueKind.Null, n.ValueKind));
            }
        }
    }

    [Fact]
    public async Task AMemberThatDoesNotExistIsNullInAFreshProcessToo()
    {
        // The third party's report: the first read of a member that is not there crashed.
        using var factory = new GovernanceApiFactory { DemoMembers = 10 };
        var client = ApiClient.CreateCookieClient(factory);
        await ApiClient.RegisterAsync(client, "node-fresh");
        var caller = new Actor("fresh", client, null);

        var result = await caller.PostAsync("{ node(id: \"TWVtYmVyOjk5OTk5\") { __typename } nodes(ids: [\"TWVtYmVyOjk5OTk5\"]) { __typename } }");

        Assert.False(result.TryGetProperty("errors", out var errors), errors.ToString());
        Assert.Equal(JsonValueKind.Null, result.GetProperty("data").GetProperty("node").ValueKind);
        Assert.Equal(JsonValueKind.Null, result.GetProperty("data").GetProperty("nodes")[0].ValueKind);
    }
}
