using Dapper;
using Governance.Core.Notifications;
using Governance.Core.Storage;

namespace Governance.Core.Tests.Storage;

/// <summary>
/// A page and its counts are read from one snapshot (Transactions.ReadConsistent). CI caught a
/// notification page whose totalCount said one over empty nodes: the rows and the count were two
/// reads, and the feed wrote between them. A writer inserts all the while here; every page must
/// agree with its own counts, on SQLite (a deferred transaction reads one WAL snapshot) and, in
/// test.sh's PostgreSQL run of the Storage tests, on PostgreSQL (REPEATABLE READ).
/// </summary>
public sealed class ConsistentReadTests
{
    [Fact]
    public async Task ANotificationPageAgreesWithItsCountsWhileTheFeedWrites()
    {
        using var temp = new TempDatabase();
        using (var c = temp.Database.Open())
        {
            c.Execute("INSERT INTO members (id, handle, display_name, karma_at, joined_at, last_active_at) VALUES (1, 'ann', 'Ann', 0, 0, 0)");
        }

        var service = new NotificationService(temp.Database, TimeProvider.System);
        using var done = new CancellationTokenSource();
        var writer = Task.Run(() =>
        {
            for (var i = 0; i < 400; i++)
            {
                using var connection = temp.Database.Open();
                using var transaction = connection.BeginWrite();
                NotificationStore.Insert(connection, transaction,
                    new PlannedNotification(NotificationKinds.DelegationReceived, null, null, "{}", [1]), [1],
                    new Dictionary<long, string>(), null, i);
                transaction.Commit();
            }

            done.Cancel();
        });

        var disagreements = new List<string>();
        var reads = 0;
        while (!done.IsCancellationRequested)
        {
            var page = service.Page(1, 0, 0, 1000, fromOldest: false, tail: null);
            if (page.Rows.Count != page.Total || page.Rows.Count(r => r.ReadAt is null) != page.Unread)
            {
                disagreements.Add($"total {page.Total}, unread {page.Unread}, rows {page.Rows.Count}");
            }

            reads++;
        }

        await writer;
        Assert.Empty(disagreements);
        Assert.True(reads > 10, $"only {reads} reads overlapped the writer");
    }
}
