using System.Data.Common;
using Dapper;

namespace Governance.Core.Storage;

/// <summary>The SQL of endorsements and of the points a member has allocated.</summary>
public static class KarmaStore
{
    public static long EndorsementsGivenSince(DbConnection c, DbTransaction? t, long endorserId, long sinceMs) =>
        c.ExecuteScalarLong(t, "SELECT count(*) FROM endorsements WHERE endorser_id = @endorserId AND at > @sinceMs", new { endorserId, sinceMs });

    /// <summary>The most endorsements <see cref="EndorsementsGivenSince(DbConnection, DbTransaction?, long, long, int)"/> lists.</summary>
    public const int ListLimit = 500;

    /// <summary>The endorsements a member gave after an instant, newest first, at most <paramref name="limit"/>.</summary>
    public static IReadOnlyList<GivenEndorsement> EndorsementsGivenSince(DbConnection c, DbTransaction? t, long endorserId, long sinceMs, int limit) =>
        c.Query<GivenEndorsement>(
            "SELECT endorsed_id AS EndorsedId, at AS At FROM endorsements WHERE endorser_id = @endorserId AND at > @sinceMs ORDER BY at DESC, id DESC LIMIT @limit",
            new { endorserId, sinceMs, limit }, t).AsList();

    public static long PairEndorsementsSince(DbConnection c, DbTransaction? t, long endorserId, long endorsedId, long sinceMs) =>
        c.ExecuteScalarLong(t,
            "SELECT count(*) FROM endorsements WHERE endorser_id = @endorserId AND endorsed_id = @endorsedId AND at > @sinceMs",
            new { endorserId, endorsedId, sinceMs });

    public static long InsertEndorsement(DbConnection c, DbTransaction t, long endorserId, long endorsedId, long atMs, double karmaAwarded) =>
        c.ExecuteScalar<long>(
            "INSERT INTO endorsements (endorser_id, endorsed_id, at, karma_awarded) VALUES (@endorserId, @endorsedId, @atMs, @karmaAwarded) RETURNING id",
            new { endorserId, endorsedId, atMs, karmaAwarded }, t);

    /// <summary>Points the member has on proposals right now (unreleased support rows).</summary>
    public static int AllocatedPoints(DbConnection c, DbTransaction? t, long memberId) =>
        c.ExecuteScalar<int>("SELECT CAST(coalesce(sum(points), 0) AS BIGINT) FROM supports WHERE member_id = @memberId AND released_at IS NULL", new { memberId }, t);
}

/// <summary>One endorsement a member gave: to whom, when.</summary>
public sealed record GivenEndorsement(long EndorsedId, long At)
{
    public GivenEndorsement()
        : this(0, 0)
    {
    }
}
