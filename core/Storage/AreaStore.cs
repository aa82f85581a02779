using System.Data.Common;
using Dapper;

namespace Governance.Core.Storage;

/// <summary>
/// The SQL of the area tree (DESIGN §2, docs/design.md). Areas are only added: delegations and
/// proposals refer to them for ever. The rules are <see cref="Areas.AreaService"/>'s.
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

    public sealed record ArchivedArea(long Id, string Name);
}
