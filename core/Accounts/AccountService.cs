using System.Data.Common;
using Dapper;
using Governance.Core.Domain;
using Governance.Core.Events;
using Governance.Core.Storage;

namespace Governance.Core.Accounts;

/// <summary>
/// What a member does on their account page: change the password (the current one required;
/// every other session ends), see and end their sessions, create and revoke scoped personal
/// access tokens (the secret returned once), and keep a language preference. Each command
/// validates, refuses with a <see cref="DomainException"/> naming the field, and otherwise
/// commits with its (private) event in one transaction.
/// </summary>
public sealed class AccountService(Database database, TimeProvider clock, IPasswordHashing passwords, IDomainEventPublisher? events = null)
{
    private readonly IDomainEventPublisher events = events ?? IDomainEventPublisher.None;

    public const int MinPasswordLength = 10;

    public const int MaxPasswordLength = 200;

    public const int MaxTokensPerMember = 50;

    /// <summary>Replaces the password; returns how many other sessions ended.</summary>
    public int ChangePassword(long memberId, string? currentPassword, string? newPassword, byte[]? currentSession)
    {
        if (newPassword is null || newPassword.Length < MinPasswordLength || newPassword.Length > MaxPasswordLength)
        {
            throw new DomainException("weak_password", $"A password is {MinPasswordLength} to {MaxPasswordLength} characters long.", "newPassword");
        }

        var stored = Transactions.Read(database, c => c.QuerySingleOrDefault<string>(
            "SELECT password_hash FROM member_credentials WHERE member_id = @memberId", new { memberId }));
        if (stored is null || string.IsNullOrEmpty(currentPassword) || !passwords.Verify(stored, currentPassword))
        {
            throw new DomainException("wrong_password", "The current password is wrong.", "currentPassword");
        }

        var hash = passwords.Hash(newPassword);
        return Published(Transactions.WriteLogged(database, (c, t) =>
        {
            var now = clock.GetUtcNow();
            var at = now.ToUnixTimeMilliseconds();
            c.Execute(
                "UPDATE member_credentials SET password_hash = @hash, password_changed_at = @at WHERE member_id = @memberId",
                new { memberId, hash, at }, t);
            var ended = EndSessions(c, t, memberId, currentSession, at);
            EventLog.Append(c, t, now, memberId, EventTypes.MemberPasswordChanged, new { MemberId = memberId, SessionsEnded = ended });
            return ended;
        }));
    }

    /// <summary>The member's live sessions, newest first; <paramref name="currentSession"/> (a hash) is marked.</summary>
    public IReadOnlyList<SessionView> Sessions(long memberId, byte[]? currentSession) => Transactions.Read(database, c =>
        c.Query<SessionRow>(
                "SELECT id_hash AS IdHash, created_at AS CreatedAt, expires_at AS ExpiresAt, user_agent AS UserAgent FROM sessions " +
                "WHERE member_id = @memberId AND revoked_at IS NULL AND expires_at > @now ORDER BY created_at DESC",
                new { memberId, now = clock.GetUtcNow().ToUnixTimeMilliseconds() })
            .Select(r => new SessionView(
                Base64Url(r.IdHash),
                DateTimeOffset.FromUnixTimeMilliseconds(r.CreatedAt),
                DateTimeOffset.FromUnixTimeMilliseconds(r.ExpiresAt),
                r.UserAgent,
                currentSession is not null && r.IdHash.AsSpan().SequenceEqual(currentSession)))
            .ToList());

    /// <summary>Ends one of the member's own live sessions by its key.</summary>
    public void RevokeSession(long memberId, string? key)
    {
        var hash = FromBase64Url(key);
        Published(Transactions.WriteLogged(database, (c, t) =>
        {
            var now = clock.GetUtcNow();
            var changed = hash is null ? 0 : c.Execute(
                "UPDATE sessions SET revoked_at = @at WHERE id_hash = @hash AND member_id = @memberId AND revoked_at IS NULL",
                new { hash, memberId, at = now.ToUnixTimeMilliseconds() }, t);
            if (changed == 0)
            {
                throw new DomainException("unknown_session", "You have no live session with that id.", "session");
            }

            EventLog.Append(c, t, now, memberId, EventTypes.MemberSignedOut, new { MemberId = memberId, Revoked = true });
            return 0;
        }));
    }

    /// <summary>Ends every session of the member but <paramref name="currentSession"/>; returns how many.</summary>
    public int EndOtherSessions(long memberId, byte[]? currentSession) => Published(Transactions.WriteLogged(database, (c, t) =>
    {
        var now = clock.GetUtcNow();
        var ended = EndSessions(c, t, memberId, currentSession, now.ToUnixTimeMilliseconds());
        if (ended > 0)
        {
            EventLog.Append(c, t, now, memberId, EventTypes.MemberSignedOut, new { MemberId = memberId, SessionsEnded = ended });
        }

        return ended;
    }));

    /// <summary>Creates a personal access token; the clear token is returned once and never stored.</summary>
    public (string Token, AccessTokenInfo Info) CreateToken(long memberId, string? name, IReadOnlyList<string>? scopes, int? expiresInDays)
    {
        name = name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 100)
        {
            throw new DomainException("invalid_name", "A token's name is 1 to 100 characters, e.g. the client it is for.", "name");
        }

        if (name.Any(char.IsControl))
        {
            throw new DomainException("invalid_name", "A token's name may not contain control characters.", "name");
        }

        scopes ??= [];
        var unknown = scopes.Where(s => !TokenScopes.All.Contains(s)).ToList();
        if (scopes.Count == 0 || unknown.Count > 0)
        {
            throw new DomainException("invalid_scopes",
                $"Choose one or more of {string.Join(", ", TokenScopes.All)}" + (unknown.Count > 0 ? $"; unknown: {string.Join(", ", unknown)}." : "."), "scopes");
        }

        if (expiresInDays is < 1 or > 366)
        {
            throw new DomainException("invalid_expiry", "A token expires in 1 to 366 days, or never when left out.", "expiresInDays");
        }

        var token = AccountStore.NewSecret("gov_pat_");
        var distinct = scopes.Distinct().ToList();
        var info = Published(Transactions.WriteLogged(database, (c, t) =>
        {
            var now = clock.GetUtcNow();
            var live = c.ExecuteScalar<long>("SELECT count(*) FROM access_tokens WHERE member_id = @memberId AND revoked_at IS NULL", new { memberId }, t);
            if (live >= MaxTokensPerMember)
            {
                throw new DomainException("too_many_tokens", $"You have {MaxTokensPerMember} tokens already; revoke one first.", "name");
            }

            var expires = expiresInDays is { } days ? now.AddDays(days) : (DateTimeOffset?)null;
            var id = c.ExecuteScalar<long>(
                "INSERT INTO access_tokens (member_id, name, token_hash, scopes, created_at, expires_at) VALUES (@memberId, @name, @hash, @scopes, @at, @expires) RETURNING id",
                new { memberId, name, hash = AccountStore.Hash(token), scopes = string.Join(' ', distinct), at = now.ToUnixTimeMilliseconds(), expires = expires?.ToUnixTimeMilliseconds() },
                t);
            EventLog.Append(c, t, now, memberId, EventTypes.TokenCreated, new { TokenId = id, Name = name, Scopes = distinct });
            return new AccessTokenInfo(id, name, distinct, now, expires, null);
        }));
        return (token, info);
    }

    /// <summary>The member's live (unrevoked, unexpired) tokens, oldest first.</summary>
    public IReadOnlyList<AccessTokenInfo> Tokens(long memberId) => Transactions.Read(database, c =>
        c.Query<(long Id, string Name, string Scopes, long CreatedAt, long? ExpiresAt, long? LastUsedAt)>(
                "SELECT id, name, scopes, created_at, expires_at, last_used_at FROM access_tokens " +
                "WHERE member_id = @memberId AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > @now) ORDER BY id",
                new { memberId, now = clock.GetUtcNow().ToUnixTimeMilliseconds() })
            .Select(r => new AccessTokenInfo(
                r.Id,
                r.Name,
                r.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries),
                DateTimeOffset.FromUnixTimeMilliseconds(r.CreatedAt),
                r.ExpiresAt is { } e ? DateTimeOffset.FromUnixTimeMilliseconds(e) : null,
                r.LastUsedAt is { } u ? DateTimeOffset.FromUnixTimeMilliseconds(u) : null))
            .ToList());

    /// <summary>Revokes one of the member's own live tokens.</summary>
    public void RevokeToken(long memberId, long tokenId) => Published(Transactions.WriteLogged(database, (c, t) =>
    {
        var now = clock.GetUtcNow();
        var changed = c.Execute(
            "UPDATE access_tokens SET revoked_at = @at WHERE id = @tokenId AND member_id = @memberId AND revoked_at IS NULL",
            new { tokenId, memberId, at = now.ToUnixTimeMilliseconds() }, t);
        if (changed == 0)
        {
            throw new DomainException("unknown_token", "You have no live token with that id.", "token");
        }

        EventLog.Append(c, t, now, memberId, EventTypes.TokenRevoked, new { TokenId = tokenId });
        return 0;
    }));

    /// <summary>The member's language preference (null: the browser's choice applies).</summary>
    public string? Language(long memberId) => Transactions.Read(database, c =>
        c.QuerySingleOrDefault<string?>("SELECT language FROM members WHERE id = @memberId", new { memberId }));

    /// <summary>Stores the language preference; null clears it.</summary>
    public string? SetLanguage(long memberId, string? language)
    {
        language = string.IsNullOrWhiteSpace(language) ? null : language.Trim().ToLowerInvariant();
        if (language is not null && !Languages.All.Contains(language))
        {
            throw new DomainException("unknown_language", $"Choose one of {string.Join(", ", Languages.All)}.", "language");
        }

        return Published(Transactions.WriteLogged(database, (c, t) =>
        {
            var now = clock.GetUtcNow();
            c.Execute("UPDATE members SET language = @language WHERE id = @memberId", new { language, memberId }, t);
            EventLog.Append(c, t, now, memberId, EventTypes.MemberPreferencesChanged, new { MemberId = memberId, Language = language });
            return language;
        }));
    }

    /// <summary>How a session's cookie value is stored (and named): its SHA-256.</summary>
    public static byte[] SessionHash(string sessionId) => AccountStore.Hash(sessionId);

    private static int EndSessions(DbConnection c, DbTransaction t, long memberId, byte[]? keep, long at) => keep is null
        ? c.Execute("UPDATE sessions SET revoked_at = @at WHERE member_id = @memberId AND revoked_at IS NULL", new { memberId, at }, t)
        : c.Execute("UPDATE sessions SET revoked_at = @at WHERE member_id = @memberId AND revoked_at IS NULL AND id_hash <> @keep", new { memberId, at, keep }, t);

    internal static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    internal static byte[]? FromBase64Url(string? text)
    {
        if (string.IsNullOrEmpty(text) || text.Length > 64)
        {
            return null;
        }

        var padded = text.Replace('-', '+').Replace('_', '/');
        padded += new string('=', (4 - (padded.Length % 4)) % 4);
        try
        {
            var bytes = Convert.FromBase64String(padded);
            return bytes.Length == 32 ? bytes : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private T Published<T>((T Result, IReadOnlyList<LoggedEvent> Logged) written)
    {
        events.Publish(written.Logged);
        return written.Result;
    }

    private sealed record SessionRow(byte[] IdHash, long CreatedAt, long ExpiresAt, string? UserAgent);
}
