using Dapper;
using Governance.Core.Domain;
using Governance.Core.Storage;

namespace Governance.Core.Tests.Storage;

public sealed class GroupCommitterTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly TempDatabase temp = new();

    public GroupCommitterTests()
    {
        using var connection = temp.Database.Open();
        connection.Execute(
            """
            INSERT INTO areas (id, slug, name, created_at) VALUES (1, 'party', 'Party', 0);
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 500)
            INSERT INTO members (id, handle, display_name, karma_at, joined_at, last_active_at) SELECT i, 'm' || i, 'M ' || i, 0, 0, 0 FROM n;
            INSERT INTO proposals (id, author_id, area_id, title, body, status, created_at, updated_at) VALUES (1, 1, 1, 'P', 'b', 'voting', 0, 0);
            """);
    }

    public void Dispose() => temp.Dispose();

    private static int CastVote(System.Data.Common.DbConnection c, System.Data.Common.DbTransaction t, long member, string choice)
    {
        var changed = c.Execute(
            "INSERT INTO votes (member_id, proposal_id, choice, cast_at, updated_at) VALUES (@member, 1, @choice, 0, 0)",
            new { member, choice },
            t);
        EventLog.Append(c, t, T0, member, "vote.cast", new { Member = member, Choice = choice });
        return changed;
    }

    [Fact]
    public async Task ConcurrentCommandsAreCommittedInFewerTransactionsAndAllAcknowledgedOnesAreDurable()
    {
        await using (var committer = new GroupCommitter(temp.Database))
        {
            var tasks = Enumerable.Range(1, 500).Select(m => Task.Run(() => committer.RunAsync((c, t) => CastVote(c, t, m, "yes")))).ToArray();
            await Task.WhenAll(tasks);

            var (commits, commands) = committer.Statistics;
            Assert.Equal(500, commands);
            Assert.True(commits < 500, $"{commits} commits for 500 commands: nothing was grouped");
        }

        using var connection = temp.Database.Open();
        Assert.Equal(500, connection.ExecuteScalar<int>("SELECT count(*) FROM votes"));
        Assert.Equal(500, connection.ExecuteScalar<int>("SELECT count(*) FROM event_log"));
        Assert.True(EventLog.Verify(temp.Database).Intact);
    }

    [Fact]
    public async Task AFailingCommandIsRolledBackAloneAndItsCallerGetsTheError()
    {
        await using var committer = new GroupCommitter(temp.Database);
        var good1 = committer.RunAsync((c, t) => CastVote(c, t, 1, "yes"));
        var bad = committer.RunAsync((c, t) =>
        {
            CastVote(c, t, 2, "no");
            return CastVote(c, t, 2, "no"); // the second vote by one member breaks the primary key
        });
        var invalid = committer.RunAsync<int>((c, t) => throw new DomainException(DomainErrors.OutsideVotingWindow, "Voting has ended."));
        var good2 = committer.RunAsync((c, t) => CastVote(c, t, 3, "abstain"));

        Assert.Equal(1, await good1);
        Assert.Equal(1, await good2);
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => bad);
        Assert.Equal(DomainErrors.OutsideVotingWindow, (await Assert.ThrowsAsync<DomainException>(() => invalid)).Code);

        using var connection = temp.Database.Open();
        Assert.Equal([1L, 3L], connection.Query<long>("SELECT member_id FROM votes ORDER BY member_id"));
        Assert.Equal(2, connection.ExecuteScalar<int>("SELECT count(*) FROM event_log"));
        Assert.True(EventLog.Verify(temp.Database).Intact);
    }

    [Fact]
    public async Task AfterCommitActionsRunInCommitOrderBeforeTheCallerIsAnswered()
    {
        await using var committer = new GroupCommitter(temp.Database);
        var applied = new List<long>();
        var tasks = new List<Task<long>>();
        for (long m = 1; m <= 100; m++)
        {
            var member = m;
            tasks.Add(committer.RunAsync((c, t) =>
            {
                CastVote(c, t, member, "yes");
                return EventLog.Head(c, t).Seq;
            }, seq =>
            {
                lock (applied)
                {
                    applied.Add(seq);
                }
            }));
        }

        var seqs = await Task.WhenAll(tasks);

        Assert.Equal(seqs.Order(), applied);
        Assert.Equal(Enumerable.Range(1, 100).Select(i => (long)i), applied);
    }
}
