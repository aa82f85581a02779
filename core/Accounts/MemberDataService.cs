using System.Text.Json;
using Dapper;
using Governance.Core.Delegation;
using Governance.Core.Domain;
using Governance.Core.Events;
using Governance.Core.Proposals;
using Governance.Core.Storage;

namespace Governance.Core.Accounts;

/// <summary>
/// A member's data protection rights: a download of everything stored about them, and
/// erasure. Erasure (the password required) revokes their delegations and releases their
/// support through the same commands a member uses, then pseudonymises handle, name and email,
/// removes credentials, sessions and tokens, and appends <see cref="EventTypes.MemberErased"/>.
/// Their past public acts (proposals, votes, endorsements, moderation) stay, under the
/// pseudonym. The event log is append-only and hash-chained: no entry is rewritten, so
/// verify-log still passes (an entry written before the erasure keeps what it recorded then).
/// </summary>
public sealed class MemberDataService(Database database, TimeProvider clock, IPasswordHashing passwords, DelegationService delegations, SupportService support, IDomainEventPublisher? events = null)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private readonly IDomainEventPublisher events = events ?? IDomainEventPublisher.None;

    /// <summary>Every row that names the member, by table, and the log entries they made; as JSON.</summary>
    public string Export(long memberId) => Transactions.Read(database, c =>
    {
        object Rows(string sql) => c.Query(sql, new { memberId }).Select(r => (IDictionary<string, object?>)r).ToList();
        var export = new Dictionary<string, object>
        {
            ["exportedAt"] = clock.GetUtcNow(),
            ["member"] = Rows("SELECT id, handle, display_name, email, voting_right, voting_right_reason, member_number, karma, karma_at, joined_at, last_active_at, language FROM members WHERE id = @memberId"),
            ["roles"] = Rows("SELECT role FROM member_roles WHERE member_id = @memberId"),
            ["delegations"] = Rows("SELECT d.*, (SELECT string_agg(CAST(dd.delegate_id AS TEXT), ',') FROM delegation_delegates dd WHERE dd.delegation_id = d.id) AS delegates FROM delegations d WHERE d.member_id = @memberId ORDER BY d.id"),
            ["supports"] = Rows("SELECT * FROM supports WHERE member_id = @memberId"),
            ["votes"] = Rows("SELECT * FROM votes WHERE member_id = @memberId"),
            ["proposals"] = Rows("SELECT id, area_id, title, body, status, created_at FROM proposals WHERE author_id = @memberId ORDER BY id"),
            ["endorsementsGiven"] = Rows("SELECT * FROM endorsements WHERE endorser_id = @memberId"),
            ["endorsementsReceived"] = Rows("SELECT * FROM endorsements WHERE endorsed_id = @memberId"),
            ["votingRightChanges"] = Rows("SELECT * FROM voting_right_changes WHERE member_id = @memberId"),
            ["sessions"] = Rows("SELECT created_at, expires_at, revoked_at, user_agent FROM sessions WHERE member_id = @memberId"),
            ["accessTokens"] = Rows("SELECT id, name, scopes, created_at, expires_at, last_used_at, revoked_at FROM access_tokens WHERE member_id = @memberId"),
            ["events"] = Rows("SELECT seq, at, type, payload FROM event_log WHERE actor_id = @memberId ORDER BY seq"),
        };
        return JsonSerializer.Serialize(export, Indented);
    });

    /// <summary>Erases the member (see the class); returns the pseudonym their public acts now show.</summary>
    public async Task<string> EraseAsync(long memberId, string? password)
    {
        var stored = Transactions.Read(database, c => c.QuerySingleOrDefault<string>(
            "SELECT password_hash FROM member_credentials WHERE member_id = @memberId", new { memberId }));
        if (stored is null || string.IsNullOrEmpty(password) || !passwords.Verify(stored, password))
        {
            throw new DomainException("wrong_password", "The password is wrong: erasing an account needs it.", "password");
        }

        foreach (var delegation in await delegations.CurrentForMemberAsync(memberId))
        {
            await delegations.RevokeAsync(memberId, delegation.Scope);
        }

        var supported = Transactions.Read(database, c => c.Query<long>(
            "SELECT proposal_id FROM supports WHERE member_id = @memberId AND released_at IS NULL", new { memberId }).ToList());
        foreach (var proposal in supported)
        {
            try
            {
                support.Withdraw(memberId, proposal);
            }
            catch (DomainException)
            {
                // Support on a proposal past Open is part of its record, and stays.
            }
        }

        var pseudonym = $"erased-{memberId}";
        var (_, logged) = Transactions.WriteLogged(database, (c, t) =>
        {
            var now = clock.GetUtcNow();
            var at = now.ToUnixTimeMilliseconds();
            c.Execute(
                "UPDATE members SET handle = @pseudonym, handle_skeleton = @pseudonym, display_name = @name, email = NULL, member_number = NULL, language = NULL WHERE id = @memberId",
                new { memberId, pseudonym, name = $"Erased member {memberId}" }, t);
            c.Execute("UPDATE sessions SET revoked_at = @at WHERE member_id = @memberId AND revoked_at IS NULL", new { memberId, at }, t);
            c.Execute("UPDATE access_tokens SET revoked_at = @at WHERE member_id = @memberId AND revoked_at IS NULL", new { memberId, at }, t);
            c.Execute("UPDATE registry_entries SET member_id = NULL WHERE member_id = @memberId", new { memberId }, t);
            c.Execute("DELETE FROM member_credentials WHERE member_id = @memberId", new { memberId }, t);
            c.Execute("DELETE FROM sign_in_failures WHERE member_id = @memberId", new { memberId }, t);
            EventLog.Append(c, t, now, memberId, EventTypes.MemberErased, new { MemberId = memberId, Pseudonym = pseudonym });
            return 0;
        });
        events.Publish(logged);
        return pseudonym;
    }
}
