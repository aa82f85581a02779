using System.Text.Json;
using Dapper;

namespace Governance.Api.Tests.Schema;

/// <summary>
/// Issue 17's reports and hiding: a report once per member, automatic hiding after the policy's
/// number of reports from level 1 or more, a moderator's decision with a public reason, one
/// appeal, a moderator hiding an open proposal as abuse, and the refusals that write nothing.
/// </summary>
public sealed class ReportTests(SchemaFixture fixture) : IClassFixture<SchemaFixture>
{
    private const string Report = "mutation($t: ID!, $r: String!) { report(input: { target: $t, reason: $r }) { hidden errors { ... on UserError { code field } } } }";
    private const string Comment = "query($p: ID!) { proposal(id: $p) { hidden { reason } comments { nodes { id body hidden { reason automatic } } } } }";

    private async Task<(string Proposal, string Comment)> CommentedAsync(Actor author, string title)
    {
        var p = (await author.DataAsync("mutation($a: ID!, $t: String!) { propose(input: { area: $a, title: $t, body: \"b\" }) { proposal { id } } }",
            new { a = SchemaFixture.Id("Area", fixture.RootArea()), t = title })).GetProperty("propose").GetProperty("proposal").GetProperty("id").GetString()!;
        var c = (await author.DataAsync("mutation($p: ID!) { postComment(input: { proposal: $p, body: \"Buy my pills\" }) { comment { id } } }", new { p }))
            .GetProperty("postComment").GetProperty("comment").GetProperty("id").GetString()!;
        return (p, c);
    }

    private async Task<Actor> LevelOneAsync(string handle)
    {
        var member = await fixture.MemberAsync(handle);
        using var connection = fixture.Database.Open();
        connection.Execute("UPDATE members SET karma = 12, karma_at = @now WHERE id = @id", new { id = member.MemberId, now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() });
        return member;
    }

    [Fact]
    public async Task FiveReportsFromLevelOneHideACommentUntilAModeratorDecidesAndTheAuthorAppealsOnce()
    {
        var spammer = await fixture.MemberAsync("rp-spammer");
        var (p, c) = await CommentedAsync(spammer, "Reported");
        var novice = await fixture.MemberAsync("rp-novice");
        Assert.False((await novice.DataAsync(Report, new { t = c, r = "Spam" })).GetProperty("report").GetProperty("hidden").GetBoolean());
        var before = fixture.EventCount();
        Assert.Equal(["ALREADY_REPORTED"], (await novice.DataAsync(Report, new { t = c, r = "Spam again" })).GetProperty("report").Codes());
        Assert.Equal(["INVALID_INPUT"], (await novice.DataAsync(Report, new { t = p, r = " \u200B " })).GetProperty("report").Codes());
        Assert.Equal(["NOT_ALLOWED"], (await spammer.DataAsync(Report, new { t = c, r = "Mine" })).GetProperty("report").Codes());
        Assert.Equal(before, fixture.EventCount());

        var hidden = false;
        for (var i = 0; i < 5; i++)
        {
            var reporter = await LevelOneAsync($"rp-level-one-{i}");
            hidden = (await reporter.DataAsync(Report, new { t = c, r = "Advertising" })).GetProperty("report").GetProperty("hidden").GetBoolean();
            Assert.Equal(i == 4, hidden);
        }

        var seen = (await novice.DataAsync(Comment, new { p })).GetProperty("proposal").GetProperty("comments").GetProperty("nodes")[0];
        Assert.Equal(JsonValueKind.Null, seen.GetProperty("body").ValueKind);
        Assert.True(seen.GetProperty("hidden").GetProperty("automatic").GetBoolean());
        var own = (await spammer.DataAsync(Comment, new { p })).GetProperty("proposal").GetProperty("comments").GetProperty("nodes")[0];
        Assert.Equal("Buy my pills", own.GetProperty("body").GetString());

        var moderator = await fixture.MemberAsync("rp-moderator", "moderator");
        var queue = (await moderator.DataAsync("{ reportQueue { target kind reportCount reasons hidden { automatic } } }")).GetProperty("reportQueue");
        var item = Assert.Single(queue.EnumerateArray(), q => q.GetProperty("target").GetString() == c);
        Assert.Equal(6, item.GetProperty("reportCount").GetInt32());
        Assert.Empty((await novice.DataAsync("{ reportQueue { target } }")).GetProperty("reportQueue").EnumerateArray());

        const string Decide = "mutation($t: ID!, $restore: Boolean!) { decideReport(input: { target: $t, restore: $restore, reason: \"Advertising, not discussion\" }) { hidden { automatic decidedAt } errors { ... on UserError { code } } } }";
        Assert.Equal(["NOT_ALLOWED"], (await novice.DataAsync(Decide.Replace("decideReport", "decideReport", StringComparison.Ordinal), new { t = c, restore = false })).GetProperty("decideReport").Codes());
        var upheld = (await moderator.DataAsync(Decide, new { t = c, restore = false })).GetProperty("decideReport");
        Assert.Empty(upheld.Codes());

        const string Appeal = "mutation($t: ID!) { appealHide(input: { target: $t, text: \"It was a joke\" }) { hidden { appeal } errors { ... on UserError { code } } } }";
        Assert.Equal("It was a joke", (await spammer.DataAsync(Appeal, new { t = c })).GetProperty("appealHide").GetProperty("hidden").GetProperty("appeal").GetString());
        Assert.Equal(["ALREADY_APPEALED"], (await spammer.DataAsync(Appeal, new { t = c })).GetProperty("appealHide").Codes());
        Assert.Contains((await moderator.DataAsync("{ reportQueue { target } }")).GetProperty("reportQueue").EnumerateArray(), q => q.GetProperty("target").GetString() == c);

        await moderator.DataAsync(Decide, new { t = c, restore = true });
        var restored = (await novice.DataAsync(Comment, new { p })).GetProperty("proposal").GetProperty("comments").GetProperty("nodes")[0];
        Assert.Equal("Buy my pills", restored.GetProperty("body").GetString());
        Assert.Equal(JsonValueKind.Null, restored.GetProperty("hidden").ValueKind);
    }

    [Fact]
    public async Task AModeratorHidesAnOpenProposalAsAbuseWithAPublicReason()
    {
        var spammer = await fixture.MemberAsync("rp-proposal-spammer");
        var (p, _) = await CommentedAsync(spammer, "Cheap watches");
        var moderator = await fixture.MemberAsync("rp-proposal-moderator", "moderator");
        var hide = (await moderator.DataAsync("mutation($t: ID!) { hideContent(input: { target: $t, reason: \"Advertising\" }) { hidden { reason hiddenBy { handle } } errors { ... on UserError { code } } } }", new { t = p }))
            .GetProperty("hideContent");
        Assert.Equal("Advertising", hide.GetProperty("hidden").GetProperty("reason").GetString());
        var proposal = (await spammer.DataAsync("query($p: ID!) { proposal(id: $p) { status hidden { reason } } }", new { p })).GetProperty("proposal");
        Assert.Equal("DECLINED", proposal.GetProperty("status").GetString());
        Assert.Equal("Advertising", proposal.GetProperty("hidden").GetProperty("reason").GetString());
        var log = (await spammer.DataAsync("{ events(first: 5, types: [\"content.hidden\"]) { nodes { type payload } } }")).GetProperty("events").GetProperty("nodes");
        Assert.Contains(log.EnumerateArray(), e => e.GetProperty("payload").GetString()!.Contains("Advertising", StringComparison.Ordinal));
    }
}
