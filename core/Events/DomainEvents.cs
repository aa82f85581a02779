using Governance.Core.Delegation;
using Governance.Core.Storage;

namespace Governance.Core.Events;

/// <summary>
/// What a committed command changed, as the rest of the system (subscriptions, the engine of
/// another instance) needs to hear it. Built from the command's event-log entry by
/// <see cref="EventTranslator"/>, on the instance that made the change and on the others alike.
/// </summary>
public abstract record DomainEvent(DateTimeOffset At);

public enum DelegationChangeKind
{
    Set,
    Blocked,
    Revoked,
}

/// <summary>
/// A delegation was set, blocked or revoked. <see cref="Concerned"/> holds the member and
/// every delegate named before or after, who may all follow it on myDelegationsChanged.
/// </summary>
public sealed record DelegationChanged(
    DelegationChangeKind Kind,
    long MemberId,
    DelegationScope Scope,
    DelegationVersion? Delegation,
    IReadOnlySet<long> Concerned,
    DateTimeOffset At) : DomainEvent(At)
{
    /// <summary>The change from <paramref name="before"/> to <paramref name="after"/> (null: none in force), and who it concerns.</summary>
    public static DelegationChanged Of(long memberId, DelegationScope scope, DelegationVersion? before, DelegationVersion? after, DateTimeOffset at)
    {
        var kind = after is null ? DelegationChangeKind.Revoked : after.IsBlock ? DelegationChangeKind.Blocked : DelegationChangeKind.Set;
        var concerned = new HashSet<long> { memberId };
        concerned.UnionWith(before?.Delegates ?? []);
        concerned.UnionWith(after?.Delegates ?? []);
        return new DelegationChanged(kind, memberId, scope, after, concerned, at);
    }
}

/// <summary>A proposal was opened; delegations and votes on it need the engine to know it.</summary>
public sealed record ProposalOpened(long ProposalId, long AreaId, DateTimeOffset At) : DomainEvent(At);

/// <summary>A proposal's support, status or text changed; <see cref="AgendaMayHaveMoved"/> when the agenda queue may have too.</summary>
public sealed record ProposalUpdated(long ProposalId, bool AgendaMayHaveMoved, DateTimeOffset At) : DomainEvent(At);

/// <summary>A member cast or changed a vote (the choice itself only the tally and the voter know).</summary>
public sealed record VoteCast(long ProposalId, long MemberId, DateTimeOffset At) : DomainEvent(At);

/// <summary>A member joined, or their voting right, roles or karma changed.</summary>
public sealed record MemberUpdated(long MemberId, DateTimeOffset At) : DomainEvent(At);

/// <summary>An area was added to the tree.</summary>
public sealed record AreaCreated(long AreaId, long? ParentId, DateTimeOffset At) : DomainEvent(At);

/// <summary>
/// Failed sign-ins on a member's account piled up (<see cref="Failures"/> within the back-off
/// window, from <see cref="Clients"/> clients): the member should hear of it.
/// </summary>
public sealed record SignInFailuresPiledUp(long MemberId, long Failures, long Clients, DateTimeOffset At) : DomainEvent(At);

/// <summary>An area (with its sub-areas) was put under another parent.</summary>
public sealed record AreaMoved(long AreaId, long ParentId, DateTimeOffset At) : DomainEvent(At);

/// <summary>An area was renamed, archived or restored.</summary>
public sealed record AreaChanged(long AreaId, DateTimeOffset At) : DomainEvent(At);

/// <summary>A policy version was recorded for the organisation (null) or an area.</summary>
public sealed record PolicyChanged(long? AreaId, DateTimeOffset At) : DomainEvent(At);

/// <summary>A whole organisation was imported at once: nothing to follow change by change.</summary>
public sealed record OrganisationSeeded(DateTimeOffset At) : DomainEvent(At);

public enum CommentChangeKind
{
    Posted,
    Edited,
    Deleted,
    Endorsed,
}

/// <summary>A comment on a proposal was posted, edited, deleted or endorsed: its watchers read the discussion again.</summary>
public sealed record CommentChanged(CommentChangeKind Kind, long ProposalId, long CommentId, DateTimeOffset At) : DomainEvent(At);
