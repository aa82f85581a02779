using System.Data.Common;
using Dapper;
using Governance.Core.Delegation;

namespace Governance.Core.Storage;

/// <summary>One version of a delegation: ranked delegates (none = an explicit block) and when it held.</summary>
public sealed record DelegationVersion(long Id, long MemberId, DelegationScope Scope, IReadOnlyList<long> Delegates, DateTimeOffset ValidFrom, DateTimeOffset? ValidTo)
{
    public bool IsBlock => Delegates.Count == 0;
}

/// <summary>
/// The SQL of delegations with their whole history (DESIGN §2, docs/design.md): a change closes
/// the current version and opens a new one at the same instant; a revocation only closes. The
/// rules and the live engine are <see cref="Delegation.DelegationService"/>'s.
/// </summary>
public sealed class DelegationStore(Database database)
{
    /// <summary>The member's current delegations, every scope.</summary>
    public async Task<IReadOnlyList<DelegationVersion>> CurrentForMemberAsync(long memberId)
    {
        await using var connection = await database.OpenAsync();
        return QueryVersions(connection, null, "d.member_id = @memberId AND d.valid_to IS NULL", new { memberId });
    }

    /// <summary>Every version the member ever had, newest first.</summary>
    public async Task<IReadOnlyList<DelegationVersion>> HistoryForMemberAsync(long memberId)
    {
        await using var connection = await database.OpenAsync();
        var versions = QueryVersions(connection, null, "d.member_id = @memberId", new { memberId });
        return versions.OrderByDescending(v => v.ValidFrom).ThenByDescending(v => v.Id).ToList();
    }

    /// <summary>The version in force for the member and scope, read inside the command's transaction.</summary>
    public static DelegationVersion? Current(DbConnection connection, DbTransaction transaction, long memberId, DelegationScope scope)
    {
        var versions = QueryVersions(
            connection,
            transaction,
            "d.member_id = @memberId AND d.valid_to IS NULL AND d.scope_kind = @kind AND d.area_id IS NOT DISTINCT FROM @area AND d.proposal_id IS NOT DISTINCT FROM @proposal",
            new { memberId, kind = KindOf(scope), area = AreaOf(scope), proposal = ProposalOf(scope) });
        return versions.SingleOrDefault();
    }

    /// <summary>Every version the member ever had, on the caller's connection (the engine follower's).</summary>
    public static IReadOnlyList<DelegationVersion> History(DbConnection connection, long memberId) =>
        QueryVersions(connection, null, "d.member_id = @memberId", new { memberId });

    /// <summary>Ends a version at <paramref name="atMs"/>.</summary>
    public static void Close(DbConnection connection, DbTransaction transaction, long versionId, long atMs) =>
        connection.Execute("UPDATE delegations SET valid_to = @atMs WHERE id = @versionId", new { atMs, versionId }, transaction);

    /// <summary>Opens a version with its ranked delegates (none: a block); returns its id.</summary>
    public static long Insert(DbConnection connection, DbTransaction transaction, long memberId, DelegationScope scope, IReadOnlyList<long> delegates, long atMs)
    {
        var id = connection.ExecuteScalar<long>(
            "INSERT INTO delegations (member_id, scope_kind, area_id, proposal_id, valid_from) VALUES (@memberId, @kind, @area, @proposal, @atMs) RETURNING id",
            new { memberId, kind = KindOf(scope), area = AreaOf(scope), proposal = ProposalOf(scope), atMs },
            transaction);
        for (var rank = 0; rank < delegates.Count; rank++)
        {
            connection.Execute(
                "INSERT INTO delegation_delegates (delegation_id, rank, delegate_id) VALUES (@id, @rank, @delegate)",
                new { id, rank = rank + 1, @delegate = delegates[rank] },
                transaction);
        }

        return id;
    }

    /// <summary>Which of <paramref name="ids"/> are members.</summary>
    public static HashSet<long> KnownMembers(DbConnection connection, DbTransaction transaction, IReadOnlyList<long> ids) =>
        connection.Query<long>($"SELECT id FROM members WHERE id {connection.InList("@ids")}", new { ids }, transaction).ToHashSet();

    private static List<DelegationVersion> QueryVersions(DbConnection connection, DbTransaction? transaction, string where, object parameters)
    {
        var rows = connection.Query<(long Id, long MemberId, string Kind, long? AreaId, long? ProposalId, long ValidFrom, long? ValidTo, long? Delegate)>(
            $"""
            SELECT d.id, d.member_id, d.scope_kind, d.area_id, d.proposal_id, d.valid_from, d.valid_to, dd.delegate_id
            FROM delegations d LEFT JOIN delegation_delegates dd ON dd.delegation_id = d.id
            WHERE {where}
            ORDER BY d.id, dd.rank
            """,
            parameters,
            transaction);
        return rows.GroupBy(r => r.Id).Select(g =>
        {
            var first = g.First();
            return new DelegationVersion(
                first.Id,
                first.MemberId,
                EngineLoader.ScopeOf(first.Kind, first.AreaId, first.ProposalId),
                g.Where(r => r.Delegate is not null).Select(r => r.Delegate!.Value).ToArray(),
                DateTimeOffset.FromUnixTimeMilliseconds(first.ValidFrom),
                first.ValidTo is { } to ? DateTimeOffset.FromUnixTimeMilliseconds(to) : null);
        }).ToList();
    }

    private static string KindOf(DelegationScope scope) => scope.Kind switch
    {
        ScopeKind.Global => "global",
        ScopeKind.Area => "area",
        _ => "proposal",
    };

    private static long? AreaOf(DelegationScope scope) => scope.Kind == ScopeKind.Area ? scope.Id : null;

    private static long? ProposalOf(DelegationScope scope) => scope.Kind == ScopeKind.Proposal ? scope.Id : null;
}
