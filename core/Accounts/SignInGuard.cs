using Dapper;
using Governance.Core.Events;
using Governance.Core.Storage;

namespace Governance.Core.Accounts;

/// <summary>
/// Back-off for wrong passwords, per client and per account, which never blocks the right
/// password from a client with no failures. Handles are public, so a lock-out of the account
/// itself would let anyone lock out the admin: instead only a client that has failed waits,
/// for as long as the larger of its own failures (over any account) and the account's
/// failures (from any client) within the last hour call for. The first
/// <see cref="FreeFailures"/> cost nothing (typos); after that each doubles the wait, up to
/// <see cref="MaxWait"/>. When failures on an account pile up (5, 10, 20, …) the log gets
/// <see cref="EventTypes.MemberSignInFailed"/>, which the notifications tell the member of.
/// </summary>
public sealed class SignInGuard(Database database, TimeProvider clock, IDomainEventPublisher? events = null)
{
    private readonly IDomainEventPublisher events = events ?? IDomainEventPublisher.None;

    public static readonly TimeSpan Window = TimeSpan.FromHours(1);

    public static readonly TimeSpan MaxWait = TimeSpan.FromMinutes(15);

    public const int FreeFailures = 3;

    /// <summary>The first count of an account's failures that is logged; then each doubling.</summary>
    public const int PiledUp = 5;

    /// <summary>The wait <paramref name="failures"/> in the window call for: none for the first three, then 2, 4, 8 … seconds, at most 15 minutes.</summary>
    public static TimeSpan Backoff(long failures) =>
        failures <= FreeFailures ? TimeSpan.Zero
        : failures - FreeFailures >= 10 ? MaxWait
        : TimeSpan.FromSeconds(Math.Min(MaxWait.TotalSeconds, Math.Pow(2, failures - FreeFailures)));

    /// <summary>
    /// How long <paramref name="client"/> must still wait before trying <paramref name="memberId"/>'s
    /// password (null: an unknown handle); zero when it may try now, and always zero for a
    /// client without failures in the window.
    /// </summary>
    public TimeSpan WaitFor(long? memberId, string client)
    {
        var now = clock.GetUtcNow();
        var since = (now - Window).ToUnixTimeMilliseconds();
        var mine = Transactions.Read(database, c => c.QuerySingle<(long Count, long? Last)>(
            "SELECT count(*) AS Count, max(at) AS Last FROM sign_in_failures WHERE client = @client AND at > @since", new { client, since }));
        if (mine.Count == 0 || mine.Last is not { } last)
        {
            return TimeSpan.Zero;
        }

        var account = memberId is null ? 0 : Transactions.Read(database, c => c.ExecuteScalar<long>(
            "SELECT count(*) FROM sign_in_failures WHERE member_id = @memberId AND at > @since", new { memberId, since }));
        var until = DateTimeOffset.FromUnixTimeMilliseconds(last) + Backoff(Math.Max(mine.Count, account));
        return until > now ? until - now : TimeSpan.Zero;
    }

    /// <summary>Counts a wrong password (or an unknown handle) from <paramref name="client"/>; returns the wait it now faces.</summary>
    public TimeSpan RecordFailure(long? memberId, string client)
    {
        var (_, logged) = Transactions.WriteLogged(database, (c, t) =>
        {
            var now = clock.GetUtcNow();
            var at = now.ToUnixTimeMilliseconds();
            var since = (now - Window).ToUnixTimeMilliseconds();
            c.Execute("DELETE FROM sign_in_failures WHERE at <= @since", new { since }, t);
            c.Execute("INSERT INTO sign_in_failures (member_id, client, at) VALUES (@memberId, @client, @at)", new { memberId, client, at }, t);
            if (memberId is { } id)
            {
                var failures = c.ExecuteScalar<long>("SELECT count(*) FROM sign_in_failures WHERE member_id = @id", new { id }, t);
                if (failures >= PiledUp && long.IsPow2(failures / PiledUp) && failures % PiledUp == 0)
                {
                    var clients = c.ExecuteScalar<long>("SELECT count(DISTINCT client) FROM sign_in_failures WHERE member_id = @id", new { id }, t);
                    EventLog.Append(c, t, now, null, EventTypes.MemberSignInFailed,
                        new { MemberId = id, Failures = failures, Clients = clients, WindowMinutes = (long)Window.TotalMinutes });
                }
            }

            return 0;
        });
        events.Publish(logged);
        return WaitFor(memberId, client);
    }

    /// <summary>A right password: this client's failures on this account are forgiven (its failures elsewhere are not).</summary>
    public void RecordSuccess(long memberId, string client) =>
        Transactions.Write(database, (c, t) =>
            c.Execute("DELETE FROM sign_in_failures WHERE member_id = @memberId AND client = @client", new { memberId, client }, t));
}
