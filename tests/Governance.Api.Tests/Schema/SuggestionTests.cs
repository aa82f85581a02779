using System.Text.Json;

namespace Governance.Api.Tests.Schema;

/// <summary>
/// Issue 17's suggestions (LiquidFeedback's model): opinions rank them by weight, "fulfilled"
/// only after an edit, the author marks one answered, and refusals that write nothing.
/// </summary>
public sealed class SuggestionTests(SchemaFixture fixture) : IClassFixture<SchemaFixture>
{
    private const string Suggest = "mutation($p: ID!, $b: String!) { suggest(input: { proposal: $p, body: $b }) { suggestion { id } errors { ... on UserError { code field } } } }";
    private const string Opine = "mutation($s: ID!, $d: OpinionDegree, $f: Boolean) { giveOpinion(input: { suggestion: $s, degree: $d, fulfilled: $f }) { suggestion { weight } errors { ... on UserError { code field } } } }";
    private const string Ranked = "query($p: ID!) { proposal(id: $p) { suggestions { id weight must mustNot fulfilled editedSince answeredAt myOpinion } } }";

    [Fact]
    public async Task OpinionsRankSuggestionsAndFulfilledWaitsForAnEdit()
    {
        var ann = await fixture.MemberAsync("sg-ann");
        var bob = await fixture.MemberAsync("sg-bob");
        var cy = await fixture.MemberAsync("sg-cy");
        var p = (await ann.DataAsync("mutation($a: ID!) { propose(input: { area: $a, title: \"Suggestions\", body: \"Plant oaks.\" }) { proposal { id } } }",
            new { a = SchemaFixture.Id("Area", fixture.RootArea()) })).GetProperty("propose").GetProperty("proposal").GetProperty("id").GetString()!;
        string Id(JsonElement payload) => payload.GetProperty("suggest").GetProperty("suggestion").GetProperty("id").GetString()!;
        var elms = Id(await bob.DataAsync(Suggest, new { p, b = "Plant elms too" }));
        var concrete = Id(await bob.DataAsync(Suggest, new { p, b = "Pave the river bank" }));
        var before = fixture.EventCount();
        Assert.Equal(["INVALID_INPUT"], (await bob.DataAsync(Suggest, new { p, b = "\u202Eevil" })).GetProperty("suggest").Codes());
        Assert.Equal(["INVALID_INPUT"], (await cy.DataAsync(Opine, new { s = elms, d = "MUST", f = true })).GetProperty("giveOpinion").Codes());
        Assert.Equal(before, fixture.EventCount());

        await cy.DataAsync(Opine, new { s = concrete, d = "MUST_NOT", f = (bool?)null });
        await cy.DataAsync(Opine, new { s = elms, d = "MUST", f = (bool?)null });
        await ann.DataAsync(Opine, new { s = elms, d = "SHOULD", f = (bool?)null });
        var ranked = (await cy.DataAsync(Ranked, new { p })).GetProperty("proposal").GetProperty("suggestions");
        Assert.Equal([elms, concrete], ranked.EnumerateArray().Select(x => x.GetProperty("id").GetString()));
        Assert.Equal([3, -2], ranked.EnumerateArray().Select(x => x.GetProperty("weight").GetInt32()));
        Assert.Equal("MUST", ranked[0].GetProperty("myOpinion").GetString());

        await ann.DataAsync("mutation($p: ID!) { editProposal(input: { proposal: $p, body: \"Plant oaks and elms.\" }) { errors { ... on UserError { code } } } }", new { p });
        Assert.Empty((await cy.DataAsync(Opine, new { s = elms, d = "MUST", f = true })).GetProperty("giveOpinion").Codes());
        Assert.Equal(["NOT_ALLOWED"], (await bob.DataAsync("mutation($s: ID!) { markSuggestionAnswered(input: { suggestion: $s, answered: true }) { errors { ... on UserError { code } } } }", new { s = elms }))
            .GetProperty("markSuggestionAnswered").Codes());
        await ann.DataAsync("mutation($s: ID!) { markSuggestionAnswered(input: { suggestion: $s, answered: true }) { errors { ... on UserError { code } } } }", new { s = elms });
        var after = (await cy.DataAsync(Ranked, new { p })).GetProperty("proposal").GetProperty("suggestions")[0];
        Assert.True(after.GetProperty("editedSince").GetBoolean());
        Assert.Equal(1, after.GetProperty("fulfilled").GetInt32());
        Assert.NotEqual(JsonValueKind.Null, after.GetProperty("answeredAt").ValueKind);
    }
}
