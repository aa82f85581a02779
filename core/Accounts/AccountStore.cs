using System.Data.Common;
using System.Security.Cryptography;
using Dapper;
using Governance.Core.Events;
using Governance.Core.Storage;

namespace Governance.Core.Accounts;

/// <summary>
/// Members' credentials, sessions and personal access tokens (registering is
/// <see cref="MembershipService.RegisterAsync"/>, which decides the voting right). Secrets are generated here and
/// only their SHA-256 is stored; the clear secret is returned once to the caller.
/// Every change appends its event in the same transaction.
/// </summary>
public sealed class AccountStore(Database database, TimeProvider clock)
{
    public static readonly TimeSpan SessionLifetime = TimeSpan.FromDays(14);

    public const int MaxFailedAttempts = 5;

    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    private const string IdentityColumns =
        "m.id AS Id, m.handle AS Handle, m.display_name AS DisplayName, m.voting_right AS VotingRight, " +
        "(SELECT string_agg(role, ',') FROM member_roles r WHERE r.member_id = m.id) AS Roles";

    public async Task<(MemberIdentity Member, Credentials Credentials)?> FindForSignInAsync(string handleOrEmail)
    {
        await using var connection = await database.OpenAsync();
        var row = await connection.QuerySingleOrDefaultAsync<IdentityRow>(
            $"SELECT {IdentityColumns}, c.password_hash AS PasswordHash, c.failed_attempts AS FailedAttempts, c.locked_until AS LockedUntil " +
            "FROM members m JOIN member_credentials c ON c.member_id = m.id WHERE m.handle = @handleOrEmail OR m.email = @handleOrEmail LIMIT 1",
            new { handleOrEmail });
        return row is null
            ? null
            : (row.ToIdentity(), new Credentials(row.Id, row.PasswordHash!, (int)row.FailedAttempts, row.LockedUntil is { } l ? DateTimeOffset.FromUnixTimeMilliseconds(l) : null));
    }

    /// <summary>Counts a failed sign-in; locks the account for a while after too many in a row.</summary>
    public async Task<DateTimeOffset?> RecordFailedSignInAsync(long memberId)
    {
        var now = clock.GetUtcNow();
        await using var connection = await database.OpenAsync();
        await using var transaction = connection.BeginWrite();
        var failed = await connection.ExecuteScalarAsync<long>(
            "UPDATE member_credentials SET failed_attempts = failed_attempts + 1 WHERE member_id = @memberId RETURNING failed_attempts",
            new { memberId },
            transaction);
        DateTimeOffset? lockedUntil = null;
        if (failed >= MaxFailedAttempts)
        {
            lockedUntil = now + LockoutDuration;
            await connection.ExecuteAsync(
                "UPDATE member_credentials SET failed_attempts = 0, locked_until = @until WHERE member_id = @memberId",
                new { memberId, until = lockedUntil.Value.ToUnixTimeMilliseconds() },
                transaction);
            EventLog.Append(connection, transaction, now, memberId, EventTypes.MemberLockedOut, new { MemberId = memberId, Until = lockedUntil.Value.ToUnixTimeMilliseconds() });
        }

        await transaction.CommitAsync();
        return lockedUntil;
    }

    /// <summary>
    /// Starts a new session (a fresh random id every time, so a planted cookie is never
    /// adopted: no session fixation) and clears the failure count. Returns the clear id.
    /// </summary>
    public async Task<(string SessionId, SessionInfo Session)> StartSessionAsync(long memberId, string? userAgent = null)
    {
        // Kept to tell sessions apart on the account page; a header is the client's to choose, so bounded.
        userAgent = userAgent is { Length: > 300 } ? userAgent[..300] : userAgent;
        var now = clock.GetUtcNow();
        var sessionId = NewSecret("gov_s_");
        var csrf = NewSecret(string.Empty);
        var expires = now + SessionLifetime;
        await using var connection = await database.OpenAsync();
        await using var transaction = connection.BeginWrite();
        await connection.ExecuteAsync(
            "INSERT INTO sessions (id_hash, member_id, csrf_token, created_at, expires_at, user_agent) VALUES (@hash, @memberId, @csrf, @at, @expires, @userAgent)",
            new { hash = Hash(sessionId), memberId, csrf, at = now.ToUnixTimeMilliseconds(), expires = expires.ToUnixTimeMilliseconds(), userAgent },
            transaction);
        await connection.ExecuteAsync(
            "UPDATE member_credentials SET failed_attempts = 0, locked_until = NULL WHERE member_id = @memberId; " +
            "UPDATE members SET last_active_at = @at WHERE id = @memberId",
            new { memberId, at = now.ToUnixTimeMilliseconds() },
            transaction);
        EventLog.Append(connection, transaction, now, memberId, EventTypes.MemberSignedIn, new { MemberId = memberId });
        await transaction.CommitAsync();
        return (sessionId, new SessionInfo(memberId, csrf, expires));
    }

    public async Task<(MemberIdentity Member, SessionInfo Session)?> FindSessionAsync(string sessionId)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        await using var connection = await database.OpenAsync();
        var row = await connection.QuerySingleOrDefaultAsync<IdentityRow>(
            $"SELECT {IdentityColumns}, s.csrf_token AS CsrfToken, s.expires_at AS ExpiresAt FROM sessions s JOIN members m ON m.id = s.member_id " +
            "WHERE s.id_hash = @hash AND s.revoked_at IS NULL AND s.expires_at > @now",
            new { hash = Hash(sessionId), now });
        return row is null ? null : (row.ToIdentity(), new SessionInfo(row.Id, row.CsrfToken!, DateTimeOffset.FromUnixTimeMilliseconds(row.ExpiresAt)));
    }

    public async Task EndSessionAsync(string sessionId, long memberId)
    {
        var now = clock.GetUtcNow();
        await using var connection = await database.OpenAsync();
        await using var transaction = connection.BeginWrite();
        await connection.ExecuteAsync(
            "UPDATE sessions SET revoked_at = @at WHERE id_hash = @hash AND revoked_at IS NULL",
            new { hash = Hash(sessionId), at = now.ToUnixTimeMilliseconds() },
            transaction);
        EventLog.Append(connection, transaction, now, memberId, EventTypes.MemberSignedOut, new { MemberId = memberId });
        await transaction.CommitAsync();
    }

    /// <summary>Replaces the password and ends every other session of the member.</summary>
    public async Task ChangePasswordAsync(long memberId, string newPasswordHash, string currentSessionId)
    {
        var now = clock.GetUtcNow();
        await using var connection = await database.OpenAsync();
        await using var transaction = connection.BeginWrite();
        var at = now.ToUnixTimeMilliseconds();
        await connection.ExecuteAsync(
            "UPDATE member_credentials SET password_hash = @newPasswordHash, password_changed_at = @at WHERE member_id = @memberId",
            new { memberId, newPasswordHash, at },
            transaction);
        await connection.ExecuteAsync(
            "UPDATE sessions SET revoked_at = @at WHERE member_id = @memberId AND revoked_at IS NULL AND id_hash <> @hash",
            new { memberId, at, hash = Hash(currentSessionId) },
            transaction);
        EventLog.Append(connection, transaction, now, memberId, EventTypes.MemberPasswordChanged, new { MemberId = memberId });
        await transaction.CommitAsync();
    }

    /// <summary>Creates a personal access token; the clear token is returned once and never stored.</summary>
    public async Task<(string Token, AccessTokenInfo Info)> CreateTokenAsync(long memberId, string name, IReadOnlyList<string> scopes, DateTimeOffset? expiresAt)
    {
        var now = clock.GetUtcNow();
        var token = NewSecret("gov_pat_");
        await using var connection = await database.OpenAsync();
        await using var transaction = connection.BeginWrite();
        var id = await connection.ExecuteScalarAsync<long>(
            "INSERT INTO access_tokens (member_id, name, token_hash, scopes, created_at, expires_at) VALUES (@memberId, @name, @hash, @scopes, @at, @expires) RETURNING id",
            new { memberId, name, hash = Hash(token), scopes = string.Join(' ', scopes), at = now.ToUnixTimeMilliseconds(), expires = expiresAt?.ToUnixTimeMilliseconds() },
            transaction);
        EventLog.Append(connection, transaction, now, memberId, EventTypes.TokenCreated, new { TokenId = id, Name = name, Scopes = scopes });
        await transaction.CommitAsync();
        return (token, new AccessTokenInfo(id, name, scopes, now, expiresAt, null));
    }

    public async Task<IReadOnlyList<AccessTokenInfo>> ListTokensAsync(long memberId)
    {
        await using var connection = await database.OpenAsync();
        var rows = await connection.QueryAsync<TokenRow>(
            "SELECT id AS Id, name AS Name, scopes AS Scopes, created_at AS CreatedAt, expires_at AS ExpiresAt, last_used_at AS LastUsedAt " +
            "FROM access_tokens WHERE member_id = @memberId AND revoked_at IS NULL ORDER BY id",
            new { memberId });
        return rows.Select(r => r.ToInfo()).ToList();
    }

    /// <summary>Revokes one of the member's own tokens; false when there is no such live token.</summary>
    public async Task<bool> RevokeTokenAsync(long memberId, long tokenId)
    {
        var now = clock.GetUtcNow();
        await using var connection = await database.OpenAsync();
        await using var transaction = connection.BeginWrite();
        var changed = await connection.ExecuteAsync(
            "UPDATE access_tokens SET revoked_at = @at WHERE id = @tokenId AND member_id = @memberId AND revoked_at IS NULL",
            new { tokenId, memberId, at = now.ToUnixTimeMilliseconds() },
            transaction);
        if (changed == 0)
        {
            return false;
        }

        EventLog.Append(connection, transaction, now, memberId, EventTypes.TokenRevoked, new { TokenId = tokenId });
        await transaction.CommitAsync();
        return true;
    }

    public async Task<(MemberIdentity Member, IReadOnlyList<string> Scopes)?> FindTokenAsync(string token)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        await using var connection = await database.OpenAsync();
        var row = await connection.QuerySingleOrDefaultAsync<IdentityRow>(
            $"SELECT {IdentityColumns}, t.scopes AS Scopes, t.id AS TokenId, t.last_used_at AS LastUsedAt FROM access_tokens t JOIN members m ON m.id = t.member_id " +
            "WHERE t.token_hash = @hash AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > @now)",
            new { hash = Hash(token), now });
        if (row is null)
        {
            return null;
        }

        // Last use at minute resolution: enough for "is this token still used?" without a write
        // per request. The UPDATE runs only when due: even one that changes no row takes
        // SQLite's write lock, and every request would queue behind the writer for it.
        if (row.LastUsedAt is not { } lastUsed || lastUsed < now - 60_000)
        {
            try
            {
                await connection.ExecuteAsync(
                    "UPDATE access_tokens SET last_used_at = @now WHERE id = @TokenId AND (last_used_at IS NULL OR last_used_at < @now - 60000)",
                    new { now, row.TokenId });
            }
            catch (Exception e) when (StorageFaults.Recover(e) is not null)
            {
                // Disk full, read-only or failing: bookkeeping must not turn a read into a 503.
                // A write the request itself makes still fails, and answers 503 (docs/reliability.md).
            }
        }

        return (row.ToIdentity(), row.Scopes!.Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    internal static byte[] Hash(string secret) => SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret));

    internal static string NewSecret(string prefix) =>
        prefix + Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private sealed record IdentityRow
    {
        public long Id { get; init; }

        public string Handle { get; init; } = string.Empty;

        public string DisplayName { get; init; } = string.Empty;

        public bool VotingRight { get; init; }

        public string? Roles { get; init; }

        public string? PasswordHash { get; init; }

        public long FailedAttempts { get; init; }

        public long? LockedUntil { get; init; }

        public string? CsrfToken { get; init; }

        public long ExpiresAt { get; init; }

        public string? Scopes { get; init; }

        public long TokenId { get; init; }

        public long? LastUsedAt { get; init; }

        public MemberIdentity ToIdentity() =>
            new(Id, Handle, DisplayName, VotingRight, (Roles ?? "member").Split(',', StringSplitOptions.RemoveEmptyEntries));
    }

    private sealed record TokenRow(long Id, string Name, string Scopes, long CreatedAt, long? ExpiresAt, long? LastUsedAt)
    {
        public AccessTokenInfo ToInfo() => new(
            Id,
            Name,
            Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries),
            DateTimeOffset.FromUnixTimeMilliseconds(CreatedAt),
            ExpiresAt is { } e ? DateTimeOffset.FromUnixTimeMilliseconds(e) : null,
            LastUsedAt is { } u ? DateTimeOffset.FromUnixTimeMilliseconds(u) : null);
    }
}
