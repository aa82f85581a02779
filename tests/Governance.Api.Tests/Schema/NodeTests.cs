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
    public async Task ADelegationIsSeenByItsMemberAndItsDelegateOnly()
    {
        var ann = await fixture.MemberAsync("node-ann");
        var bob = await fixture.MemberAsync("node-bob");
        var eve = await fixture.MemberAsync("node-eve");
        var admin = await fixture.MemberAsync("node-admin", "admin");
        var eveWriteOnly = await fixture.TokenAsync(eve, "eve-delegate-only", "delegate");
        var annWriteOnly = await fixture.TokenAsync(ann, "ann-delegate-only", "delegate");
        var id = (await ann.DataAsync("mutation($d: [ID!]!) { delegate(input: { scope: { global: true }, delegates: $d }) { delegation { id } } }",
            new { d = new[] { SchemaFixture.Id("Member", bob.MemberId!.Value) } })).GetProperty("delegate").GetProperty("delegation").GetProperty("id").GetString()!;

        Assert.Equal(id, await SeenAsAsync(ann, id));
        Assert.Equal(id, await SeenAsAsync(bob, id));
        Assert.Null(await SeenAsAsync(eve, id));
        Assert.Null(await SeenAsAsync(admin, id));
        Assert.Null(await SeenAsAsync(fixture.Anonymous, id));
        Assert.Null(await SeenAsAsync(eveWriteOnly, id));
        Assert.Null(await SeenAsAsync(annWriteOnly, id));
        var guessed = SchemaFixture.Id("Delegation", 1);
        Assert.Null(await SeenAsAsync(eve, guessed));
    }

    [Fact]
    public async Task APrivateEventIsSeenByItsActorAndAdminsAndAPublicOneByAnyone()
    {
        var ann = await fixture.MemberAsync("node-events");
        var eve = await fixture.MemberAsync("node-events-eve");
        var admin = await fixture.MemberAsync("node-events-admin", "admin");
        await ann.DataAsync("mutation { blockDelegation(input: { scope: { global: true } }) { errors { __typename ... on UserError { code } } } }");
        using var connection = fixture.Database.Open();
        var blocked = SchemaFixture.Id("Event", connection.ExecuteScalar<long>("SELECT max(seq) FROM event_log WHERE type = 'delegation.blocked' AND actor_id = @id", new { id = ann.MemberId }));
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
}
