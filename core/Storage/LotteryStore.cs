using System.Data.Common;
using Dapper;

namespace Governance.Core.Storage;

/// <summary>A stored draw: the period, the public inputs and the seed.</summary>
public sealed record DrawRow(string PeriodId, long PeriodStart, long PeriodEnd, long HeadSeq, byte[] HeadHash, byte[] Seed, long DrawnAt);

/// <summary>One eligible member of a draw: the karma and level they were drawn at.</summary>
public sealed record DrawEntryRow(string PeriodId, long MemberId, double Karma, int Level, double Probability, bool Drawn)
{
    public DrawEntryRow()
        : this(string.Empty, 0, 0, 0, 0, false)
    {
    }
}

/// <summary>The SQL of the counterweight lottery.</summary>
public static class LotteryStore
{
    public static DrawRow? Find(DbConnection c, DbTransaction? t, string periodId) =>
        c.QuerySingleOrDefault<DrawRow>(
            """
            SELECT period_id AS PeriodId, period_start AS PeriodStart, period_end AS PeriodEnd, head_seq AS HeadSeq,
                   head_hash AS HeadHash, seed AS Seed, drawn_at AS DrawnAt
            FROM lottery_draws WHERE period_id = @periodId
            """,
            new { periodId }, t);

    public static long? LastPeriodEnd(DbConnection c, DbTransaction? t) =>
        c.ExecuteScalar<long?>("SELECT max(period_end) FROM lottery_draws", transaction: t);

    public static IReadOnlyList<DrawEntryRow> Entries(DbConnection c, DbTransaction? t, string periodId) =>
        c.Query<DrawEntryRow>(
            """
            SELECT period_id AS PeriodId, member_id AS MemberId, karma AS Karma, level AS Level, probability AS Probability, drawn AS Drawn
            FROM lottery_entries WHERE period_id = @periodId ORDER BY member_id
            """,
            new { periodId }, t).AsList();

    /// <summary>How many members were in a period's draw, and who was drawn: what a draw's summary shows, without reading every entry.</summary>
    public static (long Count, IReadOnlyList<long> Drawn) Summary(DbConnection c, DbTransaction? t, string periodId) =>
        (c.ExecuteScalar<long>("SELECT count(*) FROM lottery_entries WHERE period_id = @periodId", new { periodId }, t),
         c.Query<long>("SELECT member_id FROM lottery_entries WHERE period_id = @periodId AND drawn = 1 ORDER BY member_id", new { periodId }, t).AsList());

    /// <summary>The last event-log entry at or before the instant: the public head a period's seed uses.</summary>
    public static (long Seq, byte[] Hash)? HeadAt(DbConnection c, DbTransaction? t, long atMs) =>
        c.QuerySingleOrDefault<(long, byte[])?>(
            "SELECT seq, hash FROM event_log WHERE at <= @atMs ORDER BY seq DESC LIMIT 1", new { atMs }, t);

    public static byte[]? HashOf(DbConnection c, long seq) =>
        c.QuerySingleOrDefault<byte[]>("SELECT hash FROM event_log WHERE seq = @seq", new { seq });

    public static long? NextAt(DbConnection c, long seq) =>
        c.QuerySingleOrDefault<long?>("SELECT at FROM event_log WHERE seq = @seq", new { seq = seq + 1 });

    public static long? OrganisationCreatedAt(DbConnection c, DbTransaction? t) =>
        c.ExecuteScalar<long?>("SELECT min(created_at) FROM organisation", transaction: t);

    public static void Insert(DbConnection c, DbTransaction t, DrawRow draw, IEnumerable<DrawEntryRow> entries)
    {
        c.Execute(
            """
            INSERT INTO lottery_draws (period_id, period_start, period_end, head_seq, head_hash, seed, drawn_at)
            VALUES (@PeriodId, @PeriodStart, @PeriodEnd, @HeadSeq, @HeadHash, @Seed, @DrawnAt)
            """,
            draw, t);
        c.Execute(
            """
            INSERT INTO lottery_entries (period_id, member_id, karma, level, probability, drawn)
            VALUES (@PeriodId, @MemberId, @Karma, @Level, @Probability, CASE WHEN @Drawn THEN 1 ELSE 0 END)
            """,
            entries, t);
    }
}
