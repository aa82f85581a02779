using Dapper;
using Governance.Core.Proposals;
using Governance.Core.Storage;

namespace Governance.Core.Tests.Domain;

public sealed class ClockTests : IDisposable
{
    private readonly Organisation _org = new();

    public void Dispose() => _org.Dispose();

    private long Events(string type) => _org.Db.ExecuteScalar<long>("SELECT count(*) FROM event_log WHERE type = @type", new { type });

    [Fact]
    public void RunningTheClockAgainDoesNothingMore()
    {
        var author = _org.AddMember("author");
        _org.Proposals.Propose(author, _org.Housing, "One", "x");
        _org.Proposals.Propose(author, _org.Housing, "Two", "x");
        _org.AddMembers(5, karma: 30);
        _org.Clock.AdvanceDays(31);

        var first = _org.Ticker.RunDue(_org.Clock.GetUtcNow());
        Assert.Equal(2, first.Expired);
        Assert.Equal(4, first.Draws); // Mar 2–9 … Mar 30–Apr 6: four weeks ended by Apr 4
        Assert.Equal(0, _org.Ticker.RunDue(_org.Clock.GetUtcNow()).Total);
        Assert.Equal(2, Events("proposal.expired"));
        Assert.Equal(4, Events("lottery.drawn"));
    }

    [Fact]
    public void ClocksRunningAtOnceCompleteEachTransitionExactlyOnce()
    {
        var author = _org.AddMember("author");
        for (var i = 0; i < 20; i++)
        {
            _org.Proposals.Propose(author, _org.Housing, $"P{i}", "x");
        }

        _org.AddMembers(30, karma: 45);
        _org.Clock.AdvanceDays(31);
        var now = _org.Clock.GetUtcNow();

        // Four passes racing, as after a restart while an old instance still runs.
        var reports = Enumerable.Range(0, 4).AsParallel().Select(_ => _org.Ticker.RunDue(now)).ToList();
        Assert.Equal(20, reports.Sum(r => r.Expired));
        Assert.Equal(4, reports.Sum(r => r.Draws));
        Assert.Equal(20, Events("proposal.expired"));
        Assert.Equal(4, Events("lottery.drawn"));
        Assert.Equal(20, _org.Db.ExecuteScalar<long>("SELECT count(*) FROM proposal_status_history WHERE status = 'expired'"));
        Assert.True(EventLog.Verify(_org.Database).Intact);
    }

    [Fact]
    public void AClockInterruptedHalfWayFinishesTheRestOnItsNextRun()
    {
        var author = _org.AddMember("author");
        var ids = Enumerable.Range(0, 6).Select(i => _org.Proposals.Propose(author, _org.Housing, $"P{i}", "x").Id).ToList();
        _org.Clock.AdvanceDays(31);

        // A crash after some transitions committed looks, to the next run, like those
        // proposals already expired: mark half of them as a previous, killed run left them.
        using (var c = _org.Database.Open())
        using (var t = c.BeginTransaction())
        {
            foreach (var id in ids.Take(3))
            {
                ProposalStore.Transition(c, t, id, ProposalStatus.Open, ProposalStatus.Expired, _org.Clock.GetUtcNow().ToUnixTimeMilliseconds(), null, "earlier run");
            }

            t.Commit();
        }

        Assert.Equal(3, _org.Ticker.RunDue(_org.Clock.GetUtcNow()).Expired);
        Assert.All(ids, id => Assert.Equal(ProposalStatus.Expired, _org.Status(id)));
        Assert.Equal(6, _org.Db.ExecuteScalar<long>("SELECT count(*) FROM proposal_status_history WHERE status = 'expired'"));
    }

    [Fact]
    public void AProposalThatCannotCloseIsReportedAndDoesNotHoldUpTheOthers()
    {
        var backers = _org.AddMembers(3, karma: 45, prefix: "b");
        var ids = new List<long>();
        foreach (var title in new[] { "Broken", "Fine" })
        {
            var p = _org.Proposals.Propose(backers[0], _org.Housing, title, "x").Id;
            foreach (var b in backers)
            {
                _org.Support.Allocate(b, p, 4);
            }

            _org.Moderation.Schedule(_org.Moderator, p, "Ready");
            ids.Add(p);
        }

        _org.Clock.AdvanceDays(7);
        _org.Ticker.RunDue(_org.Clock.GetUtcNow());
        _org.Db.Execute("UPDATE proposals SET policy_json = '{\"majority\": \"most\"}' WHERE id = @id", new { id = ids[0] });
        _org.Clock.AdvanceDays(7);

        var report = _org.Ticker.RunDue(_org.Clock.GetUtcNow());
        Assert.Equal(1, report.VotingClosed);
        Assert.Contains(report.Failures, f => f.StartsWith($"proposal {ids[0]} ", StringComparison.Ordinal));
        Assert.Equal(ProposalStatus.Voting, _org.Status(ids[0]));
        Assert.Equal(ProposalStatus.Rejected, _org.Status(ids[1]));
    }
}
