using Dapper;
using Governance.Core.Domain;

namespace Governance.Core.Storage;

/// <summary>Members' roles (member, moderator, admin), changed by admins in public.</summary>
public sealed class MemberRoleStore(Database database, TimeProvider clock)
{
    public static readonly IReadOnlyList<string> Roles = ["member", "moderator", "admin"];

    /// <summary>
    /// Replaces a member's roles. Refuses to leave the organisation without an admin, so that
    /// nobody can lock everyone out of administration by mistake.
    /// </summary>
    public async Task SetRolesAsync(long actorId, long memberId, IReadOnlyCollection<string> roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        var unknown = roles.FirstOrDefault(r => !Roles.Contains(r));
        if (unknown is not null)
        {
            throw new DomainException("unknown_role", $"\"{unknown}\" is not a role; roles are member, moderator and admin.", "roles");
        }

        var wanted = roles.Distinct().Order(StringComparer.Ordinal).ToList();
        var now = clock.GetUtcNow();
        await using var connection = await database.OpenAsync();
        await using var transaction = connection.BeginWrite();
        if (await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM members WHERE id = @memberId", new { memberId }, transaction) == 0)
        {
            throw new DomainException("unknown_member", "There is no such member.", "member");
        }

        var current = (await connection.QueryAsync<string>("SELECT role FROM member_roles WHERE member_id = @memberId ORDER BY role", new { memberId }, transaction)).ToList();
        if (current.SequenceEqual(wanted))
        {
            return;
        }

        if (current.Contains("admin") && !wanted.Contains("admin")
            && await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM member_roles WHERE role = 'admin' AND member_id <> @memberId", new { memberId }, transaction) == 0)
        {
            throw new DomainException("last_admin", "This is the only admin; make someone else admin first.", "roles");
        }

        await connection.ExecuteAsync("DELETE FROM member_roles WHERE member_id = @memberId", new { memberId }, transaction);
        await connection.ExecuteAsync("INSERT INTO member_roles (member_id, role) VALUES (@memberId, @role)", wanted.Select(role => new { memberId, role }), transaction);
        EventLog.Append(connection, transaction, now, actorId, "member.roles-changed", new { MemberId = memberId, Roles = wanted, Before = current });
        await transaction.CommitAsync();
    }
}
