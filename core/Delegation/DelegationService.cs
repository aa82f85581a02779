using Governance.Core.Domain;
using Governance.Core.Events;
using Governance.Core.Proposals;
using Governance.Core.Storage;

namespace Governance.Core.Delegation;

/// <summary>What a delegation command did: the version now in force (null after a revocation) and the change, null when nothing changed.</summary>
public sealed record DelegationOutcome(DelegationVersion? Delegation, DelegationChanged? Change);

/// <summary>
/// The delegation commands (DESIGN §2, docs/design.md): set 1–<see cref="MaxDelegates"/> ranked
/// delegates, block inheritance, revoke. Each is validated, written with its event in one
/// transaction under the engine host's write lock, applied to the live engine in commit order,
/// and published.
/// </summary>
public sealed class DelegationService(Database database, TimeProvider clock, EngineHost engine, IDomainEventPublisher? events = null)
{
    /// <summary>The most delegates one delegation names, in order of preference.</summary>
    public const int MaxDelegates = 3;

    private readonly DelegationStore store = new(database);
    private readonly IDomainEventPublisher events = events ?? IDomainEventPublisher.None;

    /// <summary>Delegates to 1–<see cref="MaxDelegates"/> members, in order of preference.</summary>
    public Task<DelegationOutcome> DelegateAsync(long memberId, DelegationScope scope, IReadOnlyList<long> delegates)
    {
        ArgumentNullException.ThrowIfNull(delegates);
        if (delegates.Count == 0)
        {
            throw new DomainException(DomainErrors.NoDelegates, $"Name 1 to {MaxDelegates} delegates in order of preference; to delegate to nobody, use blockDelegation.", "delegates");
        }

        return ChangeAsync(memberId, scope, delegates);
    }

    /// <summary>Delegates to nobody in the scope: wider scopes' delegations no longer reach it.</summary>
    public Task<DelegationOutcome> BlockAsync(long memberId, DelegationScope scope) => ChangeAsync(memberId, scope, []);

    /// <summary>
    /// Sets the member's delegation for a scope: 1–3 ranked delegates, or none to block
    /// inheritance from wider scopes. Setting what is already current changes nothing.
    /// </summary>
    public async Task<DelegationVersion> SetAsync(long memberId, DelegationScope scope, IReadOnlyList<long> delegates) =>
        (await ChangeAsync(memberId, scope, delegates)).Delegation!;

    /// <summary>Ends the member's delegation for a scope; false when there was none.</summary>
    public async Task<bool> RevokeAsync(long memberId, DelegationScope scope) => (await RevokeChangeAsync(memberId, scope)).Change is not null;

    /// <summary>Ends the member's delegation for a scope; the outcome's change is null when there was none.</summary>
    public Task<DelegationOutcome> RevokeChangeAsync(long memberId, DelegationScope scope) => engine.SerialiseWriteAsync(async () =>
    {
        var now = clock.GetUtcNow();
        await using var connection = await database.OpenAsync();
        using var transaction = connection.BeginWrite(); // synchronous under the lock: see ChangeAsync
        var current = DelegationStore.Current(connection, transaction, memberId, scope);
        if (current is null)
        {
            return new DelegationOutcome(null, null);
        }

        DelegationStore.Close(connection, transaction, current.Id, Millis.Of(now));
        var logged = EventLog.Append(connection, transaction, now, memberId, EventTypes.DelegationRevoked, new { MemberId = memberId, Scope = scope.ToString(), Revoked = current.Id });
        transaction.Commit();
        engine.Apply(e => e.RevokeDelegation(memberId, scope));
        return Publish(logged, current, null);
    });

    /// <summary>The member's current delegations, every scope.</summary>
    public Task<IReadOnlyList<DelegationVersion>> CurrentForMemberAsync(long memberId) => store.CurrentForMemberAsync(memberId);

    /// <summary>Every version the member ever had, newest first.</summary>
    public Task<IReadOnlyList<DelegationVersion>> HistoryForMemberAsync(long memberId) => store.HistoryForMemberAsync(memberId);

    private Task<DelegationOutcome> ChangeAsync(long memberId, DelegationScope scope, IReadOnlyList<long> delegates)
    {
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

        return engine.SerialiseWriteAsync(async () =>
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

            // The delegation before the change, read once, inside the lock: the change and who it concerns both start from it.
            var current = DelegationStore.Current(connection, transaction, memberId, scope);
            if (current is not null && current.Delegates.SequenceEqual(delegates))
            {
                return new DelegationOutcome(current, null);
            }

            var at = Millis.Of(now);
            if (current is not null)
            {
                DelegationStore.Close(connection, transaction, current.Id, at);
            }

            var id = DelegationStore.Insert(connection, transaction, memberId, scope, delegates, at);
            var logged = EventLog.Append(connection, transaction, now, memberId, delegates.Count == 0 ? EventTypes.DelegationBlocked : EventTypes.DelegationSet, new
            {
                MemberId = memberId,
                Scope = scope.ToString(),
                Delegates = delegates,
                Replaces = current?.Id,
            });
            transaction.Commit();
            engine.Apply(e => e.SetDelegation(memberId, scope, delegates.ToArray()));
            return Publish(logged, current, new DelegationVersion(id, memberId, scope, delegates.ToArray(), now, null));
        });
    }

    private DelegationOutcome Publish(LoggedEvent logged, DelegationVersion? before, DelegationVersion? after)
    {
        var change = (DelegationChanged)EventTranslator.Translate(logged, new[] { before, after }.OfType<DelegationVersion>()).Single();
        events.Publish(change);
        return new DelegationOutcome(after, change);
    }

    private static void Validate(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, long memberId, DelegationScope scope, IReadOnlyList<long> delegates)
    {
        if (MemberStore.Find(connection, transaction, memberId) is null)
        {
            throw new DomainException(DomainErrors.UnknownMember, $"There is no member {memberId}.", "memberId");
        }

        if (delegates.Count > 0)
        {
            var known = DelegationStore.KnownMembers(connection, transaction, delegates);
            var unknown = delegates.FirstOrDefault(d => !known.Contains(d), -1);
            if (unknown != -1)
            {
                throw new DomainException(DomainErrors.UnknownDelegate, $"There is no member {unknown} to delegate to.", "delegates");
            }
        }

        switch (scope.Kind)
        {
            case ScopeKind.Area when !AreaStore.Exists(connection, transaction, scope.Id):
                throw new DomainException(DomainErrors.UnknownArea, $"There is no area {scope.Id}.", "scope");
            case ScopeKind.Proposal:
                var status = ProposalStore.Find(connection, transaction, scope.Id)?.Status
                    ?? throw new DomainException(DomainErrors.UnknownProposal, $"There is no proposal {scope.Id}.", "scope");
                if (ProposalStatus.IsClosed(status))
                {
                    throw new DomainException(DomainErrors.ProposalClosed, $"Proposal {scope.Id} is {status.Replace('_', ' ')}; a delegation on it would carry nothing.", "scope");
                }

                break;
        }
    }
}
