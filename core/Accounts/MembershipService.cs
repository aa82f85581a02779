using System.Data.Common;
using System.Security.Cryptography;
using Dapper;
using Governance.Core.Delegation;
using Governance.Core.Domain;
using Governance.Core.Events;
using Governance.Core.Policies;
using Governance.Core.Storage;

namespace Governance.Core.Accounts;

/// <summary>
/// Who may vote (the "registration" policy): registering under it, invitation codes and the
/// membership register. Every write validates, commits inside the engine's write lock with its
/// events, then applies the voting rights it changed to the live delegation engine. Every grant
/// and suspension is in the event log with its reason, and the member reads the reason.
/// </summary>
public sealed class MembershipService(Database database, TimeProvider clock, EngineHost engine, IDomainEventPublisher? events = null)
{
    private readonly IDomainEventPublisher events = events ?? IDomainEventPublisher.None;

    public const int MaxInvitationDays = 90;

    public const int DefaultInvitationDays = 14;

    /// <summary>
    /// Creates a member with a password. Under <c>open</c> they vote at once; an invitation
    /// code (required under <c>invite</c>) carries its admin's approval; a member number whose
    /// register entry has the same email matches them, and the register decides. Otherwise
    /// (<c>registry</c>, no match) they have no voting right until matched or approved.
    /// </summary>
    public async Task<MemberIdentity> RegisterAsync(string handle, string displayName, string email, string passwordHash, RegistrationClaims claims)
    {
        ArgumentNullException.ThrowIfNull(claims);
        var code = NormaliseCode(claims.InvitationCode);
        var number = string.IsNullOrWhiteSpace(claims.MemberNumber) ? null : claims.MemberNumber.Trim();
        if (NameRules.ForbiddenInHandle(handle) is { } badInHandle)
        {
            throw new DomainException("forbidden_character", $"A handle may not contain {badInHandle}: only a–z, 0–9, '.', '_' and '-'.", "handle");
        }

        if (NameRules.ForbiddenInDisplayName(displayName) is { } badInName)
        {
            throw new DomainException("forbidden_character", $"The display name contains {badInName}, which can disguise a name; remove it.", "displayName");
        }

        var skeleton = NameRules.Skeleton(handle);
        return await engine.SerialiseWriteAsync(async () =>
        {
            var now = clock.GetUtcNow();
            var at = now.ToUnixTimeMilliseconds();
            await using var connection = await database.OpenAsync();
            await using var transaction = connection.BeginWrite();
            var policy = PolicyService.Resolve(connection, transaction, null, at);
            if (connection.ExecuteScalar<long>("SELECT count(*) FROM members WHERE handle = @handle", new { handle }, transaction) > 0)
            {
                throw new DomainException("handle_taken", $"The handle '{handle}' is taken.", "handle");
            }

            if (connection.ExecuteScalar<string?>("SELECT handle FROM members WHERE handle_skeleton = @skeleton ORDER BY id LIMIT 1", new { skeleton }, transaction) is { } lookalike)
            {
                throw new DomainException("handle_confusable",
                    $"The handle '{handle}' looks like the existing handle '{lookalike}': they differ only by confusable characters (0/o, 1/l, rn/m, vv/w, cl/d) or punctuation. Choose another.", "handle");
            }

            if (connection.ExecuteScalar<long>("SELECT count(*) FROM members WHERE email = @email", new { email }, transaction) > 0)
            {
                throw new DomainException("email_taken", "That email address is already registered.", "email");
            }

            // The first member of an empty organisation founds it: nobody could invite them, and
            // someone must administer. Any later member registers under the policy.
            var founder = connection.ExecuteScalar<long>("SELECT count(*) FROM members", transaction: transaction) == 0;
            InvitationRow? invitation = null;
            if (code is not null)
            {
                invitation = connection.QuerySingleOrDefault<InvitationRow>(
                    "SELECT id AS Id, note AS Note, created_by AS CreatedBy, expires_at AS ExpiresAt, used_by AS UsedBy, revoked_at AS RevokedAt FROM invitations WHERE code_hash = @hash",
                    new { hash = AccountStore.Hash(code) }, transaction);
                if (invitation is null || invitation.UsedBy is not null || invitation.RevokedAt is not null)
                {
                    throw new DomainException("invalid_invitation", "This invitation code is unknown, used or revoked; ask an admin for a new one.", "invitationCode");
                }

                if (invitation.ExpiresAt <= at)
                {
                    throw new DomainException("invitation_expired", $"This invitation code expired on {DateTimeOffset.FromUnixTimeMilliseconds(invitation.ExpiresAt):u}; ask an admin for a new one.", "invitationCode");
                }
            }
            else if (policy.Registration == Registration.Invite && !founder)
            {
                throw new DomainException("invitation_required", "This organisation registers members by invitation: enter the code an admin gave you.", "invitationCode");
            }

            RegistryEntryRow? entry = null;
            if (number is not null)
            {
                entry = connection.QuerySingleOrDefault<RegistryEntryRow>(
                    "SELECT member_number AS MemberNumber, email AS Email, in_good_standing AS InGoodStanding, member_id AS MemberId FROM registry_entries WHERE member_number = @number",
                    new { number }, transaction);
                if (connection.ExecuteScalar<long>("SELECT count(*) FROM members WHERE member_number = @number", new { number }, transaction) > 0 || entry?.MemberId is not null)
                {
                    throw new DomainException("member_number_taken", $"Member number {number} belongs to another account; ask an admin if it is yours.", "memberNumber");
                }

                if (entry is not null && !string.Equals(entry.Email, email, StringComparison.OrdinalIgnoreCase))
                {
                    entry = null; // a number with another email stays a claim, for an admin to check
                }
            }

            var (votingRight, reason) = (policy.Registration, invitation, entry) switch
            {
                _ when founder => (true, "The organisation's first member, and its founding admin."),
                // Public, as every voting-right reason is: the admin's note (which may name a person) stays out.
                (_, { } i, _) => (true, $"Invited by an admin (invitation {i.Id})."),
                (_, _, { } e) => (e.InGoodStanding,
                    e.InGoodStanding ? "Matched with the membership register, which lists you in good standing."
                                     : "Matched with the membership register, which lists your membership as suspended."),
                (Registration.Open, _, _) => (true, "Registration is open: everyone who registers votes."),
                _ => (false, "Not yet matched with the membership register: give your member number, or ask an admin to approve you."),
            };

            long id;
            try
            {
                id = connection.ExecuteScalar<long>(
                    """
                    INSERT INTO members (handle, handle_skeleton, display_name, email, voting_right, voting_right_reason, member_number, karma, karma_at, joined_at, last_active_at)
                    VALUES (@handle, @skeleton, @displayName, @email, @votingRight, @reason, @number, 0, @at, @at, @at)
                    RETURNING id
                    """,
                    new { handle, skeleton, displayName, email, votingRight = votingRight ? 1 : 0, reason, number, at },
                    transaction);
            }
            catch (DbException ex) when (Database.IsConstraintViolation(ex))
            {
                throw new DomainException("handle_taken", $"The handle '{handle}' or the email address was taken a moment ago.", "handle");
            }

            IReadOnlyList<string> roles = founder ? ["admin", "member"] : ["member"];
            connection.Execute("INSERT INTO member_roles (member_id, role) VALUES (@id, @role)", roles.Select(role => new { id, role }), transaction);
            connection.Execute(
                "INSERT INTO member_credentials (member_id, password_hash, password_changed_at) VALUES (@id, @passwordHash, @at)",
                new { id, passwordHash, at }, transaction);
            if (invitation is not null)
            {
                // Parameter names differ by more than case: Npgsql matches them case-insensitively.
                connection.Execute("UPDATE invitations SET used_by = @memberId, used_at = @at WHERE id = @invitationId", new { memberId = id, at, invitationId = invitation.Id }, transaction);
            }

            if (entry is not null)
            {
                connection.Execute("UPDATE registry_entries SET member_id = @id WHERE member_number = @MemberNumber", new { id, entry.MemberNumber }, transaction);
            }

            EventLog.Append(connection, transaction, now, id, EventTypes.MemberRegistered, new
            {
                MemberId = id,
                Handle = handle,
                VotingRight = votingRight,
                Reason = reason,
                Invitation = invitation?.Id,
                Registry = entry is not null,
                Founder = founder,
            });
            await transaction.CommitAsync();
            engine.Apply(e =>
            {
                if (!e.Members.TryGetIndex(id, out _))
                {
                    e.AddMember(id, votingRight);
                }
            });
            events.Publish(new MemberUpdated(id, now));
            return new MemberIdentity(id, handle, displayName, votingRight, roles);
        });
    }

    /// <summary>Issues an invitation code (admins); the clear code is returned once and only its hash kept.</summary>
    public (string Code, InvitationInfo Invitation) CreateInvitation(long actorId, string? note, int? expiresInDays)
    {
        note = (note ?? string.Empty).Trim();
        if (note.Length > 500 || note.Any(char.IsControl))
        {
            throw new DomainException(DomainErrors.InvalidInput, "A note is at most 500 characters, without control characters.", "note");
        }

        var days = expiresInDays ?? DefaultInvitationDays;
        if (days is < 1 or > MaxInvitationDays)
        {
            throw new DomainException(DomainErrors.InvalidInput, $"An invitation expires in 1 to {MaxInvitationDays} days.", "expiresInDays");
        }

        var code = NewCode();
        return Transactions.Write(database, (c, t) =>
        {
            RequireAdmin(c, t, actorId);
            var now = clock.GetUtcNow();
            var expires = now.AddDays(days);
            var id = c.ExecuteScalar<long>(
                "INSERT INTO invitations (code_hash, note, created_by, created_at, expires_at) VALUES (@hash, @note, @actorId, @at, @expires) RETURNING id",
                new { hash = AccountStore.Hash(code), note, actorId, at = now.ToUnixTimeMilliseconds(), expires = expires.ToUnixTimeMilliseconds() }, t);
            // The note may name a person: the event keeps only the id and the expiry.
            EventLog.Append(c, t, now, actorId, EventTypes.InvitationCreated, new { Invitation = id, ExpiresAt = expires.ToUnixTimeMilliseconds() });
            return (code, new InvitationInfo(id, note, actorId, now, expires, null, null, null));
        });
    }

    /// <summary>Revokes an unused invitation (admins).</summary>
    public InvitationInfo RevokeInvitation(long actorId, long invitationId) => Transactions.Write(database, (c, t) =>
    {
        RequireAdmin(c, t, actorId);
        var now = clock.GetUtcNow();
        var found = Find(c, t, invitationId) ?? throw new DomainException(DomainErrors.NotFound, $"There is no invitation {invitationId}.", "invitation");
        if (found.UsedBy is not null)
        {
            throw new DomainException("invitation_used", "This invitation was used already; suspend the member's voting right instead.", "invitation");
        }

        if (found.RevokedAt is not null)
        {
            return found;
        }

        c.Execute("UPDATE invitations SET revoked_at = @at WHERE id = @invitationId", new { invitationId, at = now.ToUnixTimeMilliseconds() }, t);
        EventLog.Append(c, t, now, actorId, EventTypes.InvitationRevoked, new { Invitation = invitationId });
        return found with { RevokedAt = now };
    });

    /// <summary>Every invitation, newest first (admins read them through the API's guard).</summary>
    public IReadOnlyList<InvitationInfo> Invitations() => Transactions.Read(database, c =>
        c.Query<InvitationRow>(InvitationSelect + " ORDER BY id DESC").Select(r => r.ToInfo()).ToList());

    /// <summary>Why the member has, or lacks, their voting right, in words they can read.</summary>
    public string? VotingRightReason(long memberId) => Transactions.Read(database, c =>
        c.QuerySingleOrDefault<(long VotingRight, string? Reason)?>("SELECT voting_right, voting_right_reason FROM members WHERE id = @memberId", new { memberId }) is { } row
            ? row.Reason ?? (row.VotingRight == 1 ? "A member of the organisation." : "Your voting right is suspended; ask an admin why.")
            : null);

    /// <summary>
    /// Imports the membership register: an upsert keyed by member number (lines not in the
    /// file are kept as they are), then every matched member's voting right follows their
    /// entry's status. A dry run computes the same report inside the same transaction and
    /// rolls it back. One transaction: a refused file (the first malformed line named) or a
    /// failure changes nothing.
    /// </summary>
    public async Task<RegistryImportReport> ImportRegistryAsync(long actorId, string csv, bool dryRun)
    {
        var rows = RegistryCsv.Parse(csv);
        var changed = new List<VotingRightChange>();
        var report = await engine.SerialiseWriteAsync(async () =>
        {
            var now = clock.GetUtcNow();
            var at = now.ToUnixTimeMilliseconds();
            await using var connection = await database.OpenAsync();
            await using var transaction = connection.BeginWrite();
            RequireAdmin(connection, transaction, actorId);
            var stored = connection.Query<RegistryEntryRow>(
                "SELECT member_number AS MemberNumber, email AS Email, name AS Name, in_good_standing AS InGoodStanding, member_id AS MemberId FROM registry_entries",
                transaction: transaction).ToDictionary(e => e.MemberNumber, StringComparer.Ordinal);
            var changes = new List<RegistryEntryChange>();
            var granted = new List<VotingRightChange>();
            var suspended = new List<VotingRightChange>();
            var unchanged = 0;
            foreach (var row in rows)
            {
                stored.TryGetValue(row.MemberNumber, out var before);
                var fields = new List<string>();
                if (before is null)
                {
                    changes.Add(new RegistryEntryChange(row.MemberNumber, row.Line, true, ["member_number", "email", "name", "status"]));
                }
                else
                {
                    if (!string.Equals(before.Email, row.Email, StringComparison.Ordinal))
                    {
                        fields.Add("email");
                    }

                    if (before.Name != row.Name)
                    {
                        fields.Add("name");
                    }

                    if (before.InGoodStanding != row.InGoodStanding)
                    {
                        fields.Add("status");
                    }

                    if (fields.Count > 0)
                    {
                        changes.Add(new RegistryEntryChange(row.MemberNumber, row.Line, false, fields));
                    }
                    else
                    {
                        unchanged++;
                    }
                }

                if (before is null || fields.Count > 0)
                {
                    connection.Execute(
                        """
                        INSERT INTO registry_entries (member_number, email, name, in_good_standing, member_id, updated_at)
                        VALUES (@MemberNumber, @Email, @Name, @standing, NULL, @at)
                        ON CONFLICT (member_number) DO UPDATE SET email = excluded.email, name = excluded.name,
                            in_good_standing = excluded.in_good_standing, updated_at = excluded.updated_at
                        """,
                        new { row.MemberNumber, row.Email, row.Name, standing = row.InGoodStanding ? 1 : 0, at }, transaction);
                }

                // Matched: the entry's member, or a member who gave this number with this email.
                var memberId = before?.MemberId ?? connection.ExecuteScalar<long?>(
                    "SELECT id FROM members WHERE member_number = @MemberNumber AND lower(email) = lower(@Email)", new { row.MemberNumber, row.Email }, transaction);
                if (memberId is not { } member)
                {
                    continue;
                }

                if (before?.MemberId is null)
                {
                    connection.Execute("UPDATE registry_entries SET member_id = @member WHERE member_number = @MemberNumber", new { member, row.MemberNumber }, transaction);
                }

                var current = connection.ExecuteScalar<long>("SELECT voting_right FROM members WHERE id = @member", new { member }, transaction) == 1;
                if (current == row.InGoodStanding)
                {
                    continue;
                }

                // Public, as every voting-right reason is: the member number stays out of it.
                var reason = row.InGoodStanding
                    ? "The membership register lists this member in good standing."
                    : "The membership register lists this membership as suspended.";
                var change = new VotingRightChange(member, row.MemberNumber, row.InGoodStanding, reason);
                (row.InGoodStanding ? granted : suspended).Add(change);
                SetVotingRight(connection, transaction, now, actorId, member, row.InGoodStanding, reason);
            }

            var result = new RegistryImportReport(dryRun, rows.Count, changes.Count(c => c.Added), changes.Count(c => !c.Added), unchanged, changes, granted, suspended);
            if (dryRun)
            {
                await transaction.RollbackAsync();
                return result;
            }

            if (changes.Count > 0 || granted.Count > 0 || suspended.Count > 0)
            {
                EventLog.Append(connection, transaction, now, actorId, EventTypes.RegistryImported, new
                {
                    Lines = rows.Count,
                    result.Added,
                    result.Updated,
                    result.Unchanged,
                    Granted = granted.Select(g => g.MemberId).ToArray(),
                    Suspended = suspended.Select(s => s.MemberId).ToArray(),
                });
            }

            await transaction.CommitAsync();
            changed.AddRange(granted);
            changed.AddRange(suspended);
            engine.Apply(e =>
            {
                foreach (var c in changed)
                {
                    e.SetVotingRight(c.MemberId, c.VotingRight);
                }
            });
            foreach (var c in changed)
            {
                events.Publish(new MemberUpdated(c.MemberId, now));
            }

            return result;
        });
        return report;
    }

    /// <summary>A voting right change with its reason: the member's row, the history for recounts, the public event.</summary>
    internal static void SetVotingRight(DbConnection c, DbTransaction t, DateTimeOffset now, long actorId, long memberId, bool votingRight, string reason)
    {
        MemberStore.SetVotingRight(c, t, memberId, votingRight, votingRight ? 0 : 1, actorId, reason, now.ToUnixTimeMilliseconds());
        EventLog.Append(c, t, now, actorId, votingRight ? EventTypes.MemberVotingRightGranted : EventTypes.MemberVotingRightSuspended, new { MemberId = memberId, Reason = reason });
    }

    private const string InvitationSelect =
        "SELECT id AS Id, note AS Note, created_by AS CreatedBy, created_at AS CreatedAt, expires_at AS ExpiresAt, used_by AS UsedBy, used_at AS UsedAt, revoked_at AS RevokedAt FROM invitations";

    private static InvitationInfo? Find(DbConnection c, DbTransaction t, long id) =>
        c.QuerySingleOrDefault<InvitationRow>(InvitationSelect + " WHERE id = @id", new { id }, t)?.ToInfo();

    private static void RequireAdmin(DbConnection c, DbTransaction t, long actorId)
    {
        if (!MemberStore.HasRole(c, t, actorId, "admin"))
        {
            throw new DomainException(DomainErrors.NotAllowed, "Only an admin can do this.");
        }
    }

    /// <summary>Upper-case letters and digits without look-alikes (no 0/O, 1/I/L), grouped by four.</summary>
    private static string NewCode()
    {
        const string alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
        var chars = new char[12];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
        }

        return $"{new string(chars, 0, 4)}-{new string(chars, 4, 4)}-{new string(chars, 8, 4)}";
    }

    /// <summary>As typed: case, spaces and dashes do not matter.</summary>
    private static string? NormaliseCode(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }

        var letters = new string(code.Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant).ToArray());
        return letters.Length == 12 ? $"{letters[..4]}-{letters[4..8]}-{letters[8..]}" : letters;
    }

    private sealed record InvitationRow
    {
        public long Id { get; init; }

        public string Note { get; init; } = string.Empty;

        public long CreatedBy { get; init; }

        public long CreatedAt { get; init; }

        public long ExpiresAt { get; init; }

        public long? UsedBy { get; init; }

        public long? UsedAt { get; init; }

        public long? RevokedAt { get; init; }

        public InvitationInfo ToInfo() => new(
            Id, Note, CreatedBy, DateTimeOffset.FromUnixTimeMilliseconds(CreatedAt), DateTimeOffset.FromUnixTimeMilliseconds(ExpiresAt),
            UsedBy, UsedAt is { } u ? DateTimeOffset.FromUnixTimeMilliseconds(u) : null, RevokedAt is { } r ? DateTimeOffset.FromUnixTimeMilliseconds(r) : null);
    }

    private sealed record RegistryEntryRow
    {
        public string MemberNumber { get; init; } = string.Empty;

        public string Email { get; init; } = string.Empty;

        public string Name { get; init; } = string.Empty;

        public bool InGoodStanding { get; init; }

        public long? MemberId { get; init; }
    }
}
