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

            // Everything under the write lock is synchronous, as in every other writer. On
            // PostgreSQL an await here gives the thread back while holding the lock, and the
            // continuation then needs a thread-pool thread, which other writers may all be
            // holding, blocked on this very lock. A synchronous holder needs no other thread
            // to finish and let the next writer in.
            using var transaction = connection.BeginWrite();
            Validate(connection, transaction, memberId, scope, delegates);

            var current = Current(connection, transaction, memberId, scope);
            if (current is not null && current.Delegates.SequenceEqual(delegates))
            {
                return current;
            }

            var at = now.ToUnixTimeMilliseconds();
            if (current is not null)
            {
                connection.Execute("UPDATE delegations SET valid_to = @at WHERE id = @Id", new { at, current.Id }, transaction);
            }

            var id = connection.ExecuteScalar<long>(
                "INSERT INTO delegations (member_id, scope_kind, area_id, proposal_id, valid_from) VALUES (@memberId, @kind, @area, @proposal, @at) RETURNING id",
                new { memberId, kind = KindOf(scope), area = AreaOf(scope), proposal = ProposalOf(scope), at },
                transaction);
            for (var rank = 0; rank < delegates.Count; rank++)
            {
                connection.Execute(
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
            transaction.Commit();
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
            using var transaction = connection.BeginWrite();
            var current = Current(connection, transaction, memberId, scope);
            if (current is null)
            {
                return false;
            }

            connection.Execute("UPDATE delegations SET valid_to = @at WHERE id = @Id", new { at = now.ToUnixTimeMilliseconds(), current.Id }, transaction);
            EventLog.Append(connection, transaction, now, memberId, "delegation.revoked", new { MemberId = memberId, Scope = scope.ToString(), Revoked = current.Id });
            transaction.Commit();
            engine.Apply(e => e.RevokeDelegation(memberId, scope));
            return true;
        });
    }

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
            using var transaction = connection.BeginWrite();
            var old = connection.ExecuteScalar<long?>("SELECT voting_right FROM members WHERE id = @memberId", new { memberId }, transaction)
                ?? throw new DomainException(DomainErrors.UnknownMember, $"There is no member {memberId}.", "memberId");
            if ((old == 1) == votingRight)
            {
                return;
            }

            var at = now.ToUnixTimeMilliseconds();
            connection.Execute("UPDATE members SET voting_right = @value, voting_right_reason = @reason WHERE id = @memberId", new { memberId, value = votingRight ? 1 : 0, reason }, transaction);
            connection.Execute(
                "INSERT INTO voting_right_changes (member_id, at, old_value, new_value, actor_id, reason) VALUES (@memberId, @at, @old, @value, @actorId, @reason)",
                new { memberId, at, old, value = votingRight ? 1 : 0, actorId, reason },
                transaction);
            EventLog.Append(connection, transaction, now, actorId, votingRight ? "member.voting-right-granted" : "member.voting-right-suspended", new { MemberId = memberId, Reason = reason });
            transaction.Commit();
            engine.Apply(e => e.SetVotingRight(memberId, votingRight));
        });
    }

    private static void Validate(DbConnection connection, DbTransaction transaction, long memberId, DelegationScope scope, IReadOnlyList<long> delegates)
    {
        if (connection.ExecuteScalar<long>("SELECT count(*) FROM members WHERE id = @memberId", new { memberId }, transaction) == 0)
        {
            throw new DomainException(DomainErrors.UnknownMember, $"There is no member {memberId}.", "memberId");
        }

        if (delegates.Count > 0)
        {
            var known = (connection.Query<long>($"SELECT id FROM members WHERE id {connection.InList("@delegates")}", new { delegates }, transaction)).ToHashSet();
            var unknown = delegates.FirstOrDefault(d => !known.Contains(d), -1);
            if (unknown != -1)
            {
                throw new DomainException(DomainErrors.UnknownDelegate, $"There is no member {unknown} to delegate to.", "delegates");
            }
        }

        switch (scope.Kind)
        {
            case ScopeKind.Area when connection.ExecuteScalar<long>("SELECT count(*) FROM areas WHERE id = @Id", new { scope.Id }, transaction) == 0:
                throw new DomainException(DomainErrors.UnknownArea, $"There is no area {scope.Id}.", "scope");
            case ScopeKind.Proposal:
                var status = connection.ExecuteScalar<string?>("SELECT status FROM proposals WHERE id = @Id", new { scope.Id }, transaction)
                    ?? throw new DomainException(DomainErrors.UnknownProposal, $"There is no proposal {scope.Id}.", "scope");
                if (ClosedStatuses.Contains(status))
                {
                    throw new DomainException(DomainErrors.ProposalClosed, $"Proposal {scope.Id} is {status.Replace('_', ' ')}; a delegation on it would carry nothing.", "scope");
                }

                break;
        }
    }

    private static DelegationVersion? Current(DbConnection connection, DbTransaction transaction, long memberId, DelegationScope scope)
    {
        var versions = QueryVersions(
            connection,
            transaction,
            "d.member_id = @memberId AND d.valid_to IS NULL AND d.scope_kind = @kind AND d.area_id IS NOT DISTINCT FROM @area AND d.proposal_id IS NOT DISTINCT FROM @proposal",
            new { memberId, kind = KindOf(scope), area = AreaOf(scope), proposal = ProposalOf(scope) });
        return versions.SingleOrDefault();
    }

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
