using System.Text.Json;
using Dapper;
using Governance.Core.Clock;
using Governance.Core.Metamoderation;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Api.Tests.Schema;

/// <summary>
/// Issue 17 point 5 over GraphQL: a juror's tasks leave out moderator actions about what they
/// wrote or reported, and judging one anyway is refused as CONFLICT_OF_INTEREST on the field
/// `action`, with nothing written; the draw still verifies. An app of its own: the clock moves a
/// week ahead to end a period.
/// </summary>
public sealed class MetamoderationConflictTests(SchemaFixture fixture) : IClassFixture<SchemaFixture>
{
    private const string Judge = """
        mutation($p: String!, $a: ID!) {
          judgeModeration(input: { period: $p, action: $a, fair: false }) { task { action } errors { __typename ... on UserError { code field message } } }
        }
        """;

    private const string Tasks = "{ metamoderationTasks { periodId action moderator { handle } reason } }";

    [Fact]
    public async Task AJurorIsNotAskedNorAllowedToJudgeActionsOnTheirOwnOrReportedComments()
    {
        var admin = await fixture.MemberAsync("mc-admin", "admin");
        Assert.Empty((await admin.DataAsync(
            "mutation { setPolicy(input: { values: { metamoderationJurors: 1000, metamoderationSampleSize: 50 } }) { errors { ... on UserError { code } } } }"))
            .GetProperty("setPolicy").Codes());
        var moderator = await fixture.MemberAsync("mc-mod", "moderator");
        var author = await fixture.MemberAsync("mc-author");
        var reporter = await fixture.MemberAsync("mc-reporter");
        var other = await fixture.MemberAsync("mc-other");
        var proposal = (await author.DataAsync("mutation($a: ID!) { propose(input: { area: $a, title: \"Judged by others\", body: \"b\" }) { proposal { id } } }",
            new { a = SchemaFixture.Id("Area", fixture.RootArea()) })).GetProperty("propose").GetProperty("proposal").GetProperty("id").GetString();
        var ownComment = await CommentAsync(author, proposal, "The author's comment");
        var reportedComment = await CommentAsync(other, proposal, "Another member's comment");
        Assert.Empty((await reporter.DataAsync("mutation($t: ID!) { report(input: { target: $t, reason: \"Spam\" }) { errors { ... on UserError { code } } } }", new { t = reportedComment }))
            .GetProperty("report").Codes());
        foreach (var comment in new[] { ownComment, reportedComment })
        {
            Assert.Empty((await moderator.DataAsync("mutation($t: ID!) { hideContent(input: { target: $t, reason: \"Off topic\" }) { errors { ... on UserError { code } } } }", new { t = comment }))
                .GetProperty("hideContent").Codes());
        }

        SetKarma(author, 30);
        SetKarma(reporter, 30);
        fixture.Factory.Services.GetRequiredService<GovernanceClock>().RunDue(DateTimeOffset.UtcNow.AddDays(8));

        // Each is asked about the other's case only.
        var authorsTasks = TasksOf(await author.DataAsync(Tasks));
        var reportersTasks = TasksOf(await reporter.DataAsync(Tasks));
        var period = Assert.Single(authorsTasks).GetProperty("periodId").GetString()!;
        var hideOfReported = authorsTasks[0].GetProperty("action").GetString();
        var hideOfOwn = Assert.Single(reportersTasks).GetProperty("action").GetString();
        Assert.NotEqual(hideOfOwn, hideOfReported);

        var before = fixture.EventCount();
        foreach (var (juror, action) in new[] { (author, hideOfOwn), (reporter, hideOfReported) })
        {
            var payload = (await juror.DataAsync(Judge, new { p = period, a = action })).GetProperty("judgeModeration");
            Assert.Equal(JsonValueKind.Null, payload.GetProperty("task").ValueKind);
            var error = Assert.Single(payload.GetProperty("errors").EnumerateArray());
            Assert.Equal(("ValidationError", "CONFLICT_OF_INTEREST", "action"),
                (error.GetProperty("__typename").GetString(), error.GetProperty("code").GetString(), error.GetProperty("field").GetString()));
        }

        Assert.Equal(before, fixture.EventCount());
        Assert.Empty((await author.DataAsync(Judge, new { p = period, a = hideOfReported })).GetProperty("judgeModeration").Codes());
        var verification = fixture.Factory.Services.GetRequiredService<MetamoderationService>().Verify(period);
        Assert.True(verification.Matches, string.Join("; ", verification.Problems));
    }

    private static async Task<string?> CommentAsync(Actor member, string? proposal, string body) =>
        (await member.DataAsync("mutation($p: ID!, $b: String!) { postComment(input: { proposal: $p, body: $b }) { comment { id } } }", new { p = proposal, b = body }))
            .GetProperty("postComment").GetProperty("comment").GetProperty("id").GetString();

    private static List<JsonElement> TasksOf(JsonElement data) =>
        data.GetProperty("metamoderationTasks").EnumerateArray().Where(t => t.GetProperty("moderator").GetProperty("handle").GetString() == "mc-mod").ToList();

    private void SetKarma(Actor member, double karma)
    {
        using var connection = fixture.Database.Open();
        connection.Execute("UPDATE members SET karma = @karma, karma_at = @now WHERE id = @id", new { id = member.MemberId, karma, now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() });
    }
}
