using Dapper;
using Governance.Core.Events;
using Governance.Core.Notifications;
using Governance.Core.Storage;
using Microsoft.Data.Sqlite;

namespace Governance.Core.Tests.Storage;

/// <summary>
/// The writer line (issue 16's fan-out): a writer asking SQLite's write lock through
/// BeginWrite stands in it until it has the lock; the notification feed gives way between its
/// transactions only to a writer that waits, and then until that writer has the lock; with
/// nobody waiting it does not pause at all.
/// </summary>
public sealed class WriterLineTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly TempDatabase temp = new(provider: StorageProvider.Sqlite);

    public void Dispose() => temp.Dispose();

    private WriterLine Line => WriterLine.For(temp.Database.ConnectionString);

    [Fact]
    public void WithNobodyWaitingGivingWayReturnsAtOnce()
    {
        Assert.Equal(0, Line.Waiting);
        Assert.Equal(TimeSpan.Zero, Line.YieldTo(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task AWriterWaitingBehindTheLockIsInTheLineAndHasTheLockWhenTheHolderHasGivenWay()
    {
        using var holder = temp.Database.Open();
        var held = holder.BeginTransaction();
        using var release = new ManualResetEventSlim();
        using var hasLock = new ManualResetEventSlim();
        var writer = Task.Run(() =>
        {
            using var connection = temp.Database.Open();
            using var transaction = connection.BeginWrite();
            hasLock.Set();
            release.Wait(Patience);
            transaction.Commit();
        });
        try
        {
            var deadline = DateTime.UtcNow + Patience;
            while (Line.Waiting == 0 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(5);
            }

            Assert.Equal(1, Line.Waiting);
            Assert.False(hasLock.IsSet);
            held.Commit();
            held.Dispose();
            var gaveWay = Line.YieldTo(Patience);

            Assert.True(gaveWay > TimeSpan.Zero);
            Assert.True(gaveWay < Patience, "the holder gave way until its limit: the writer never took the lock");
            Assert.Equal(0, Line.Waiting);
            Assert.True(hasLock.Wait(Patience));
        }
        finally
        {
            release.Set();
            await writer.WaitAsync(Patience);
        }
    }

    [Fact]
    public void AWriterThatGivesUpLeavesTheLine()
    {
        using var holder = temp.Database.Open();
        using var held = holder.BeginTransaction();
        using (var connection = temp.Database.Open())
        {
            connection.Execute("PRAGMA busy_timeout = 50");
            ((SqliteConnection)connection).DefaultTimeout = 1;
            Assert.Throws<SqliteException>(() => connection.BeginWrite().Dispose());
        }

        Assert.Equal(0, Line.Waiting);
        Assert.Equal(TimeSpan.Zero, Line.YieldTo(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public void AFanOutWithNobodyWaitingWritesEveryRowWithoutPausing()
    {
        const int delegators = 2_400;
        using (var connection = temp.Database.Open())
        {
            connection.Execute(
                """
                INSERT INTO areas (id, slug, name, created_at) VALUES (1, 'party', 'Party', 0);
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < @members)
                INSERT INTO members (id, handle, display_name, karma_at, joined_at, last_active_at) SELECT i, 'm' || i, 'M ' || i, 0, 0, 0 FROM n;
                INSERT INTO proposals (id, author_id, area_id, title, body, status, created_at, updated_at, voting_starts_at, voting_ends_at)
                VALUES (1, 2, 1, 'P', 'b', 'voting', 0, 0, 0, 9999999999999);
                WITH RECURSIVE n(i) AS (SELECT 2 UNION ALL SELECT i + 1 FROM n WHERE i < @members)
                INSERT INTO delegations (id, member_id, scope_kind, valid_from) SELECT i, i, 'global', 0 FROM n;
                INSERT INTO delegation_delegates (delegation_id, rank, delegate_id) SELECT id, 1, 1 FROM delegations;
                """, new { members = delegators + 1 });
        }

        var feed = new NotificationFeed(temp.Database);
        feed.CatchUpAll();
        var committed = 0;
        var yielded = new List<TimeSpan>();
        feed.Committed += (_, _) => committed++;
        feed.Yielded += yielded.Add;
        Transactions.Write(temp.Database, (c, t) =>
        {
            var now = DateTimeOffset.UtcNow;
            c.Execute("INSERT INTO votes (member_id, proposal_id, choice, cast_at, updated_at) VALUES (1, 1, 'yes', @at, @at)", new { at = now.ToUnixTimeMilliseconds() }, t);
            EventLog.Append(c, t, now, 1, EventTypes.VoteCast, new { proposal = 1L, choice = (string?)null });
            return 0;
        });

        Assert.Equal(delegators, feed.CatchUpAll());
        Assert.True(committed >= delegators / NotificationFeed.ChunkSize, $"{committed} transactions");
        Assert.Equal(committed, yielded.Count);
        Assert.All(yielded, y => Assert.Equal(TimeSpan.Zero, y));
    }
}
