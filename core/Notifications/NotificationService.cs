using Governance.Core.Domain;
using Governance.Core.Storage;

namespace Governance.Core.Notifications;

/// <summary>One page of a member's notifications with its counts, all read from one snapshot.</summary>
public sealed record NotificationPage(IReadOnlyList<NotificationRow> Rows, long Total, long Unread, bool HasNewer, bool HasOlder);

/// <summary>A member's delivery for one kind.</summary>
public sealed record NotificationSetting(string Kind, string Delivery);

/// <summary>
/// A member's notifications: reading them, marking them read, and the per-kind settings. What
/// notifications exist is the <see cref="NotificationFeed"/>'s business, read off the event log
/// (sign-in failures included: the sign-in guard's member.sign-in-failed), not the callers'.
/// </summary>
public sealed class NotificationService(Database database, TimeProvider clock)
{
    /// <summary>Most notifications one markRead names.</summary>
    public const int MaxIdsPerCall = 100;

    /// <summary>
    /// One page of a member's notifications, newest first, keyset by id: ids below
    /// <paramref name="belowId"/> and above <paramref name="aboveId"/> (0 = no bound), the
    /// newest <paramref name="size"/> of that window, or its oldest when <paramref name="fromOldest"/>,
    /// then at most the oldest <paramref name="tail"/> of those. The rows, the counts and whether
    /// anything lies either side are read from one snapshot, so a notification the feed writes
    /// meanwhile is either in all of them or in none (a count of one over an empty page was a race).
    /// </summary>
    public NotificationPage Page(long memberId, long belowId, long aboveId, int size, bool fromOldest, int? tail) =>
        Transactions.ReadConsistent(database, (c, t) =>
        {
            var rows = NotificationStore.Window(c, t, memberId, belowId, aboveId, size + 1, fromOldest);
            var more = rows.Count > size;
            var page = (fromOldest ? rows.Skip(more ? 1 : 0) : rows.Take(size)).ToList();
            if (tail is { } keep && page.Count > keep)
            {
                page = page.Skip(page.Count - keep).ToList();
            }

            var (total, unread) = NotificationStore.Counts(c, t, memberId);
            var newer = page.Count > 0 && NotificationStore.Window(c, t, memberId, 0, page[0].Id, 1, fromOldest: true).Count > 0;
            var older = page.Count > 0 && NotificationStore.Window(c, t, memberId, page[^1].Id, 0, 1, fromOldest: false).Count > 0;
            return new NotificationPage(page, total, unread, newer, older);
        });

    public (long Total, long Unread) Counts(long memberId) =>
        Transactions.Read(database, c => NotificationStore.Counts(c, null, memberId));

    /// <summary>A member's notifications written after <paramref name="afterId"/> up to <paramref name="upToId"/>, oldest first.</summary>
    public IReadOnlyList<NotificationRow> Between(long memberId, long afterId, long upToId) =>
        Transactions.Read(database, c => NotificationStore.Between(c, memberId, afterId, upToId));

    public long MaxId() => Transactions.Read(database, c => NotificationStore.MaxId(c, null));

    /// <summary>
    /// Marks the member's notifications <paramref name="ids"/> read (null: all of them). An id
    /// that is not one of the member's refuses the whole call, naming the field: nothing changes.
    /// </summary>
    /// <returns>The notifications named (all: none), as they are now.</returns>
    public IReadOnlyList<NotificationRow> MarkRead(long memberId, IReadOnlyCollection<long>? ids)
    {
        if (ids is { Count: 0 })
        {
            throw new DomainException(DomainErrors.InvalidInput, "Name at least one notification, or ask for all.", "ids");
        }

        if (ids is { Count: > MaxIdsPerCall })
        {
            throw new DomainException(DomainErrors.InvalidInput, $"Name at most {MaxIdsPerCall} notifications at once, or ask for all.", "ids");
        }

        var distinct = ids?.Distinct().ToList();
        return Transactions.Write(database, (c, t) =>
        {
            var now = Millis.Of(clock.GetUtcNow());
            if (distinct is null)
            {
                NotificationStore.MarkRead(c, t, memberId, null, now);
                return (IReadOnlyList<NotificationRow>)[];
            }

            var mine = NotificationStore.ByIds(c, t, memberId, distinct);
            if (mine.Count != distinct.Count)
            {
                throw new DomainException(DomainErrors.NotFound, "Some of these are not your notifications.", "ids");
            }

            NotificationStore.MarkRead(c, t, memberId, distinct, now);
            return NotificationStore.ByIds(c, t, memberId, distinct);
        });
    }

    /// <summary>Every kind with the member's delivery for it (the default where they set none).</summary>
    public IReadOnlyList<NotificationSetting> Settings(long memberId)
    {
        var set = Transactions.Read(database, c => NotificationStore.Settings(c, null, memberId));
        return NotificationKinds.All.Select(k => new NotificationSetting(k, set.GetValueOrDefault(k, NotificationDelivery.Default))).ToList();
    }

    /// <summary>Sets how the member wants one kind: off, app or email (the app and the daily digest).</summary>
    public IReadOnlyList<NotificationSetting> SetDelivery(long memberId, string kind, string delivery)
    {
        if (!NotificationKinds.IsKnown(kind))
        {
            throw new DomainException(DomainErrors.InvalidInput, $"\"{kind}\" is not a kind of notification.", "kind");
        }

        if (!NotificationDelivery.IsKnown(delivery))
        {
            throw new DomainException(DomainErrors.InvalidInput, $"\"{delivery}\" is not a delivery: off, app or email.", "delivery");
        }

        Transactions.Write(database, (c, t) =>
        {
            NotificationStore.SetSetting(c, t, memberId, kind, delivery);
            return 0;
        });
        return Settings(memberId);
    }
}
