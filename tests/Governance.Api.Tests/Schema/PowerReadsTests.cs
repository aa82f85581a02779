using Dapper;
using Governance.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Api.Tests.Schema;

/// <summary>The reads the web client's karma and moderation pages need: endorsements and the moderation log.</summary>
public sealed class PowerReadsTests(SchemaFixture fixture) : IClassFixture<SchemaFixture>
{
    private const string Endorse = "mutation($m: ID!) { endorse(input: { member: $m }) { errors { __typename } } }";

    [Fact]
    public async Task TheQueueShowsTheSupportThatCarriedEachItemThereThoughItsPointsWereReleased()
    {
        // A fresh demo: other tests in the shared fixture move proposals onto the agenda by hand.
        using var factory = new GovernanceApiFactory { DemoMembers = 400, Settings = { ["Clock:Enabled"] = "false" } };
        var anonymous = new Actor("anonymous", factory.CreateClient(), null);

        var agenda = (await anonymous.DataAsync("{ agenda { id score agendaSupport { score supporterCount reachedAt } } }")).GetProperty("agenda").EnumerateArray().ToList();

        Assert.NotEmpty(agenda);
        using var connection = factory.Services.GetRequiredService<Database>().Open();
        foreach (var item in agenda)
        {
            Assert.True(Governance.GraphQL.Relay.GlobalId.TryDecode(item.GetProperty("id").GetString()!, out _, out var local));
            var id = long.Parse(local, System.Globalization.CultureInfo.InvariantCulture);
            var (points, supporters, reachedAt) = connection.QuerySingle<(long, long, long)>(
                "SELECT CAST(coalesce(sum(s.points), 0) AS BIGINT), count(s.member_id), p.on_agenda_at FROM proposals p LEFT JOIN supports s ON s.proposal_id = p.id WHERE p.id = @id GROUP BY p.id, p.on_agenda_at",
                new { id });
            var support = item.GetProperty("agendaSupport");
            Assert.Equal(0, item.GetProperty("score").GetInt32());
            Assert.True(supporters >= 3, $"proposal {id} reached the agenda with {supporters} supporters");
            Assert.Equal((points, supporters), (support.GetProperty("score").GetInt64(), support.GetProperty("supporterCount").GetInt64()));
            Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(reachedAt), support.GetProperty("reachedAt").GetDateTimeOffset());
        }

        // An open proposal never reached the agenda.
        var open = (await anonymous.DataAsync("{ proposals(status: OPEN, first: 1) { nodes { agendaSupport { score } } } }")).GetProperty("proposals").GetProperty("nodes")[0];
        Assert.Equal(System.Text.Json.JsonValueKind.Null, open.GetProperty("agendaSupport").ValueKind);
    }

    [Fact]
    public async Task AViewerSeesTheEndorsementsTheyGaveAndReceivedNewestFirst()
    {
        var ann = await fixture.MemberAsync("pr-ann");
        var bob = await fixture.MemberAsync("pr-bob");
        var cy = await fixture.MemberAsync("pr-cy");
        await ann.DataAsync(Endorse, new { m = SchemaFixture.Id("Member", bob.MemberId!.Value) });
        await ann.DataAsync(Endorse, new { m = SchemaFixture.Id("Member", cy.MemberId!.Value) });
        await cy.DataAsync(Endorse, new { m = SchemaFixture.Id("Member", ann.MemberId!.Value) });
        const string Query = "{ viewer { endorsementsGiven { from { handle } to { handle } at karmaAwarded } endorsementsReceived { from { handle } to { handle } } } }";

        var annView = (await ann.DataAsync(Query)).GetProperty("viewer");
        var bobView = (await bob.DataAsync(Query)).GetProperty("viewer");

        var given = annView.GetProperty("endorsementsGiven").EnumerateArray().ToList();
        Assert.Equal(["pr-cy", "pr-bob"], given.Select(e => e.GetProperty("to").GetProperty("handle").GetString()));
        Assert.All(given, e => Assert.Equal("pr-ann", e.GetProperty("from").GetProperty("handle").GetString()));
        Assert.All(given, e => Assert.Equal(1.0, e.GetProperty("karmaAwarded").GetDouble()));
        Assert.Equal(["pr-cy"], annView.GetProperty("endorsementsReceived").EnumerateArray().Select(e => e.GetProperty("from").GetProperty("handle").GetString()));
        Assert.Empty(bobView.GetProperty("endorsementsGiven").EnumerateArray());
        Assert.Equal(["pr-ann"], bobView.GetProperty("endorsementsReceived").EnumerateArray().Select(e => e.GetProperty("from").GetProperty("handle").GetString()));
    }

    [Fact]
    public async Task EventsFilteredByTypeListOnlyThoseTypesAndCountOnlyThem()
    {
        var moderator = await fixture.MemberAsync("pr-moderator", "moderator");
        long[] queued;
        using (var connection = fixture.Database.Open())
        {
            queued = [.. connection.Query<long>("SELECT id FROM proposals WHERE status = 'open' ORDER BY id DESC LIMIT 2")];
            connection.Execute($"UPDATE proposals SET status = 'on_agenda', on_agenda_at = @now WHERE id {connection.InList("@queued")}", new { queued, now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() });
        }

        await moderator.DataAsync("mutation($p: ID!) { returnProposal(input: { proposal: $p, reason: \"Needs costs\" }) { errors { __typename } } }", new { p = SchemaFixture.Id("Proposal", queued[0]) });
        await moderator.DataAsync("mutation($p: ID!) { declineProposal(input: { proposal: $p, reason: \"Off topic\" }) { errors { __typename } } }", new { p = SchemaFixture.Id("Proposal", queued[1]) });
        const string Log = "query($t: [String!]) { events(first: 50, types: $t) { totalCount nodes { type actor { handle } payload } } }";

        var moderation = (await fixture.Anonymous.DataAsync(Log, new { t = new[] { "proposal.scheduled", "proposal.returned", "proposal.merged", "proposal.declined" } })).GetProperty("events");
        var none = (await fixture.Anonymous.DataAsync(Log, new { t = Array.Empty<string>() })).GetProperty("events");
        var all = (await fixture.Anonymous.DataAsync(Log, new { t = (string[]?)null })).GetProperty("events");

        var types = moderation.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("type").GetString()).ToList();
        Assert.Equal(["proposal.returned", "proposal.declined"], types.TakeLast(2));
        Assert.All(types, t => Assert.StartsWith("proposal.", t, StringComparison.Ordinal));
        Assert.Equal(types.Count, moderation.GetProperty("totalCount").GetInt32());
        Assert.Contains(moderation.GetProperty("nodes").EnumerateArray(), n => n.GetProperty("payload").GetString()!.Contains("Off topic", StringComparison.Ordinal));
        Assert.Equal(0, none.GetProperty("totalCount").GetInt32());
        Assert.True(all.GetProperty("totalCount").GetInt32() > types.Count);
    }

    [Fact]
    public async Task AProposalHoldingNoSupportHasScoreAndSupportersZero()
    {
        var author = await fixture.MemberAsync("pr-author");
        var area = (await author.DataAsync("{ areas { id } }")).GetProperty("areas")[0].GetProperty("id").GetString();
        var id = (await author.DataAsync("mutation($a: ID!) { propose(input: { area: $a, title: \"Nobody supports this yet\", body: \"Body\" }) { proposal { id } } }", new { a = area }))
            .GetProperty("propose").GetProperty("proposal").GetProperty("id").GetString();

        var proposal = (await fixture.Anonymous.DataAsync("query($p: ID!) { proposal(id: $p) { score supporterCount } }", new { p = id })).GetProperty("proposal");

        Assert.Equal(0, proposal.GetProperty("score").GetInt32());
        Assert.Equal(0, proposal.GetProperty("supporterCount").GetInt32());
    }

    [Fact]
    public async Task AListOfProposalsInAStatusNobodyIsInIsEmptyNotAnError()
    {
        var merged = (await fixture.Anonymous.DataAsync("{ proposals(status: MERGED, first: 5) { totalCount nodes { id } } }")).GetProperty("proposals");

        Assert.Equal(0, merged.GetProperty("totalCount").GetInt32());
        Assert.Empty(merged.GetProperty("nodes").EnumerateArray());
    }
}
