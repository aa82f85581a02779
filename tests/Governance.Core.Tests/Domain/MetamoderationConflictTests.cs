using System.Text.Json;
using Dapper;
using Governance.Core.Comments;
using Governance.Core.Domain;
using Governance.Core.Metamoderation;
using Governance.Core.Notifications;

namespace Governance.Core.Tests.Domain;

/// <summary>
/// Issue 17 point 5: a juror never judges their own case. Moderator actions about a proposal or
/// comment the juror wrote, or reported by the period's end, are left out of their sample; judging
/// one anyway, or one about something they reported later, is refused naming the action, with
/// nothing written; and the verifier recomputes each sample by the same rule.
/// </summary>
public sealed class MetamoderationConflictTests : IDisposable
{
    private const string Period = "2026-03-02";

    private readonly Organisation _org = new();

    public void Dispose() => _org.Dispose();

    [Fact]
    public void AJurorIsNeitherGivenNorAllowedToJudgeActionsOnWhatTheyWroteOrReported()
    {
        var author = _org.AddMember("author", 45);
        var reporter = _org.AddMember("reporter", 45);
        var later = _org.AddMember("later", 45);
        var other = _org.AddMember("other", 5);
        var comments = new CommentService(_org.Database, _org.Clock);
        var reports = new ReportService(_org.Database, _org.Clock);
        var service = new MetamoderationService(_org.Database, _org.Clock);

        var proposal = _org.Proposals.Propose(author, _org.Housing, "Mine", "A body.").Id;
        var byAuthor = comments.Post(author, proposal, "My own comment.").Id;
        var reported = comments.Post(other, proposal, "Reported by a juror.").Id;
        var reportedLater = comments.Post(other, proposal, "Reported after the draw.").Id;
        reports.Hide(_org.Moderator, ReportService.Comment, byAuthor, "Off topic");
        reports.Report(reporter, ReportService.Comment, reported, "Spam");
        reports.Hide(_org.Moderator, ReportService.Comment, reported, "Spam");
        reports.Hide(_org.Moderator, ReportService.Comment, reportedLater, "Rude");
        reports.Hide(_org.Moderator, ReportService.Proposal, proposal, "Advertising");
        var actions = _org.Db.Query<long>("SELECT seq FROM event_log WHERE actor_id = @m AND type = 'content.hidden' ORDER BY seq", new { m = _org.Moderator }).AsList();
        Assert.Equal(4, actions.Count);
        var (onAuthorsComment, onReported, onReportedLater, onAuthorsProposal) = (actions[0], actions[1], actions[2], actions[3]);

        // The period ends: all three are drawn (10 jurors, 5 actions each by default), and one reports after the draw.
        _org.Clock.AdvanceDays(6);
        _org.Ticker.RunDue(_org.Clock.GetUtcNow());
        Assert.Equal([author, reporter, later], service.Get(Period)!.Jurors.Order());
        reports.Report(later, ReportService.Comment, reportedLater, "Rude indeed");

        Assert.Equal([onReported, onReportedLater], Tasks(service, author));
        Assert.Equal([onAuthorsComment, onReportedLater, onAuthorsProposal], Tasks(service, reporter));
        Assert.Equal([onAuthorsComment, onReported, onAuthorsProposal], Tasks(service, later));

        var before = EventCount();
        foreach (var (juror, action) in new[] { (author, onAuthorsComment), (author, onAuthorsProposal), (reporter, onReported), (later, onReportedLater) })
        {
            var refused = Assert.Throws<DomainException>(() => service.Judge(juror, Period, action, fair: false, comment: null));
            Assert.Equal((DomainErrors.ConflictOfInterest, "action"), (refused.Code, refused.Field));
        }

        Assert.Equal(before, EventCount());
        Assert.Empty(_org.Db.Query<long>("SELECT juror_id FROM metamoderation_judgements"));
        service.Judge(author, Period, onReported, fair: true, comment: null);

        // The verifier draws the same samples; the later report does not change one after the fact.
        var verification = service.Verify(Period);
        Assert.True(verification.Matches, string.Join("; ", verification.Problems));
        Assert.Equal([onReported, onReportedLater], verification.Samples[author]);
        Assert.Equal([onAuthorsComment, onReportedLater, onAuthorsProposal], verification.Samples[reporter]);
        Assert.Equal(actions, verification.Samples[later]);

        // "You were drawn": each juror is told once, with the size of their (fixed) sample.
        new NotificationFeed(_org.Database).CatchUpAll();
        var told = _org.Db.Query<(long Member, string Detail)>("SELECT member_id, detail FROM notifications WHERE kind = @kind ORDER BY member_id", new { kind = NotificationKinds.MetamoderationDrawn })
            .ToDictionary(n => n.Member, n => JsonDocument.Parse(n.Detail).RootElement.GetProperty("actions").GetInt32());
        Assert.Equal(new Dictionary<long, int> { [author] = 2, [reporter] = 3, [later] = 4 }, told);
    }

    [Fact]
    public void TheVerifierNoticesAJudgementOutsideTheJurorsSampleAndAJurorWithNothingToJudgeIsNotTold()
    {
        var author = _org.AddMember("author", 45);
        var comments = new CommentService(_org.Database, _org.Clock);
        var reports = new ReportService(_org.Database, _org.Clock);
        var service = new MetamoderationService(_org.Database, _org.Clock);
        var proposal = _org.Proposals.Propose(author, _org.Housing, "Mine", "A body.").Id;
        reports.Hide(_org.Moderator, ReportService.Comment, comments.Post(author, proposal, "My own comment.").Id, "Off topic");
        var action = _org.Db.ExecuteScalar<long>("SELECT max(seq) FROM event_log WHERE type = 'content.hidden'");
        _org.Clock.AdvanceDays(6);
        _org.Ticker.RunDue(_org.Clock.GetUtcNow());

        // A judgement written around the rule, as a forger with database access would.
        _org.Db.Execute(
            "INSERT INTO metamoderation_judgements (period_id, juror_id, event_seq, moderator_id, fair, comment, judged_at) VALUES (@Period, @author, @action, @mod, 0, NULL, 0)",
            new { Period, author, action, mod = _org.Moderator });
        var verification = service.Verify(Period);
        Assert.False(verification.Matches);
        Assert.Contains($"member {author} judged entry {action}, which is not in their sample", verification.Problems);

        // Drawn with nothing to judge (the one action is about their own comment): not told they were drawn.
        Assert.Equal([author], service.Get(Period)!.Jurors);
        new NotificationFeed(_org.Database).CatchUpAll();
        Assert.Empty(_org.Db.Query<long>("SELECT member_id FROM notifications WHERE kind = @kind", new { kind = NotificationKinds.MetamoderationDrawn }));
    }

    private static List<long> Tasks(MetamoderationService service, long juror) => service.Tasks(juror).Select(t => t.Seq).ToList();

    private long EventCount() => _org.Db.ExecuteScalar<long>("SELECT count(*) FROM event_log");
}
