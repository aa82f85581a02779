using System.Text.Json;

namespace Governance.Api.Tests.Schema;

/// <summary>
/// One rule for who sees who delegates to whom (issue 21): the policy delegationVisibility,
/// public | members | involved. Each value is proved on every read path — delegationGraph,
/// node(id), the events query and the event-log export — for an anonymous caller, a member the
/// delegation does not concern, its delegate and its member. (The export itself needs a
/// signed-in reader, so an anonymous caller never reads it.)
/// </summary>
public sealed class DelegationVisibilityTests(SchemaFixture fixture) : IClassFixture<SchemaFixture>
{
    [Theory]
    [InlineData("public", true, true, true, true)]
    [InlineData("members", false, true, true, true)]
    [InlineData("involved", false, false, true, true)]
    public async Task EveryReadPathShowsADelegationToExactlyWhomThePolicySays(string visibility, bool anonymous, bool outsider, bool delegate_, bool member)
    {
        var admin = await fixture.MemberAsync($"vis.admin.{visibility}", "admin");
        var ann = await fixture.MemberAsync($"vis.ann.{visibility}");
        var bob = await fixture.MemberAsync($"vis.bob.{visibility}");
        var carol = await fixture.MemberAsync($"vis.carol.{visibility}");
        var delegated = (await ann.DataAsync(
            "mutation($d: [ID!]!) { delegate(input: { scope: { global: true }, delegates: $d }) { delegation { id } errors { __typename } } }",
            new { d = new[] { SchemaFixture.Id("Member", bob.MemberId!.Value) } })).GetProperty("delegate");
        var delegation = delegated.GetProperty("delegation").GetProperty("id").GetString()!;
        var set = (await admin.DataAsync(
            "mutation($c: String!) { setPolicy(input: { changes: $c }) { policyInForce { delegationVisibility } errors { ... on UserError { code message } } } }",
            new { c = $"{{\"delegationVisibility\":\"{visibility}\"}}" })).GetProperty("setPolicy");
        Assert.Equal(visibility.ToUpperInvariant(), set.GetProperty("policyInForce").GetProperty("delegationVisibility").GetString());

        var expected = new[] { (fixture.Anonymous, anonymous), (carol, outsider), (bob, delegate_), (ann, member) };
        var allDelegationEntries = await DelegationEntriesAsync(admin);
        foreach (var (caller, sees) in expected)
        {
            var seen = new Dictionary<string, bool>
            {
                ["node"] = await NodeSeesAsync(caller, delegation),
                ["delegationGraph"] = await GraphSeesAsync(caller, ann, bob),
                ["events"] = await EventsSeeAsync(caller, ann, allDelegationEntries, visibility),
                ["export"] = await ExportSeesAsync(caller, ann),
            };
            // The export as a whole needs a signed-in reader (it is for auditors), whatever the policy.
            var expectedOnEvery = seen.ToDictionary(p => p.Key, p => sees && (p.Key != "export" || caller.MemberId is not null));
            Assert.True(expectedOnEvery.SequenceEqual(seen), $"{visibility}, {caller}: expected {sees} on every path, saw {string.Join(", ", seen.Select(p => $"{p.Key} {p.Value}"))}");
        }
    }

    [Fact]
    public async Task DelegationVisibilityIsOrganisationWide()
    {
        var admin = await fixture.MemberAsync("vis.admin.area", "admin");
        var area = (await admin.DataAsync("{ areas { id } }")).GetProperty("areas")[0].GetProperty("id").GetString();
        var refused = (await admin.DataAsync(
            "mutation($a: ID, $c: String!) { setPolicy(input: { area: $a, changes: $c }) { policy errors { ... on UserError { code message field } } } }",
            new { a = area, c = "{\"delegationVisibility\":\"public\"}" })).GetProperty("setPolicy");
        Assert.Equal(JsonValueKind.Null, refused.GetProperty("policy").ValueKind);
        Assert.Contains("organisation-wide", refused.GetProperty("errors")[0].GetProperty("message").GetString());
    }

    private static async Task<bool> NodeSeesAsync(Actor caller, string delegation)
    {
        var data = await caller.DataAsync("query($id: ID!) { node(id: $id) { id } }", new { id = delegation });
        return data.GetProperty("node").ValueKind == JsonValueKind.Object;
    }

    private static async Task<bool> GraphSeesAsync(Actor caller, Actor ann, Actor bob)
    {
        var result = await caller.PostAsync("{ delegationGraph { edges { from { handle } to { handle } } } }");
        if (result.TryGetProperty("errors", out _))
        {
            return false;
        }

        return result.GetProperty("data").GetProperty("delegationGraph").GetProperty("edges").EnumerateArray()
            .Any(e => e.GetProperty("from").GetProperty("handle").GetString() == ann.Name && e.GetProperty("to").GetProperty("handle").GetString() == bob.Name);
    }

    /// <summary>How many delegation.set entries the caller can list (the admin sees them all).</summary>
    private static async Task<int> DelegationEntriesAsync(Actor caller) =>
        (await caller.DataAsync("{ events(types: [\"delegation.set\"], first: 0) { totalCount } }")).GetProperty("events").GetProperty("totalCount").GetInt32();

    /// <summary>
    /// Whether the caller lists ann's delegation: with "public" and "members" every entry (the
    /// admin's count), with "involved" only their own and those naming them.
    /// </summary>
    private static async Task<bool> EventsSeeAsync(Actor caller, Actor ann, int all, string visibility)
    {
        var count = await DelegationEntriesAsync(caller);
        if (visibility != "involved")
        {
            Assert.True(count == 0 || count == all, $"{caller} lists {count} of {all} delegation entries");
            return count == all;
        }

        if (count == 0)
        {
            return false;
        }

        var nodes = (await caller.DataAsync("{ events(types: [\"delegation.set\"], first: 50) { nodes { actor { handle } } } }")).GetProperty("events").GetProperty("nodes");
        Assert.Equal(count, nodes.GetArrayLength());
        return nodes.EnumerateArray().Any(n => n.GetProperty("actor").GetProperty("handle").GetString() == ann.Name);
    }

    private static async Task<bool> ExportSeesAsync(Actor caller, Actor ann)
    {
        using var response = await caller.Client.GetAsync("/api/exports/events.ndjson");
        if (!response.IsSuccessStatusCode)
        {
            return false;
        }

        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
        // An entry the caller may not see is "hidden": only its place and hashes, no type.
        return lines.Any(l => l.TryGetProperty("type", out var type) && type.GetString() == "delegation.set"
            && l.GetProperty("actor").ValueKind == JsonValueKind.Number && l.GetProperty("actor").GetInt64() == ann.MemberId
            && l.GetProperty("payload").ValueKind == JsonValueKind.Object);
    }
}
