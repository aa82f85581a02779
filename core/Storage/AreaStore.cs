using System.Data.Common;
using Dapper;

namespace Governance.Core.Storage;

/// <summary>
/// The SQL of the area tree (DESIGN §2, docs/design.md). Areas are never deleted: delegations
/// and proposals refer to them for ever. The rules are <see cref="Areas.AreaService"/>'s.
/// </summary>
public static class AreaStore
{
    /// <summary>The archived area among <paramref name="areaId"/> and its ancestors, nearest first; null when none is.</summary>
    public static ArchivedArea? ArchivedInChain(DbConnection connection, DbTransaction? transaction, long areaId) =>
        connection.QueryFirstOrDefault<ArchivedArea>(
            """
            WITH RECURSIVE chain (id, parent_id, depth) AS (
                SELECT id, parent_id, 0 FROM areas WHERE id = @areaId
                UNION ALL
                SELECT a.id, a.parent_id, chain.depth + 1 FROM areas a JOIN chain ON a.id = chain.parent_id
                WHERE chain.depth < 64
            )
            SELECT a.id AS Id, a.name AS Name FROM chain JOIN areas a ON a.id = chain.id WHERE a.archived_at IS NOT NULL ORDER BY chain.depth LIMIT 1
            """,
            new { areaId }, transaction);

    public static int Rename(DbConnection connection, DbTransaction transaction, long areaId, string name, string? description) => description is null
        ? connection.Execute("UPDATE areas SET name = @name WHERE id = @areaId", new { areaId, name }, transaction)
        : connection.Execute("UPDATE areas SET name = @name, description = @description WHERE id = @areaId", new { areaId, name, description }, transaction);

    public static int SetArchived(DbConnection connection, DbTransaction transaction, long areaId, long? archivedAt) =>
        connection.Execute("UPDATE areas SET archived_at = @archivedAt WHERE id = @areaId", new { areaId, archivedAt }, transaction);

    public static bool Exists(DbConnection connection, DbTransaction? transaction, long areaId) =>
        connection.ExecuteScalar<long>("SELECT count(*) FROM areas WHERE id = @areaId", new { areaId }, transaction) > 0;

    public static bool SlugTaken(DbConnection connection, DbTransaction? transaction, string slug) =>
        connection.ExecuteScalar<long>("SELECT count(*) FROM areas WHERE slug = @slug", new { slug }, transaction) > 0;

    /// <summary>Adds an area; returns its id.</summary>
    public static long Insert(DbConnection connection, DbTransaction transaction, string slug, string name, string description, long? parentId, long atMs) =>
        connection.ExecuteScalar<long>(
            "INSERT INTO areas (slug, name, description, parent_id, created_at) VALUES (@slug, @name, @description, @parentId, @atMs) RETURNING id",
            new { slug, name, description, parentId, atMs },
            transaction);

    public static long? ParentOf(DbConnection connection, DbTransaction? transaction, long areaId) =>
        connection.QuerySingle<long?>("SELECT parent_id FROM areas WHERE id = @areaId", new { areaId }, transaction);

    /// <summary>Whether <paramref name="areaId"/> is <paramref name="ancestorId"/> or lies somewhere under it.</summary>
    public static bool IsWithin(DbConnection connection, DbTransaction? transaction, long areaId, long ancestorId) =>
        connection.ExecuteScalar<long>(
            """
            WITH RECURSIVE chain (id, parent_id, depth) AS (
                SELECT id, parent_id, 0 FROM areas WHERE id = @areaId
                UNION ALL
                SELECT a.id, a.parent_id, chain.depth + 1 FROM areas a JOIN chain ON a.id = chain.parent_id
                WHERE chain.depth < 64
            )
            SELECT count(*) FROM chain WHERE id = @ancestorId
            """,
            new { areaId, ancestorId }, transaction) > 0;

    /// <summary>
    /// A proposal in <paramref name="areaId"/> or under it whose vote is running at
    /// <paramref name="atMs"/> (in voting, or scheduled with its voting window begun); null when none is.
    /// </summary>
    public static VotingProposal? VotingWithin(DbConnection connection, DbTransaction? transaction, long areaId, long atMs) =>
        connection.QueryFirstOrDefault<VotingProposal>(
            """
            WITH RECURSIVE tree (id, depth) AS (
                SELECT id, 0 FROM areas WHERE id = @areaId
                UNION ALL
                SELECT a.id, tree.depth + 1 FROM areas a JOIN tree ON a.parent_id = tree.id
                WHERE tree.depth < 64
            )
            SELECT p.id AS Id, p.title AS Title FROM proposals p JOIN tree ON p.area_id = tree.id
            WHERE p.status = 'voting' OR (p.status = 'scheduled' AND p.voting_starts_at <= @atMs)
            ORDER BY p.id LIMIT 1
            """,
            new { areaId, atMs }, transaction);

    public static int Move(DbConnection connection, DbTransaction transaction, long areaId, long parentId) =>
        connection.Execute("UPDATE areas SET parent_id = @parentId WHERE id = @areaId", new { areaId, parentId }, transaction);

    public sealed record ArchivedArea(long Id, string Name);

    public sealed record VotingProposal(long Id, string Title);
}
