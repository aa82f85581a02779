using System.Data.Common;
using Dapper;

namespace Governance.Core.Storage;

/// <summary>The SQL of members' roles; the rules are <see cref="Members.MemberService"/>'s.</summary>
public static class MemberRoleStore
{
    public static List<string> Roles(DbConnection connection, DbTransaction? transaction, long memberId) =>
        connection.Query<string>("SELECT role FROM member_roles WHERE member_id = @memberId ORDER BY role", new { memberId }, transaction).AsList();

    /// <summary>How many members other than <paramref name="memberId"/> hold <paramref name="role"/>.</summary>
    public static long CountOthersWith(DbConnection connection, DbTransaction? transaction, string role, long memberId) =>
        connection.ExecuteScalar<long>("SELECT count(*) FROM member_roles WHERE role = @role AND member_id <> @memberId", new { role, memberId }, transaction);

    public static void Replace(DbConnection connection, DbTransaction transaction, long memberId, IEnumerable<string> roles)
    {
        connection.Execute("DELETE FROM member_roles WHERE member_id = @memberId", new { memberId }, transaction);
        connection.Execute("INSERT INTO member_roles (member_id, role) VALUES (@memberId, @role)", roles.Select(role => new { memberId, role }), transaction);
    }
}
