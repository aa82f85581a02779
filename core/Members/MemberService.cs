using Governance.Core.Accounts;
using Governance.Core.Delegation;
using Governance.Core.Domain;
using Governance.Core.Events;
using Governance.Core.Storage;

namespace Governance.Core.Members;

/// <summary>
/// The commands on membership: joining, the voting right (granted or suspended by admins with a
/// public reason) and roles (member, moderator, admin). The live engine follows each change in
/// commit order, and subscribers hear of it.
/// </summary>
public sealed class MemberService(Database database, TimeProvider clock, EngineHost engine, AccountStore accounts, IDomainEventPublisher? events = null)
{
    public static readonly IReadOnlyList<string> Roles = ["member", "moderator", "admin"];

    private readonly IDomainEventPublisher events = events ?? IDomainEventPublisher.None;

    /// <summary>
    /// Registers a member with a password hash (the api checks the request's form); null when
    /// the handle or email was taken meanwhile. The new member joins the live engine at once,
    /// before anyone can delegate to them or they to anyone.
    /// </summary>
    public async Task<MemberIdentity?> RegisterAsync(string handle, string displayName, string email, string passwordHash)
    {
        var member = await accounts.RegisterAsync(handle, displayName, email, passwordHash);
        if (member is null)
        {
            return null;
        }

        engine.Apply(e =>
        {
            if (!e.Members.TryGetIndex(member.Id, out _))
            {
                e.AddMember(member.Id, member.VotingRight);
            }
        });
        events.Publish(new MemberUpdated(member.Id, clock.GetUtcNow()));
        return member;
    }

    /// <summary>Grants or suspends a member's voting right, recording why; the engine follows at once.</summary>
    public async Task SetVotingRightAsync(long actorId, long memberId, bool votingRight, string reason)
    {
        if (string.IsNullOrWhiteSpace(reason) || reason.Length > 500 || reason.Contains('\0', StringComparison.Ordinal))
        {
            throw new DomainException(DomainErrors.ReasonRequired, "Say why the voting right changes (1 to 500 characters); the reason is public.", "reason");
        }

        var logged = await engine.SerialiseWriteAsync(() =>
        {
            var now = clock.GetUtcNow();
            // Synchronous under the lock: see DelegationService.
            var (changed, logged) = Transactions.WriteLogged(database, (c, t) =>
            {
                var old = MemberStore.VotingRight(c, t, memberId)
                    ?? throw new DomainException(DomainErrors.UnknownMember, $"There is no member {memberId}.", "memberId");
                if ((old == 1) == votingRight)
                {
                    return false;
                }

                MemberStore.SetVotingRight(c, t, memberId, votingRight, old, actorId, reason, Millis.Of(now));
                EventLog.Append(c, t, now, actorId, votingRight ? EventTypes.MemberVotingRightGranted : EventTypes.MemberVotingRightSuspended, new { MemberId = memberId, Reason = reason });
                return true;
            });
            if (changed)
            {
                engine.Apply(e => e.SetVotingRight(memberId, votingRight));
            }

            return Task.FromResult(logged);
        });
        events.Publish(logged);
    }

    /// <summary>
    /// Replaces a member's roles. Refuses to leave the organisation without an admin, so that
    /// nobody can lock everyone out of administration by mistake.
    /// </summary>
    public Task SetRolesAsync(long actorId, long memberId, IReadOnlyCollection<string> roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        var unknown = roles.FirstOrDefault(r => !Roles.Contains(r));
        if (unknown is not null)
        {
            throw new DomainException(DomainErrors.UnknownRole, $"\"{unknown}\" is not a role; roles are member, moderator and admin.", "roles");
        }

        var wanted = roles.Distinct().Order(StringComparer.Ordinal).ToList();
        var now = clock.GetUtcNow();
        var (_, logged) = Transactions.WriteLogged(database, (c, t) =>
        {
            if (MemberStore.Find(c, t, memberId) is null)
            {
                throw new DomainException(DomainErrors.UnknownMember, $"There is no member {memberId}.", "member");
            }

            var current = MemberRoleStore.Roles(c, t, memberId);
            if (current.SequenceEqual(wanted))
            {
                return false;
            }

            if (current.Contains("admin") && !wanted.Contains("admin") && MemberRoleStore.CountOthersWith(c, t, "admin", memberId) == 0)
            {
                throw new DomainException(DomainErrors.LastAdmin, "This is the only admin; make someone else admin first.", "roles");
            }

            MemberRoleStore.Replace(c, t, memberId, wanted);
            EventLog.Append(c, t, now, actorId, EventTypes.MemberRolesChanged, new { MemberId = memberId, Roles = wanted, Before = current });
            return true;
        });
        events.Publish(logged);
        return Task.CompletedTask;
    }
}
