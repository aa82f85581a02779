using System.Text.Json;
using Dapper;
using Governance.Core.Notifications;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Api.Tests.Schema;

/// <summary>
/// The time-based reminders, on an app of their own (they go to every member who has not
/// voted, which would disturb the counts of the other notification tests).
/// </summary>
public sealed class NotificationSweepTests : IClassFixture<SchemaFixture>
{
    private readonly SchemaFixture fixture;

    public NotificationSweepTests(SchemaFixture fixture) => this.fixture = fixture;

    [Fact]
    public async Task ADayBeforeTheCloseTheMemberWhoseDelegateHasNotVotedIsWarnedOnceAndEveryoneWhoHasNotVotedIsReminded()
    {
        var ann = await fixture.MemberAsync("sweep-ann");
        var bob = await fixture.MemberAsync("sweep-bob");
        var voter = await fixture.MemberAsync("sweep-voter");
        var cy = await fixture.MemberAsync("sweep-cy");
        var ranker = await fixture.MemberAsync("sweep-ranker");
        var dan = await fixture.MemberAsync("sweep-dan");
        var eve = await fixture.MemberAsync("sweep-eve");
        long proposal;
        long endsAt;
        using (var c = fixture.Database.Open())
        {
            (proposal, endsAt) = c.QueryFirst<(long, long)>("SELECT id, voting_ends_at FROM proposals WHERE status = 'voting' ORDER BY voting_ends_at DESC");
        }

        await ann.DataAsync("mutation($d: [ID!]!) { delegate(input: { scope: { global: true }, delegates: $d }) { errors { __typename } } }",
            new { d = new[] { SchemaFixture.Id("Member", bob.MemberId!.Value) } });
        await voter.DataAsync("mutation($p: ID!) { vote(input: { proposal: $p, choice: YES }) { errors { __typename } } }", new { p = SchemaFixture.Id("Proposal", proposal) });
        // Dan → Eve → the voter: Eve has not voted, but the chain carries Dan's vote to one who did.
        await dan.DataAsync("mutation($d: [ID!]!) { delegate(input: { scope: { global: true }, delegates: $d }) { errors { __typename } } }",
            new { d = new[] { SchemaFixture.Id("Member", eve.MemberId!.Value) } });
        await eve.DataAsync("mutation($d: [ID!]!) { delegate(input: { scope: { global: true }, delegates: $d }) { errors { __typename } } }",
            new { d = new[] { SchemaFixture.Id("Member", voter.MemberId!.Value) } });
        // On an issue with alternatives the vote is a ranked ballot: a delegate who cast one has voted
        // (both reminders read only yes/no votes before, and warned cy that the ranker had not).
        await cy.DataAsync("mutation($d: [ID!]!) { delegate(input: { scope: { global: true }, delegates: $d }) { errors { __typename } } }",
            new { d = new[] { SchemaFixture.Id("Member", ranker.MemberId!.Value) } });
        using (var c = fixture.Database.Open())
        {
            c.Execute("INSERT INTO issues (proposal_id, ballot_threshold, opened_at) SELECT @proposal, 1, 0 WHERE NOT EXISTS (SELECT 1 FROM issues WHERE proposal_id = @proposal)", new { proposal });
            c.Execute("INSERT INTO ranked_ballots (issue_id, member_id, ranking, cast_at, updated_at) VALUES (@proposal, @member, '[[\"statusQuo\"]]', 0, 0)",
                new { proposal, member = ranker.MemberId!.Value });
        }

        var feed = fixture.Factory.Services.GetRequiredService<NotificationFeed>();
        feed.CatchUpAll();
        var dayBefore = DateTimeOffset.FromUnixTimeMilliseconds(endsAt) - TimeSpan.FromHours(23);

        feed.Sweep(dayBefore - TimeSpan.FromDays(2));
        Assert.Empty(await Kinds(ann, proposal));
        var written = feed.Sweep(dayBefore);
        var again = feed.Sweep(dayBefore);

        Assert.True(written > 0);
        Assert.Equal(0, again);
        var kinds = Kinds(ann, proposal);
        Assert.Contains("DELEGATE_NOT_VOTED", await kinds);
        Assert.Contains("VOTE_CLOSING", await kinds);
        Assert.DoesNotContain("DELEGATE_NOT_VOTED", await Kinds(bob, proposal));
        Assert.Contains("VOTE_CLOSING", await Kinds(bob, proposal));
        Assert.Empty(await Kinds(voter, proposal));
        Assert.Equal(["VOTE_CLOSING"], await Kinds(cy, proposal));
        Assert.Empty(await Kinds(ranker, proposal));
        Assert.Equal(["VOTE_CLOSING"], await Kinds(dan, proposal));
        Assert.DoesNotContain("DELEGATE_NOT_VOTED", await Kinds(eve, proposal));
        var warning = (await ann.DataAsync("{ viewer { notifications(first: 50) { nodes { kind member { handle } proposal { id } votingEndsAt } } } }"))
            .GetProperty("viewer").GetProperty("notifications").GetProperty("nodes").EnumerateArray()
            .Single(n => n.GetProperty("kind").GetString() == "DELEGATE_NOT_VOTED" && n.GetProperty("proposal").GetProperty("id").GetString() == SchemaFixture.Id("Proposal", proposal));
        Assert.Equal("sweep-bob", warning.GetProperty("member").GetProperty("handle").GetString());
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(endsAt), warning.GetProperty("votingEndsAt").GetDateTimeOffset());
    }

    private static async Task<List<string>> Kinds(Actor actor, long proposal) =>
        (await actor.DataAsync("{ viewer { notifications(first: 50) { nodes { kind proposal { id } } } } }"))
            .GetProperty("viewer").GetProperty("notifications").GetProperty("nodes").EnumerateArray()
            .Where(n => n.GetProperty("proposal").ValueKind != JsonValueKind.Null && n.GetProperty("proposal").GetProperty("id").GetString() == SchemaFixture.Id("Proposal", proposal))
            .Select(n => n.GetProperty("kind").GetString()!)
            .ToList();
}
