using System.Text.Json;
using Governance.Core.Clock;

namespace Governance.Api.Tests.Schema;

/// <summary>
/// Issue 17's versions: every edit keeps the text it replaced, a support records the version it
/// was given to, and under supportAfterEdit RECONFIRM unconfirmed points are released after
/// reconfirmDays while confirmed ones stay.
/// </summary>
public sealed class VersionTests(SchemaFixture fixture) : IClassFixture<SchemaFixture>
{
    private const string Mine = "query($p: ID!) { proposal(id: $p) { version mySupport mySupportVersion mySupportReleasesAt versions { version title body current } } }";

    private async Task<string> ProposalAsync(Actor author, string title)
    {
        var data = await author.DataAsync("mutation($a: ID!, $t: String!) { propose(input: { area: $a, title: $t, body: \"Plant oaks by the river.\" }) { proposal { id } } }",
            new { a = SchemaFixture.Id("Area", fixture.RootArea()), t = title });
        return data.GetProperty("propose").GetProperty("proposal").GetProperty("id").GetString()!;
    }

    private static Task<JsonElement> SupportAsync(Actor member, string p) =>
        member.DataAsync("mutation($p: ID!) { support(input: { proposal: $p, points: 1 }) { errors { ... on UserError { code } } } }", new { p });

    private static Task<JsonElement> EditAsync(Actor author, string p, string body) =>
        author.DataAsync("mutation($p: ID!, $b: String!) { editProposal(input: { proposal: $p, body: $b }) { errors { ... on UserError { code } } } }", new { p, b = body });

    [Fact]
    public async Task AnEditKeepsTheEarlierTextAndASupporterLearnsTheySupportedAnEarlierVersion()
    {
        var ann = await fixture.MemberAsync("vs-ann");
        var bob = await fixture.MemberAsync("vs-bob");
        var p = await ProposalAsync(ann, "Oaks");
        await SupportAsync(bob, p);
        var before = (await bob.DataAsync(Mine, new { p })).GetProperty("proposal");
        Assert.Equal(1, before.GetProperty("version").GetInt32());
        Assert.Equal(1, before.GetProperty("mySupportVersion").GetInt32());

        await EditAsync(ann, p, "Plant elms by the river.");
        await EditAsync(ann, p, "Plant elms and limes by the river.");

        var after = (await bob.DataAsync(Mine, new { p })).GetProperty("proposal");
        Assert.Equal(3, after.GetProperty("version").GetInt32());
        Assert.Equal(1, after.GetProperty("mySupportVersion").GetInt32());
        // Only the reconfirm policy (which the other test of this class sets for later proposals) sets a release date.
        var keep = (await bob.DataAsync("query($p: ID!) { proposal(id: $p) { policy { supportAfterEdit } } }", new { p })).GetProperty("proposal").GetProperty("policy").GetProperty("supportAfterEdit").GetString() == "KEEP";
        Assert.Equal(keep, after.GetProperty("mySupportReleasesAt").ValueKind == JsonValueKind.Null);
        Assert.Equal(
            ["Plant oaks by the river.", "Plant elms by the river.", "Plant elms and limes by the river."],
            after.GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("body").GetString()));
        Assert.True(after.GetProperty("versions")[2].GetProperty("current").GetBoolean());

        // Supporting again records the text in force.
        await SupportAsync(bob, p);
        Assert.Equal(3, (await bob.DataAsync(Mine, new { p })).GetProperty("proposal").GetProperty("mySupportVersion").GetInt32());
    }

    [Fact]
    public async Task UnderReconfirmUnconfirmedPointsAreReleasedAfterTheWindowAndConfirmedOnesStay()
    {
        var admin = await fixture.MemberAsync("vs-admin", "admin");
        var policy = await admin.DataAsync("mutation { setPolicy(input: { changes: \"{\\\"supportAfterEdit\\\": \\\"reconfirm\\\"}\" }) { errors { ... on UserError { code message } } } }");
        Assert.Empty(policy.GetProperty("setPolicy").Codes());
        var ann = await fixture.MemberAsync("vs-author");
        var bob = await fixture.MemberAsync("vs-confirms");
        var cy = await fixture.MemberAsync("vs-forgets");
        var p = await ProposalAsync(ann, "Reconfirm");
        Assert.Equal("RECONFIRM", (await ann.DataAsync("query($p: ID!) { proposal(id: $p) { policy { supportAfterEdit } } }", new { p }))
            .GetProperty("proposal").GetProperty("policy").GetProperty("supportAfterEdit").GetString());
        await SupportAsync(bob, p);
        await SupportAsync(cy, p);
        await EditAsync(ann, p, "Plant elms by the river.");

        var cyView = (await cy.DataAsync(Mine, new { p })).GetProperty("proposal");
        var releasesAt = cyView.GetProperty("mySupportReleasesAt").GetDateTimeOffset();
        Assert.InRange(releasesAt, DateTimeOffset.UtcNow.AddDays(6.9), DateTimeOffset.UtcNow.AddDays(7.1));
        await SupportAsync(bob, p);

        new GovernanceClock(fixture.Database).RunDue(DateTimeOffset.UtcNow.AddDays(6));
        Assert.Equal(1, (await cy.DataAsync(Mine, new { p })).GetProperty("proposal").GetProperty("mySupport").GetInt32());
        new GovernanceClock(fixture.Database).RunDue(DateTimeOffset.UtcNow.AddDays(8));

        var released = (await cy.DataAsync(Mine, new { p })).GetProperty("proposal").GetProperty("mySupport");
        Assert.True(released.ValueKind == JsonValueKind.Null || released.GetInt32() == 0, $"cy still has {released} points");
        Assert.Equal(1, (await bob.DataAsync(Mine, new { p })).GetProperty("proposal").GetProperty("mySupport").GetInt32());
    }
}
