using System.Data.Common;
using Dapper;
using Governance.Core.Delegation;
using Governance.Core.Domain;

namespace Governance.Core.Storage;

/// <summary>One version of a delegation: ranked delegates (none = an explicit block) and when it held.</summary>
public sealed record DelegationVersion(long Id, long MemberId, DelegationScope Scope, IReadOnlyList<long> Delegates, DateTimeOffset ValidFrom, DateTimeOffset? ValidTo)
{
    public bool IsBlock => Delegates.Count == 0;
}

/// <summary>
/// Delegations with their whole history (DESIGN §2): a change closes the current version and
/// opens a new one at the same instant; a revocation only closes. Each change is validated,
/// written with its event in one transaction, and then applied to the live engine, through the
/// engine host's write serialiser so the engine sees changes in commit order.
/// </summary>
public sealed class DelegationStore(Database database, TimeProvider clock, EngineHost engine)
{
    public const int MaxDelegates = 3;

    private static readonly string[] ClosedStatuses = ["accepted", "rejected", "withdrawn", "expired", "declined", "merged"];

    /// <summary>
    /// Sets the member's delegation for a scope: 1–3 ranked delegates, or none to block
    /// inheritance from wider scopes. Setting what is already current changes nothing.
    /// </summary>
    public async Task<DelegationVersion> SetAsync(long memberId, DelegationScope scope, IReadOnlyList<long> delegates)
    {
        ArgumentNullException.ThrowIfNull(delegates);
        if (delegates.Count > MaxDelegates)
        {
            throw new DomainException(DomainErrors.TooManyDelegates, $"A delegation names at most {MaxDelegates} delegates, in order of preference; {delegates.Count} were given.", "delegates");
        }

        if (delegates.Contains(memberId))
        {
            throw new DomainException(DomainErrors.SelfDelegation, "You cannot delegate to yourself: vote directly instead.", "delegates");
        }

        var duplicate = delegates.GroupBy(d => d).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new DomainException(DomainErrors.DuplicateDelegate, $"Member {duplicate.Key} is named twice; name each delegate once.", "delegates");
        }

        return await engine.SerialiseWriteAsync(async () =>
        {
            var now = clock.GetUtcNow();
            await using var connection = await database.OpenAsync();
            await using var transaction = connection.BeginWrite();
            await ValidateAsync(connection, transaction, memberId, scope, delegates);

            var current = await CurrentAsync(connection, transaction, memberId, scope);
            if (current is not null && current.Delegates.SequenceEqual(delegates))
            {
                return current;
            }

            var at = now.ToUnixTimeMilliseconds();
            if (current is not null)
            {
                await connection.ExecuteAsync("UPDATE delegations SET valid_to = @at WHERE id = @Id", new { at, current.Id }, transaction);
            }

            var id = await connection.ExecuteScalarAsync<long>(
                "INSERT INTO delegations (member_id, scope_kind, area_id, proposal_id, valid_from) VALUES (@memberId, @kind, @area, @proposal, @at) RETURNING id",
                new { memberId, kind = KindOf(scope), area = AreaOf(scope), proposal = ProposalOf(scope), at },
                transaction);
            for (var rank = 0; rank < delegates.Count; rank++)
            {
                await connection.ExecuteAsync(
                    "INSERT INTO delegation_delegates (delegation_id, rank, delegate_id) VALUES (@id, @rank, @delegate)",
                    new { id, rank = rank + 1, @delegate = delegates[rank] },
                    transaction);
            }

            EventLog.Append(connection, transaction, now, memberId, delegates.Count == 0 ? "delegation.blocked" : "delegation.set", new
            {
                MemberId = memberId,
                Scope = scope.ToString(),
                Delegates = delegates,
                Replaces = current?.Id,
            });
            await transaction.CommitAsync();
            engine.Apply(e => e.SetDelegation(memberId, scope, delegates.ToArray()));
            return new DelegationVersion(id, memberId, scope, delegates.ToArray(), now, null);
        });
    }

    /// <summary>Ends the member's delegation for a scope; false when there was none.</summary>
    public async Task<bool> RevokeAsync(long memberId, DelegationScope scope)
    {
        return await engine.SerialiseWriteAsync(async () =>
        {
            var now = clock.GetUtcNow();
            await using var connection = await database.OpenAsync();
            await using var transaction = connection.BeginWrite();
            var current = await CurrentAsync(connection, transaction, memberId, scope);
            if (current is null)
            {
                return false;
            }

            await connection.ExecuteAsync("UPDATE delegations SET valid_to = @at WHERE id = @Id", new { at = now.ToUnixTimeMilliseconds(), current.Id }, transaction);
            EventLog.Append(connection, transaction, now, memberId, "delegation.revoked", new { MemberId = memberId, Scope = scope.ToString(), Revoked = current.Id });
            await transaction.CommitAsync();
            engine.Apply(e => e.RevokeDelegation(memberId, scope));
            return true;
        });
    }

    /// <summary>The member's current delegations, every scope.</summary>
    public async Task<IReadOnlyList<DelegationVersion>> CurrentForMemberAsync(long memberId)
    {
        await using var connection = await database.OpenAsync();
        return await QueryVersionsAsync(connection, null, "d.member_id = @memberId AND d.valid_to IS NULL", new { memberId });
    }

    /// <summary>Every version the member ever had, newest first.</summary>
    public async Task<IReadOnlyList<DelegationVersion>> HistoryForMemberAsync(long memberId)
    {
        await using var connection = await database.OpenAsync();
        var versions = await QueryVersionsAsync(connection, null, "d.member_id = @memberId", new { memberId });
        return versions.OrderByDescending(v => v.ValidFrom).ThenByDescending(v => v.Id).ToList();
    }

    /// <summary>Grants or suspends a member's voting right, recording why; the engine follows at once.</summary>
    public async Task SetVotingRightAsync(long actorId, long memberId, bool votingRight, string reason)
    {
        if (string.IsNullOrWhiteSpace(reason) || reason.Length > 500 || reason.Contains('\0', StringComparison.Ordinal))
        {
            throw new DomainException(DomainErrors.ReasonRequired, "Say why the voting right changes (1 to 500 characters); the reason is public.", "reason");
        }

        await engine.SerialiseWriteAsync(async () =>
        {
            var now = clock.GetUtcNow();
            await using var connection = await database.OpenAsync();
            await using var transaction = connection.BeginWrite();
            var old = await connection.ExecuteScalarAsync<long?>("SELECT voting_right FROM members WHERE id = @memberId", new { memberId }, transaction)
                ?? throw new DomainException(DomainErrors.UnknownMember, $"There is no member {memberId}.", "memberId");
            if ((old == 1) == votingRight)
            {
                return;
            }

            var at = now.ToUnixTimeMilliseconds();
            await connection.ExecuteAsync("UPDATE members SET voting_right = @value WHERE id = @memberId", new { memberId, value = votingRight ? 1 : 0 }, transaction);
            await connection.ExecuteAsync(
                "INSERT INTO voting_right_changes (member_id, at, old_value, new_value, actor_id, reason) VALUES (@memberId, @at, @old, @value, @actorId, @reason)",
                new { memberId, at, old, value = votingRight ? 1 : 0, actorId, reason },
                transaction);
            EventLog.Append(connection, transaction, now, actorId, votingRight ? "member.voting-right-granted" : "member.voting-right-suspended", new { MemberId = memberId, Reason = reason });
            await transaction.CommitAsync();
            engine.Apply(e => e.SetVotingRight(memberId, votingRight));
        });
    }

    private static async Task ValidateAsync(DbConnection connection, DbTransaction transaction, long memberId, DelegationScope scope, IReadOnlyList<long> delegates)
    {
        if (await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM members WHERE id = @memberId", new { memberId }, transaction) == 0)
        {
            throw new DomainException(DomainErrors.UnknownMember, $"There is no member {memberId}.", "memberId");
        }

        if (delegates.Count > 0)
        {
            var known = (await connection.QueryAsync<long>($"SELECT id FROM members WHERE id {connection.InList("@delegates")}", new { delegates }, transaction)).ToHashSet();
            var unknown = delegates.FirstOrDefault(d => !known.Contains(d), -1);
            if (unknown != -1)
            {
                throw new DomainException(DomainErrors.UnknownDelegate, $"There is no member {unknown} to delegate to.", "delegates");
            }
        }

        switch (scope.Kind)
        {
            case ScopeKind.Area when await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM areas WHERE id = @Id", new { scope.Id }, transaction) == 0:
                throw new DomainException(DomainErrors.UnknownArea, $"There is no area {scope.Id}.", "scope");
            case ScopeKind.Proposal:
                var status = await connection.ExecuteScalarAsync<string?>("SELECT status FROM proposals WHERE id = @Id", new { scope.Id }, transaction)
                    ?? throw new DomainException(DomainErrors.UnknownProposal, $"There is no proposal {scope.Id}.", "scope");
                if (ClosedStatuses.Contains(status))
                {
                    throw new DomainException(DomainErrors.ProposalClosed, $"Proposal {scope.Id} is {status.Replace('_', ' ')}; a delegation on it would carry nothing.", "scope");
                }

                break;
        }
    }

    private static async Task<DelegationVersion?> CurrentAsync(DbConnection connection, DbTransaction transaction, long memberId, DelegationScope scope)
    {
        var versions = await QueryVersionsAsync(
            connection,
            transaction,
            "d.member_id = @memberId AND d.valid_to IS NULL AND d.scope_kind = @kind AND d.area_id IS NOT DISTINCT FROM @area AND d.proposal_id IS NOT DISTINCT FROM @proposal",
            new { memberId, kind = KindOf(scope), area = AreaOf(scope), proposal = ProposalOf(scope) });
        return versions.SingleOrDefault();
    }

    private static async Task<List<DelegationVersion>> QueryVersionsAsync(DbConnection connection, DbTransaction? transaction, string where, object parameters)
    {
        var rows = await connection.QueryAsync<(long Id, long MemberId, string Kind, long? AreaId, long? ProposalId, long ValidFrom, long? ValidTo, long? Delegate)>(
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
