using Dapper;
using Governance.Core.Storage;

namespace Governance.Core.Tests.Storage;

public sealed class EventLogTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

    private static void AppendSome(Database database, int count)
    {
        using var connection = database.Open();
        for (var i = 0; i < count; i++)
        {
            using var transaction = connection.BeginTransaction();
            EventLog.Append(connection, transaction, T0.AddMinutes(i), i % 3 == 0 ? null : i, "test.happened", new { Index = i, Note = $"entry {i}", Nested = new { B = 2, A = 1 } });
            transaction.Commit();
        }
    }

    [Fact]
    public void UntouchedChainVerifiesIntact()
    {
        using var temp = new TempDatabase();
        AppendSome(temp.Database, 10);

        var result = EventLog.Verify(temp.Database);

        Assert.True(result.Intact);
        Assert.Equal(10, result.Entries);
    }

    [Fact]
    public void EntriesAreNumberedFromOneAndChainedToTheirPredecessor()
    {
        using var temp = new TempDatabase();
        AppendSome(temp.Database, 3);
        using var connection = temp.Database.Open();

        var rows = connection.Query<(long Seq, byte[] Hash)>("SELECT seq, hash FROM event_log ORDER BY seq").ToList();

        Assert.Equal([1L, 2L, 3L], rows.Select(r => r.Seq));
        Assert.Equal(3, rows.Select(r => Convert.ToHexString(r.Hash)).Distinct().Count());
        Assert.Equal(rows[^1].Hash, EventLog.Head(connection).Hash);
    }

    [Theory]
    [InlineData("payload", "'{\"index\":4,\"nested\":{\"a\":1,\"b\":2},\"note\":\"entry 5\"}'")]
    [InlineData("type", "'test.forged'")]
    [InlineData("at", "at + 1")]
    [InlineData("actor_id", "42")]
    public void AlteringOneRowByHandIsReportedAtItsSequenceNumber(string column, string value)
    {
        using var temp = new TempDatabase();
        AppendSome(temp.Database, 8);
        using (var connection = temp.Database.Open())
        {
            // A tamperer with file access can drop the append-only trigger; the chain still tells.
            connection.Execute(temp.Database.IsPostgres ? "DROP TRIGGER event_log_no_update ON event_log" : "DROP TRIGGER event_log_no_update");
            connection.Execute($"UPDATE event_log SET {column} = {value} WHERE seq = 5");
        }

        var result = EventLog.Verify(temp.Database);

        Assert.False(result.Intact);
        Assert.Equal(5, result.FirstBrokenSeq);
        Assert.Equal(4, result.Entries);
    }

    [Fact]
    public void DeletedEntryIsReportedAsMissing()
    {
        using var temp = new TempDatabase();
        AppendSome(temp.Database, 6);
        using (var connection = temp.Database.Open())
        {
            connection.Execute(temp.Database.IsPostgres ? "DROP TRIGGER event_log_no_delete ON event_log" : "DROP TRIGGER event_log_no_delete");
            connection.Execute("DELETE FROM event_log WHERE seq = 3");
        }

        var result = EventLog.Verify(temp.Database);

        Assert.Equal(3, result.FirstBrokenSeq);
        Assert.Contains("missing", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void TheDatabaseRefusesToUpdateOrDeleteEntries()
    {
        using var temp = new TempDatabase();
        AppendSome(temp.Database, 2);
        using var connection = temp.Database.Open();

        var update = Assert.ThrowsAny<System.Data.Common.DbException>(() => connection.Execute("UPDATE event_log SET type = 'x' WHERE seq = 1"));
        var delete = Assert.ThrowsAny<System.Data.Common.DbException>(() => connection.Execute("DELETE FROM event_log"));

        Assert.Contains("append-only", update.Message, StringComparison.Ordinal);
        Assert.Contains("append-only", delete.Message, StringComparison.Ordinal);
        Assert.True(EventLog.Verify(temp.Database).Intact);
    }

    [Fact]
    public void AnEntryRolledBackWithItsChangeLeavesNoTrace()
    {
        using var temp = new TempDatabase();
        AppendSome(temp.Database, 2);
        using (var connection = temp.Database.Open())
        using (var transaction = connection.BeginTransaction())
        {
            connection.Execute("INSERT INTO organisation (id, name, created_at) VALUES (1, 'x', 0)", transaction: transaction);
            EventLog.Append(connection, transaction, T0, null, "organisation.created", new { Name = "x" });
            transaction.Rollback();
        }

        using var check = temp.Database.Open();
        Assert.Equal(2, check.ExecuteScalar<int>("SELECT count(*) FROM event_log"));
        Assert.Equal(0, check.ExecuteScalar<int>("SELECT count(*) FROM organisation"));
        Assert.True(EventLog.Verify(temp.Database).Intact);
    }

    [Fact]
    public void CanonicalJsonSortsKeysAtEveryDepth()
    {
        Assert.Equal("{\"a\":[{\"x\":1,\"y\":2}],\"b\":null}", CanonicalJson.Canonicalize("{ \"b\": null, \"a\": [ { \"y\": 2, \"x\": 1 } ] }"));
    }
}
