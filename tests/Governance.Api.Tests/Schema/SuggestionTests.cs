using System.Text.Json;
using Dapper;

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

    [Fact]
    public async Task SuggestionsRankByTheSupportPointsBehindTheirOpinionsNotByHeadCount()
    {
        var author = await fixture.MemberAsync("sw-author");
        var p = (await author.DataAsync("mutation($a: ID!) { propose(input: { area: $a, title: \"Weighted\", body: \"Open a library.\" }) { proposal { id } } }",
            new { a = SchemaFixture.Id("Area", fixture.RootArea()) })).GetProperty("propose").GetProperty("proposal").GetProperty("id").GetString()!;
        const string Support = "mutation($p: ID!, $n: Int!) { support(input: { proposal: $p, points: $n }) { errors { ... on UserError { code } } } }";
        var heavy = await fixture.MemberAsync("sw-heavy");
        var light = await fixture.MemberAsync("sw-light");
        using (var connection = fixture.Database.Open())
        {
            // Karma 45 is level 3: up to 8 points a proposal (a new member may give 1).
            connection.Execute("UPDATE members SET karma = 45, karma_at = @now WHERE id = @id", new { id = heavy.MemberId, now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() });
        }

        Assert.Empty((await heavy.DataAsync(Support, new { p, n = 4 })).GetProperty("support").Codes());
        Assert.Empty((await light.DataAsync(Support, new { p, n = 1 })).GetProperty("support").Codes());
        var bystanders = new List<Actor>();
        for (var i = 0; i < 3; i++)
        {
            bystanders.Add(await fixture.MemberAsync($"sw-bystander-{i}"));
        }

        string Id(JsonElement payload) => payload.GetProperty("suggest").GetProperty("suggestion").GetProperty("id").GetString()!;
        var few = Id(await author.DataAsync(Suggest, new { p, b = "Open on Sundays" }));
        var many = Id(await author.DataAsync(Suggest, new { p, b = "Add a café" }));
        var mixed = Id(await author.DataAsync(Suggest, new { p, b = "Lend tools too" }));

        // few: the 4-point supporter says must: 2 × 4 = 8 (head count 2).
        await heavy.DataAsync(Opine, new { s = few, d = "MUST", f = (bool?)null });
        // many: three members who give it no points say must, the 1-point supporter should: 1 (head count 7).
        foreach (var b in bystanders)
        {
            await b.DataAsync(Opine, new { s = many, d = "MUST", f = (bool?)null });
        }

        await light.DataAsync(Opine, new { s = many, d = "SHOULD", f = (bool?)null });
        // mixed: should from 4 points, should not from 1: 4 − 1 = 3 (head count 0).
        await heavy.DataAsync(Opine, new { s = mixed, d = "SHOULD", f = (bool?)null });
        await light.DataAsync(Opine, new { s = mixed, d = "SHOULD_NOT", f = (bool?)null });

        const string Weighted = "query($p: ID!) { proposal(id: $p) { suggestions { id supportWeight weight } } }";
        var ranked = (await fixture.Anonymous.DataAsync(Weighted, new { p })).GetProperty("proposal").GetProperty("suggestions").EnumerateArray().ToList();
        Assert.Equal([few, mixed, many], ranked.Select(x => x.GetProperty("id").GetString()));
        Assert.Equal([8, 3, 1], ranked.Select(x => x.GetProperty("supportWeight").GetInt32()));
        Assert.Equal([2, 0, 7], ranked.Select(x => x.GetProperty("weight").GetInt32()));

        // The heavy supporter withdraws: their opinions weigh nothing now, and the head count breaks the tie at 0 … 1.
        await heavy.DataAsync("mutation($p: ID!) { withdrawSupport(input: { proposal: $p }) { errors { ... on UserError { code } } } }", new { p });
        ranked = (await fixture.Anonymous.DataAsync(Weighted, new { p })).GetProperty("proposal").GetProperty("suggestions").EnumerateArray().ToList();
        Assert.Equal([many, few, mixed], ranked.Select(x => x.GetProperty("id").GetString()));
        Assert.Equal([1, 0, -1], ranked.Select(x => x.GetProperty("supportWeight").GetInt32()));
    }
}
