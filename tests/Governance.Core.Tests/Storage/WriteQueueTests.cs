using System.Diagnostics;
using Dapper;
using Governance.Core.Storage;

namespace Governance.Core.Tests.Storage;

/// <summary>
/// The instance's asynchronous write queue (issue 21, <see cref="Transactions.WriteLoggedAsync{T}"/>):
/// a writer waiting for the lock holds no thread — the call returns at once with a task — and
/// the queue lets one writer at a time take the database's lock; every write commits, in a chain
/// that verifies.
/// </summary>
public sealed class WriteQueueTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 7, 0, 0, 0, TimeSpan.Zero);
    private readonly TempDatabase temp = new();

    public WriteQueueTests()
    {
        using var connection = temp.Database.Open();
        connection.Execute(
            """
            INSERT INTO areas (id, slug, name, created_at) VALUES (1, 'party', 'Party', 0);
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300)
            INSERT INTO members (id, handle, display_name, karma_at, joined_at, last_active_at) SELECT i, 'm' || i, 'M ' || i, 0, 0, 0 FROM n;
            INSERT INTO proposals (id, author_id, area_id, title, body, status, created_at, updated_at) VALUES (1, 1, 1, 'P', 'b', 'voting', 0, 0);
            """);
    }

    public void Dispose() => temp.Dispose();

    private static long CastVote(System.Data.Common.DbConnection c, System.Data.Common.DbTransaction t, long member)
    {
        c.Execute("INSERT INTO votes (member_id, proposal_id, choice, cast_at, updated_at) VALUES (@member, 1, 'yes', 0, 0)", new { member }, t);
        EventLog.Append(c, t, T0, member, "vote.cast", new { Member = member, Choice = "yes" });
        return member;
    }

    [Fact]
    public async Task WritersWaitingForTheLockHoldNoThreadAndAllCommitWhenItIsFree()
    {
        using var holding = new ManualResetEventSlim();
        using var inside = new ManualResetEventSlim();
        var first = Task.Run(() => Transactions.WriteLoggedAsync(temp.Database, (c, t) =>
        {
            inside.Set();
            holding.Wait(TimeSpan.FromSeconds(30));
            return CastVote(c, t, 1);
        }));
        Assert.True(inside.Wait(TimeSpan.FromSeconds(30)), "the first writer never got the lock");

        // 200 writers queue behind it: each call returns a pending task at once, on this thread.
        var clock = Stopwatch.StartNew();
        var queued = Enumerable.Range(2, 200).Select(m => Transactions.WriteLoggedAsync(temp.Database, (c, t) => CastVote(c, t, m))).ToList();
        var queuing = clock.Elapsed;
        Assert.All(queued, task => Assert.False(task.IsCompleted));
        Assert.True(queuing < TimeSpan.FromSeconds(5), $"queuing 200 writers took {queuing.TotalMilliseconds:0} ms: the calls blocked");

        holding.Set();
        await first;
        var members = (await Task.WhenAll(queued)).Select(r => r.Result).ToList();
        Assert.Equal(Enumerable.Range(2, 200).Select(m => (long)m), members.Order());

        using var connection = temp.Database.Open();
        Assert.Equal(201, connection.ExecuteScalar<int>("SELECT count(*) FROM votes"));
        Assert.Equal(201, connection.ExecuteScalar<int>("SELECT count(*) FROM event_log"));
        Assert.True(EventLog.Verify(temp.Database).Intact);
    }

    [Fact]
    public async Task TheQueueLetsOneWriterAtATimeTakeTheLock()
    {
        var inside = 0;
        var most = 0;
        var counted = new object();
        await Task.WhenAll(Enumerable.Range(1, 100).Select(m => Task.Run(() => Transactions.WriteLoggedAsync(temp.Database, (c, t) =>
        {
            var now = Interlocked.Increment(ref inside);
            lock (counted)
            {
                most = Math.Max(most, now);
            }

            Thread.Sleep(1);
            Interlocked.Decrement(ref inside);
            return CastVote(c, t, m);
        }))));

        Assert.Equal(1, most);
        Assert.True(EventLog.Verify(temp.Database).Intact);
    }
}
