using System.Data.Common;
using Dapper;

namespace Governance.Core.Storage;

/// <summary>A member's karma as stored: K(t0) = Karma at KarmaAt (ms); it decays from there.</summary>
public sealed record StoredKarma(long MemberId, double Karma, long KarmaAt, bool VotingRight, long LastActiveAt)
{
    // For Dapper: it sets the properties, converting SQLite's INTEGER to bool and int.
    public StoredKarma()
        : this(0, 0, 0, false, 0)
    {
    }
}

/// <summary>The SQL about members that the domain needs: existence, roles, karma, activity.</summary>
public static class MemberStore
{
    private const string KarmaColumns = "id AS MemberId, karma AS Karma, karma_at AS KarmaAt, voting_right AS VotingRight, last_active_at AS LastActiveAt";

    public static StoredKarma? Find(DbConnection connection, DbTransaction? transaction, long memberId) =>
        connection.QuerySingleOrDefault<StoredKarma>(
            $"SELECT {KarmaColumns} FROM members WHERE id = @memberId", new { memberId }, transaction);

    public static bool HasRole(DbConnection connection, DbTransaction? transaction, long memberId, string role) =>
        connection.ExecuteScalar<long>(
            "SELECT count(*) FROM member_roles WHERE member_id = @memberId AND role = @role", new { memberId, role }, transaction) > 0;

    /// <summary>How many members acted at or after <paramref name="sinceMs"/> (DESIGN §5's "active").</summary>
    public static int CountActiveSince(DbConnection connection, DbTransaction? transaction, long sinceMs) =>
        connection.ExecuteScalar<int>("SELECT count(*) FROM members WHERE last_active_at >= @sinceMs", new { sinceMs }, transaction);

    /// <summary>
    /// Active members whose stored karma is at least <paramref name="karma"/>: decay only
    /// lowers karma, so everyone else is certainly below it now. Karma has a long tail, so
    /// this is a small share of the membership.
    /// </summary>
    public static IReadOnlyList<StoredKarma> ActiveSinceWithKarmaAtLeast(DbConnection connection, DbTransaction? transaction, long sinceMs, double karma) =>
        connection.Query<StoredKarma>(
            $"SELECT {KarmaColumns} FROM members WHERE last_active_at >= @sinceMs AND karma >= @karma", new { sinceMs, karma }, transaction).AsList();

    /// <summary>
    /// Members who had joined by <paramref name="joinedByMs"/> and may hold level ≥ 1 (stored
    /// karma at or above the lowest threshold; decay can only lower it): the lottery's candidates.
    /// </summary>
    public static IReadOnlyList<StoredKarma> LotteryCandidates(DbConnection connection, DbTransaction? transaction, double karma, long joinedByMs) =>
        connection.Query<StoredKarma>(
            $"SELECT {KarmaColumns} FROM members WHERE karma >= @karma AND joined_at <= @joinedByMs ORDER BY id", new { karma, joinedByMs }, transaction).AsList();

    public static void Touch(DbConnection connection, DbTransaction transaction, long memberId, long atMs) =>
        connection.Execute(
            "UPDATE members SET last_active_at = CASE WHEN last_active_at > @atMs THEN last_active_at ELSE @atMs END WHERE id = @memberId", new { memberId, atMs }, transaction);

    /// <summary>Stores a new K(t0) with t0 = <paramref name="atMs"/> and records why.</summary>
    public static void SetKarma(DbConnection connection, DbTransaction transaction, long memberId, double karma, long atMs, double delta, string reason)
    {
        connection.Execute(
            "UPDATE members SET karma = @karma, karma_at = @atMs WHERE id = @memberId", new { memberId, karma, atMs }, transaction);
        connection.Execute(
            "INSERT INTO karma_changes (member_id, at, delta, karma_after, reason) VALUES (@memberId, @atMs, @delta, @karma, @reason)",
            new { memberId, atMs, delta, karma, reason }, transaction);
    }

    /// <summary>The member's voting right (1 or 0), null for no such member.</summary>
    public static long? VotingRight(DbConnection connection, DbTransaction? transaction, long memberId) =>
        connection.ExecuteScalar<long?>("SELECT voting_right FROM members WHERE id = @memberId", new { memberId }, transaction);

    /// <summary>Sets the voting right and records the change, who made it and why.</summary>
    public static void SetVotingRight(DbConnection connection, DbTransaction transaction, long memberId, bool votingRight, long old, long actorId, string reason, long atMs)
    {
        var value = votingRight ? 1 : 0;
        connection.Execute("UPDATE members SET voting_right = @value WHERE id = @memberId", new { memberId, value }, transaction);
        connection.Execute(
            "INSERT INTO voting_right_changes (member_id, at, old_value, new_value, actor_id, reason) VALUES (@memberId, @atMs, @old, @value, @actorId, @reason)",
            new { memberId, atMs, old, value, actorId, reason },
            transaction);
    }
}
