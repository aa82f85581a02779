using System.Collections.Concurrent;
using Dapper;
using Governance.Core.Delegation;
using Governance.Core.Domain;
using Governance.Core.Proposals;
using Governance.Core.Storage;

namespace Governance.Core.Tests.Domain;

/// <summary>Votes through the group committer: validated one by one, durable together, refused alone.</summary>
public sealed class GroupedVoteTests : IDisposable
{
    private readonly Organisation _org = new();

    public void Dispose() => _org.Dispose();

    private long VotingProposal(string title)
    {
        var at = _org.Clock.GetUtcNow();
        return _org.Db.ExecuteScalar<long>(
            """
            INSERT INTO proposals (author_id, area_id, title, body, status, created_at, updated_at, voting_starts_at, voting_ends_at)
            VALUES (@author, @area, @title, 'b', 'voting', @created, @created, @starts, @ends) RETURNING id
            """,
            new { author = _org.Admin, area = _org.Housing, title, created = at.AddDays(-20).ToUnixTimeMilliseconds(), starts = at.AddHours(-1).ToUnixTimeMilliseconds(), ends = at.AddDays(7).ToUnixTimeMilliseconds() });
    }

    [Fact]
    public async Task AVoteRefusedInsideItsGroupFailsAloneAndTheOthersCommitInOrder()
    {
        var members = _org.AddMembers(20);
        var open = VotingProposal("stays open");
        var closing = VotingProposal("closes while the votes wait");

        // The writer waits at the gate with its first group while the rest queue up behind it;
        // meanwhile one proposal closes, after its votes passed their first validation (DESIGN
        // §5: voting only in the window).
        using var gate = new ManualResetEventSlim(false);
        await using var committer = new GroupCommitter(_org.Database, run =>
        {
            gate.Wait();
            run();
        });
        var grouped = new VoteService(_org.Database, _org.Clock, committer);
        var applied = new ConcurrentQueue<long>();
        var cast = members.Select((m, i) => (Member: m, Proposal: i % 2 == 0 ? open : closing)).ToList();
        var tasks = cast.Select(v => grouped.CastGroupedAsync(v.Member, v.Proposal, VoteChoice.Yes, () => applied.Enqueue(v.Member))).ToList();
        _org.Db.Execute("UPDATE proposals SET status = 'rejected' WHERE id = @closing", new { closing });
        gate.Set();

        for (var i = 0; i < cast.Count; i++)
        {
            if (cast[i].Proposal == open)
            {
                await tasks[i];
            }
            else
            {
                var refused = await Assert.ThrowsAsync<DomainException>(() => tasks[i]);
                Assert.Equal(DomainErrors.OutsideVotingWindow, refused.Code);
            }
        }

        // The writer took one or a few votes before the gate, the rest queued into one more
        // group: at least one group held both refused and written votes.
        Assert.InRange(committer.Statistics.Commits, 1, 2);
        Assert.Equal(20, committer.Statistics.Commands);
        Assert.Equal(10, _org.Db.ExecuteScalar<int>("SELECT count(*) FROM votes WHERE proposal_id = @open", new { open }));
        Assert.Equal(0, _org.Db.ExecuteScalar<int>("SELECT count(*) FROM votes WHERE proposal_id = @closing", new { closing }));
        var logged = _org.Db.Query<long>("SELECT actor_id FROM event_log WHERE type = 'vote.cast' ORDER BY seq").ToList();
        Assert.Equal(logged, applied.ToList());
        Assert.Equal(cast.Where(v => v.Proposal == open).Select(v => v.Member).Order(), logged.Order());
        Assert.True(EventLog.Verify(_org.Database).Intact);
        Assert.Equal(VoteChoice.Yes, _org.Votes.MyVote(members[0], open));
    }

    [Fact]
    public async Task AGroupedVoteIsRefusedBeforeTheWriterWithTheSameReasonsAsAnUngroupedOne()
    {
        var member = _org.AddMember("suspended");
        _org.Db.Execute("UPDATE members SET voting_right = 0 WHERE id = @member", new { member });
        var proposal = VotingProposal("p");
        await using var committer = new GroupCommitter(_org.Database);
        var grouped = new VoteService(_org.Database, _org.Clock, committer);
        var before = _org.Fingerprint();

        Assert.Equal(DomainErrors.NoVotingRight, (await Assert.ThrowsAsync<DomainException>(() => grouped.CastGroupedAsync(member, proposal, VoteChoice.No, () => { }))).Code);
        Assert.Equal(DomainErrors.NotFound, (await Assert.ThrowsAsync<DomainException>(() => grouped.CastGroupedAsync(member, 9999, VoteChoice.No, () => { }))).Code);
        Assert.Equal(DomainErrors.NotFound, (await Assert.ThrowsAsync<DomainException>(() => grouped.CastGroupedAsync(9999, proposal, VoteChoice.No, () => { }))).Code);
        Refused.With(_org, DomainErrors.NoVotingRight, () => _org.Votes.Cast(member, proposal, VoteChoice.No));

        Assert.Equal(before, _org.Fingerprint());
        Assert.Equal((0L, 0L), committer.Statistics);
    }
}
