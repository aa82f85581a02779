using System.Data.Common;
using Dapper;

namespace Governance.Core.Storage;

/// <summary>One stored policy version: the organisation's (AreaId null, full values) or an area's overrides.</summary>
public sealed record PolicyRow(long Id, long? AreaId, int Version, string ValuesJson, long EffectiveFrom, long? CreatedBy)
{
    public PolicyRow()
        : this(0, null, 0, string.Empty, 0, null)
    {
    }
}

/// <summary>The SQL of policies (DESIGN §6): versions per scope, and the area chain they merge along.</summary>
public static class PolicyStore
{
    private const string Columns = "id AS Id, area_id AS AreaId, version AS Version, values_json AS ValuesJson, effective_from AS EffectiveFrom, created_by AS CreatedBy";

    /// <summary>The version of a scope in force at <paramref name="atMs"/>, or null.</summary>
    public static PolicyRow? InForce(DbConnection connection, DbTransaction? transaction, long? areaId, long atMs) =>
        connection.QuerySingleOrDefault<PolicyRow>(
            $"SELECT {Columns} FROM policies WHERE area_id IS NOT DISTINCT FROM @areaId AND effective_from <= @atMs ORDER BY version DESC LIMIT 1",
            new { areaId, atMs }, transaction);

    /// <summary>The newest version of a scope, in force or not yet.</summary>
    public static PolicyRow? Latest(DbConnection connection, DbTransaction? transaction, long? areaId) =>
        connection.QuerySingleOrDefault<PolicyRow>(
            $"SELECT {Columns} FROM policies WHERE area_id IS NOT DISTINCT FROM @areaId ORDER BY version DESC LIMIT 1",
            new { areaId }, transaction);

    public static IReadOnlyList<PolicyRow> History(DbConnection connection, long? areaId) =>
        connection.Query<PolicyRow>(
            $"SELECT {Columns} FROM policies WHERE area_id IS NOT DISTINCT FROM @areaId ORDER BY version", new { areaId }).AsList();

    public static long Insert(DbConnection connection, DbTransaction transaction, long? areaId, int version, string valuesJson, long effectiveFrom, long? createdBy) =>
        connection.ExecuteScalar<long>(
            """
            INSERT INTO policies (area_id, version, values_json, effective_from, created_by)
            VALUES (@areaId, @version, @valuesJson, @effectiveFrom, @createdBy) RETURNING id
            """,
            new { areaId, version, valuesJson, effectiveFrom, createdBy }, transaction);

    /// <summary>The area and its ancestors, root first: the order in which overrides apply.</summary>
    public static IReadOnlyList<long> AreaChain(DbConnection connection, DbTransaction? transaction, long areaId) =>
        connection.Query<long>(
            """
            WITH RECURSIVE chain (id, parent_id, depth) AS (
                SELECT id, parent_id, 0 FROM areas WHERE id = @areaId
                UNION ALL
                SELECT a.id, a.parent_id, chain.depth + 1 FROM areas a JOIN chain ON a.id = chain.parent_id
                WHERE chain.depth < 64
            )
            SELECT id FROM chain ORDER BY depth DESC
            """,
            new { areaId }, transaction).AsList();
}
