using System.Text.Json;
using Dapper;
using Governance.Core.Clock;
using Governance.Core.Metamoderation;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Api.Tests.Schema;

/// <summary>
/// Issue 17 point 5, metamoderation: the demo's draws are public and recompute from public data;
/// drawn members judge a sample of the period's moderator actions once, with typed refusals that
/// write nothing; a moderator under the threshold loses the role with the figures logged, and an
/// admin restores it. An app of its own: the clock moves a week ahead to end a period.
/// </summary>
public sealed class MetamoderationTests(SchemaFixture fixture) : IClassFixture<SchemaFixture>
{
    private const string Judge = """
        mutation($p: String!, $a: ID!, $f: Boolean!, $c: String) {
          judgeModeration(input: { period: $p, action: $a, fair: $f, comment: $c }) { task { action fair comment } errors { __typename ... on UserError { code field } } }
        }
        """;

    private const string Tasks = "{ metamoderationTasks { periodId action type fair comment moderator { handle } reason } }";

    [Fact]
    public async Task JurorsJudgeTheirSampleOnceAModeratorUnderTheThresholdLosesTheRoleAndAnAdminRestoresIt()
    {
        // The demo seed drew its past periods, jurors included; each recomputes from public data.
        var service = fixture.Factory.Services.GetRequiredService<MetamoderationService>();
        var demoDraws = (await fixture.Anonymous.DataAsync("{ metamoderationDraws { periodId eligible jurors { id } actions sampleSize seed } }")).GetProperty("metamoderationDraws");
        Assert.Equal(Governance.Core.Demo.DemoSeed.PastDraws, demoDraws.GetArrayLength());
        Assert.All(demoDraws.EnumerateArray(), d =>
        {
            Assert.True(service.Verify(d.GetProperty("periodId").GetString()!).Matches);
            Assert.InRange(d.GetProperty("jurors").GetArrayLength(), 0, 10);
        });

        // Small numbers so that a test reaches them: every eligible member is drawn, sees every action, and 3 judgements count.
        var admin = await fixture.MemberAsync("mm-admin", "admin");
        var policy = (await admin.DataAsync(
            "mutation { setPolicy(input: { values: { metamoderationJurors: 1000, metamoderationSampleSize: 50, metamoderationMinJudgements: 3 } }) { errors { ... on UserError { code message } } } }"))
            .GetProperty("setPolicy");
        Assert.Empty(policy.Codes());
        var inForce = (await admin.DataAsync("{ policyInForce { metamoderationJurors metamoderationMinFairShare metamoderationWindowDays } }")).GetProperty("policyInForce");
        Assert.Equal((1000, 0.6, 90.0), (inForce.GetProperty("metamoderationJurors").GetInt32(), inForce.GetProperty("metamoderationMinFairShare").GetDouble(), inForce.GetProperty("metamoderationWindowDays").GetDouble()));

        var moderator = await fixture.MemberAsync("mm-mod", "moderator");
        var author = await fixture.MemberAsync("mm-author");
        var proposal = (await author.DataAsync("mutation($a: ID!) { propose(input: { area: $a, title: \"Metamoderated\", body: \"b\" }) { proposal { id } } }",
            new { a = SchemaFixture.Id("Area", fixture.RootArea()) })).GetProperty("propose").GetProperty("proposal").GetProperty("id").GetString();
        for (var i = 0; i < 3; i++)
        {
            var comment = (await author.DataAsync("mutation($p: ID!, $b: String!) { postComment(input: { proposal: $p, body: $b }) { comment { id } } }", new { p = proposal, b = $"Comment {i}" }))
                .GetProperty("postComment").GetProperty("comment").GetProperty("id").GetString();
            var hidden = (await moderator.DataAsync("mutation($t: ID!) { hideContent(input: { target: $t, reason: \"Off topic\" }) { errors { ... on UserError { code } } } }", new { t = comment }))
                .GetProperty("hideContent");
            Assert.Empty(hidden.Codes());
        }

        var jurors = new List<Actor>();
        foreach (var handle in new[] { "mm-juror1", "mm-juror2" })
        {
            var juror = await fixture.MemberAsync(handle);
            SetKarma(juror, 30);
            jurors.Add(juror);
        }

        var novice = await fixture.MemberAsync("mm-novice");
        Assert.Empty((await jurors[0].DataAsync(Tasks)).GetProperty("metamoderationTasks").EnumerateArray());

        // The week's period ends: the clock draws the lottery and, from the same head entry, the jurors.
        fixture.Factory.Services.GetRequiredService<GovernanceClock>().RunDue(DateTimeOffset.UtcNow.AddDays(8));

        var mine = TasksOf(await jurors[0].DataAsync(Tasks));
        Assert.Equal(3, mine.Count);
        var period = mine[0].GetProperty("periodId").GetString()!;
        Assert.True(service.Verify(period).Matches);
        Assert.All(mine, t => Assert.Equal("Off topic", t.GetProperty("reason").GetString()));
        Assert.Empty(TasksOf(await novice.DataAsync(Tasks)));
        var draw = (await fixture.Anonymous.DataAsync("{ metamoderationDraws(first: 5) { periodId jurors { handle } } }")).GetProperty("metamoderationDraws")
            .EnumerateArray().Single(d => d.GetProperty("periodId").GetString() == period);
        Assert.Contains(draw.GetProperty("jurors").EnumerateArray(), j => j.GetProperty("handle").GetString() == "mm-juror1");

        // Refusals name the field and write nothing.
        var action = mine[0].GetProperty("action").GetString();
        var before = fixture.EventCount();
        Assert.Equal(["NOT_ALLOWED"], (await novice.DataAsync(Judge, new { p = period, a = action, f = true, c = (string?)null })).GetProperty("judgeModeration").Codes());
        Assert.Equal(["INVALID_INPUT"], Fields(await jurors[0].DataAsync(Judge, new { p = period, a = action, f = true, c = "fair \u202E enough" }), "comment"));
        Assert.Equal(["INVALID_INPUT"], Fields(await jurors[0].DataAsync(Judge, new { p = period, a = action, f = true, c = new string('x', 1001) }), "comment"));
        Assert.Equal(["UNKNOWN_ACTION"], Fields(await jurors[0].DataAsync(Judge, new { p = period, a = proposal, f = true, c = (string?)null }), "action"));
        Assert.Equal(["NOT_IN_SAMPLE"], Fields(await jurors[0].DataAsync(Judge, new { p = period, a = SchemaFixture.Id("Event", 1), f = true, c = (string?)null }), "action"));
        Assert.Equal(["NOT_FOUND"], Fields(await jurors[0].DataAsync(Judge, new { p = "1999-01-04", a = action, f = true, c = (string?)null }), "period"));
        Assert.Equal(before, fixture.EventCount());

        // Juror 1 judges all three unfair: 0 of 3 is under 0.6, so the moderator loses the role.
        for (var i = 0; i < mine.Count; i++)
        {
            var judged = (await jurors[0].DataAsync(Judge, new { p = period, a = mine[i].GetProperty("action").GetString(), f = false, c = i == 0 ? "  Reasonable comment, hidden anyway  " : null }))
                .GetProperty("judgeModeration");
            Assert.Empty(judged.Codes());
            Assert.False(judged.GetProperty("task").GetProperty("fair").GetBoolean());
        }

        Assert.Equal("Reasonable comment, hidden anyway", TasksOf(await jurors[0].DataAsync(Tasks))[0].GetProperty("comment").GetString());
        Assert.Equal(["ALREADY_JUDGED"], Fields(await jurors[0].DataAsync(Judge, new { p = period, a = action, f = true, c = (string?)null }), "action"));
        Assert.DoesNotContain("moderator", Roles("mm-mod"));
        var results = (await fixture.Anonymous.DataAsync("{ metamoderationResults { moderator { handle } judgements fair fairShare windowJudgements isModerator underReview } }"))
            .GetProperty("metamoderationResults").EnumerateArray().Single(r => r.GetProperty("moderator").GetProperty("handle").GetString() == "mm-mod");
        Assert.Equal((3, 0, 0.0, false, true), (results.GetProperty("judgements").GetInt32(), results.GetProperty("fair").GetInt32(), results.GetProperty("fairShare").GetDouble(),
            results.GetProperty("isModerator").GetBoolean(), results.GetProperty("underReview").GetBoolean()));
        using (var connection = fixture.Database.Open())
        {
            var logged = JsonDocument.Parse(connection.ExecuteScalar<string>("SELECT payload FROM event_log WHERE type = 'metamoderation.moderator-suspended' ORDER BY seq DESC LIMIT 1")!).RootElement;
            Assert.Equal((3, 0, 0.6, 3), (logged.GetProperty("judgements").GetInt32(), logged.GetProperty("fair").GetInt32(), logged.GetProperty("minFairShare").GetDouble(), logged.GetProperty("minJudgements").GetInt32()));
        }

        // Judgements are the juror's own: not in the public log.
        Assert.DoesNotContain((await fixture.Anonymous.DataAsync("{ events(first: 50, types: [\"metamoderation.judged\"]) { nodes { seq } } }")).GetProperty("events").GetProperty("nodes").EnumerateArray(), _ => true);

        // Only an admin sees and decides the review; the decision restores the role.
        Assert.Equal(JsonValueKind.Null, (await novice.DataAsync("{ moderatorReviews { id } }")).GetProperty("moderatorReviews").ValueKind);
        var review = (await admin.DataAsync("{ moderatorReviews { id moderator { handle } fairShare judgements restored } }")).GetProperty("moderatorReviews")[0];
        Assert.Equal(("mm-mod", 0.0, 3), (review.GetProperty("moderator").GetProperty("handle").GetString(), review.GetProperty("fairShare").GetDouble(), review.GetProperty("judgements").GetInt32()));
        const string Decide = "mutation($r: ID!, $why: String!) { decideModeratorReview(input: { review: $r, restore: true, reason: $why }) { review { restored reason } errors { ... on UserError { code field } } } }";
        var reviewId = review.GetProperty("id").GetString();
        Assert.Equal(["FORBIDDEN"], (await novice.DataAsync(Decide, new { r = reviewId, why = "Mine" })).GetProperty("decideModeratorReview").Codes());
        Assert.Equal(["INVALID_INPUT"], Fields(await admin.DataAsync(Decide, new { r = reviewId, why = " " }), "reason", "decideModeratorReview"));
        var decided = (await admin.DataAsync(Decide, new { r = reviewId, why = "The hides followed the rules; the jurors disagreed with the rules." })).GetProperty("decideModeratorReview");
        Assert.True(decided.GetProperty("review").GetProperty("restored").GetBoolean());
        Assert.Contains("moderator", Roles("mm-mod"));
        Assert.Equal(["ALREADY_DECIDED"], Fields(await admin.DataAsync(Decide, new { r = reviewId, why = "Again" }), "review", "decideModeratorReview"));

        // Counting restarts at the restore: juror 2's three fair judgements keep the role.
        foreach (var task in TasksOf(await jurors[1].DataAsync(Tasks)))
        {
            Assert.Empty((await jurors[1].DataAsync(Judge, new { p = period, a = task.GetProperty("action").GetString(), f = true, c = (string?)null })).GetProperty("judgeModeration").Codes());
        }

        Assert.Contains("moderator", Roles("mm-mod"));
    }

    private static List<JsonElement> TasksOf(JsonElement data) =>
        data.GetProperty("metamoderationTasks").EnumerateArray().Where(t => t.GetProperty("moderator").GetProperty("handle").GetString() == "mm-mod").ToList();

    private static string[] Fields(JsonElement data, string field, string mutation = "judgeModeration")
    {
        var payload = data.GetProperty(mutation);
        Assert.All(payload.GetProperty("errors").EnumerateArray(), e => Assert.Equal(field, e.GetProperty("field").GetString()));
        return payload.Codes();
    }

    private void SetKarma(Actor member, double karma)
    {
        using var connection = fixture.Database.Open();
        connection.Execute("UPDATE members SET karma = @karma, karma_at = @now WHERE id = @id", new { id = member.MemberId, karma, now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() });
    }

    private List<string> Roles(string handle)
    {
        using var connection = fixture.Database.Open();
        return connection.Query<string>("SELECT role FROM member_roles r JOIN members m ON m.id = r.member_id WHERE m.handle = @handle", new { handle }).AsList();
    }
}
