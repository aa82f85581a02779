using Governance.Core.Delegation;
using Governance.Core.Storage;

namespace Governance.Api.Schema;

public enum DelegationChangeKind
{
    Set,
    Blocked,
    Revoked,
}

/// <summary>
/// Published after a delegation change committed. <see cref="Concerned"/> holds the member and
/// every delegate named before or after, who may all follow it on myDelegationsChanged.
/// </summary>
public sealed record DelegationChanged(
    DelegationChangeKind Kind,
    long MemberId,
    DelegationScope Scope,
    DelegationVersion? Delegation,
    IReadOnlySet<long> Concerned,
    DateTimeOffset At);
