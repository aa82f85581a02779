using System.Data.Common;
using Dapper;

namespace Governance.Core.Storage;

/// <summary>
/// The SQL of the area tree (DESIGN §2, docs/design.md). Areas are only added: delegations and
/// proposals refer to them for ever. The rules are <see cref="Areas.AreaService"/>'s.
/// </summary>
public static class AreaStore
{
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
}
