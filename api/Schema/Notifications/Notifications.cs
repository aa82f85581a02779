using System.Runtime.CompilerServices;
using System.Text.Json;
using Governance.Core.Accounts;
using Governance.Core.Domain;
using Governance.Core.Events;
using Governance.Core.Notifications;
using Governance.GraphQL.Errors;
using Governance.GraphQL.Execution;
using Governance.GraphQL.Relay;
using Governance.GraphQL.Types;

namespace Governance.Api.Schema;

/// <summary>What the notification feed wrote: the notifications with ids in (AfterId, UpToId], for whoever they are.</summary>
public sealed record NotificationsWritten(long AfterId, long UpToId);

/// <summary>A member marked some of their notifications read: their unread count changed.</summary>
public sealed record NotificationsRead(long MemberId);

/// <summary>
/// The viewer's notifications (issue 16): the connection with its unread count, the per-kind
/// settings, markNotificationsRead and setNotificationDelivery with typed errors, and the
/// notificationAdded subscription. The notifications themselves come from the feed in core.
/// </summary>
internal static class Notifications
{
    private const string IdType = "Notification";
    private const int MaxPage = 50;

    public static SchemaBuilder AddNotifications(this SchemaBuilder builder, SchemaServices s, DomainServices d) => builder
        .ResolveAsync("Viewer.notifications", c =>
        {
            var me = Me(c);
            var (first, last) = (c.Argument<int?>("first"), c.Argument<int?>("last"));
            if (first is < 0 or > MaxPage || last is < 0 or > MaxPage)
            {
                throw new GraphQLException($"Argument \"{(first is < 0 or > MaxPage ? "first" : "last")}\" must be between 0 and {MaxPage}.");
            }

            // Keyset by id, newest first: after = older than that notification, before = newer;
            // first takes the newest of that window, last its oldest.
            var below = c.Argument<string>("after") is { } after ? DecodeCursor(after) : 0;
            var above = c.Argument<string>("before") is { } before ? DecodeCursor(before) : 0;
            var fromOldest = first is null && last is not null;
            var size = first ?? last ?? 20;
            var page = d.Notifications.Page(me, below, above, size, fromOldest, first is not null ? last : null);
            var edges = page.Rows.Select(r => new Edge<NotificationRow>(r, Ids.Of(IdType, r.Id))).ToList();
            return Task.FromResult<object?>(new NotificationConnection(
                edges,
                new PageInfo(page.HasNewer, page.HasOlder, edges.FirstOrDefault()?.Cursor, edges.LastOrDefault()?.Cursor),
                (int)page.Total,
                (int)page.Unread));
        })
        .Resolve("Viewer.unreadNotificationCount", c => (int)d.Notifications.Counts(Me(c)).Unread)
        .Resolve("Viewer.notificationSettings", c => d.Notifications.Settings(Me(c)))
        .BindType<NotificationConnection>("NotificationConnection")
        .BindType<Edge<NotificationRow>>("NotificationEdge")
        .BindType<NotificationSetting>("NotificationSetting")
        .Resolve("NotificationSetting.kind", c => c.ParentAs<NotificationSetting>().Kind.ToUpperInvariant())
        .Resolve("NotificationSetting.delivery", c => c.ParentAs<NotificationSetting>().Delivery.ToUpperInvariant())
        .BindType<NotificationRow>("Notification")
        .Resolve("Notification.id", c => Ids.Of(IdType, c.ParentAs<NotificationRow>().Id))
        .Resolve("Notification.kind", c => c.ParentAs<NotificationRow>().Kind.ToUpperInvariant())
        .Resolve("Notification.at", c => DateTimeOffset.FromUnixTimeMilliseconds(c.ParentAs<NotificationRow>().CreatedAt))
        .Resolve("Notification.read", c => c.ParentAs<NotificationRow>().ReadAt is not null)
        .Resolve("Notification.readAt", c => c.ParentAs<NotificationRow>().ReadAt is long at ? DateTimeOffset.FromUnixTimeMilliseconds(at) : (DateTimeOffset?)null)
        .ResolveAsync("Notification.summary", c => NotificationSummaryAsync(c, s))
        .ResolveAsync("Notification.proposal", async c => c.ParentAs<NotificationRow>().ProposalId is long p ? await c.Proposal(s.Reads, p) : null)
        .ResolveAsync("Notification.member", async c => c.ParentAs<NotificationRow>().SubjectId is long m ? await c.Member(s.Reads, m) : null)
        .ResolveAsync("Notification.mergedInto", async c => Detail(c, "into") is JsonElement { ValueKind: JsonValueKind.Number } into ? await c.Proposal(s.Reads, into.GetInt64()) : null)
        .Resolve("Notification.delegation", c => Detail(c, "change") is JsonElement { ValueKind: JsonValueKind.String } change ? change.GetString()!.ToUpperInvariant() : null)
        .Resolve("Notification.scope", c => Detail(c, "scope") is JsonElement { ValueKind: JsonValueKind.String } scope ? Scopes.ToGraph(EventTranslator.ParseScope(scope.GetString()!)) : null)
        .Resolve("Notification.rank", c => Detail(c, "rank") is JsonElement { ValueKind: JsonValueKind.Number } rank ? rank.GetInt32() : (int?)null)
        .Resolve("Notification.weight", c => Detail(c, "weight") is JsonElement { ValueKind: JsonValueKind.Number } weight ? weight.GetInt32() : (int?)null)
        .Resolve("Notification.reason", c => Detail(c, "reason") is JsonElement { ValueKind: JsonValueKind.String } reason ? reason.GetString() : null)
        .Resolve("Notification.votingEndsAt", c => Detail(c, "votingEndsAt") is JsonElement { ValueKind: JsonValueKind.Number } ends ? DateTimeOffset.FromUnixTimeMilliseconds(ends.GetInt64()) : (DateTimeOffset?)null)
        .ResolveAsync("Mutation.markNotificationsRead", c => MarkNotificationsReadAsync(c, s, d))
        .ResolveAsync("Mutation.setNotificationDelivery", c => SetNotificationDeliveryAsync(c, d))
        .BindInput<MarkNotificationsReadInput>("MarkNotificationsReadInput")
        .BindInput<SetNotificationDeliveryInput>("SetNotificationDeliveryInput")
        .BindType<MarkNotificationsReadPayload>("MarkNotificationsReadPayload")
        .BindType<SetNotificationDeliveryPayload>("SetNotificationDeliveryPayload")
        .Subscribe("Subscription.notificationAdded", c => AddedAsync(s, d, Me(c), c.CancellationToken))
        .Subscribe("Subscription.unreadNotificationCount", c => UnreadCountAsync(s, d, Me(c), c.CancellationToken));

    private static async Task<string> NotificationSummaryAsync(ResolveContext c, SchemaServices s)
    {
        var row = c.ParentAs<NotificationRow>();
        var member = row.SubjectId is long m ? await c.Member(s.Reads, m) : null;
        var proposal = row.ProposalId is long p ? await c.Proposal(s.Reads, p) : null;
        return NotificationText.Summary(row, member?.Handle, proposal?.Title);
    }

    private static async Task<MarkNotificationsReadPayload> MarkNotificationsReadAsync(ResolveContext c, SchemaServices s, DomainServices d)
    {
        var input = c.Input<MarkNotificationsReadInput>();
        var caller = Caller.Of(c);
        if (MutationGuard.RequireScope(caller, TokenScopes.Read) is { } refused)
        {
            return MarkNotificationsReadPayload.Refused(refused);
        }

        var all = input.All ?? false;
        if (all == (input.Ids is not null))
        {
            return MarkNotificationsReadPayload.Refused(UserErrors.Validation("INVALID_INPUT", "Give either ids or all: true, not both or neither.", input.Ids is null ? "ids" : "all"));
        }

        var ids = new List<long>();
        foreach (var id in input.Ids ?? [])
        {
            if (!Ids.TryLocal(id, IdType, out var local))
            {
                return MarkNotificationsReadPayload.Refused(UserErrors.NotFound("UNKNOWN_NOTIFICATION", $"\"{id}\" is not the id of a notification.", "ids"));
            }

            ids.Add(local);
        }

        var me = caller.MemberId!.Value;
        var outcome = await MutationGuard.RunAsync("notifications", () => Task.FromResult<object?>(d.Notifications.MarkRead(me, all ? null : ids)));
        if (outcome["notifications"] is not IReadOnlyList<NotificationRow> rows)
        {
            return new MarkNotificationsReadPayload(null, null, (IReadOnlyList<UserErrorValue>?)outcome["errors"]);
        }

        s.Events.Publish(new NotificationsRead(me));
        return new MarkNotificationsReadPayload(rows, (int)d.Notifications.Counts(me).Unread, null);
    }

    private static async Task<SetNotificationDeliveryPayload> SetNotificationDeliveryAsync(ResolveContext c, DomainServices d)
    {
        var input = c.Input<SetNotificationDeliveryInput>();
        var caller = Caller.Of(c);
        if (MutationGuard.RequireScope(caller, TokenScopes.Read) is { } refused)
        {
            return new SetNotificationDeliveryPayload(null, [refused]);
        }

        var me = caller.MemberId!.Value;
        var outcome = await MutationGuard.RunAsync("settings", () => Task.FromResult<object?>(
            d.Notifications.SetDelivery(me, input.Kind.ToLowerInvariant(), input.Delivery.ToLowerInvariant())));
        return new SetNotificationDeliveryPayload((IReadOnlyList<NotificationSetting>?)outcome["settings"], (IReadOnlyList<UserErrorValue>?)outcome["errors"]);
    }

    /// <summary>Each batch the feed wrote, read for this member only: one indexed query per batch and subscriber.</summary>
    private static async IAsyncEnumerable<object?> AddedAsync(SchemaServices s, DomainServices d, long me, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var batch in s.Events.SubscribeAsync<NotificationsWritten>(_ => true, cancellationToken))
        {
            foreach (var row in d.Notifications.Between(me, batch.AfterId, batch.UpToId))
            {
                yield return row;
            }
        }
    }

    /// <summary>
    /// The viewer's unread count: once as soon as the subscription is registered (so a client
    /// that subscribes after loading the page misses nothing written in between), then whenever
    /// it changes: a notification written for them, or some marked read (in any tab).
    /// </summary>
    private static async IAsyncEnumerable<object?> UnreadCountAsync(SchemaServices s, DomainServices d, long me, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        long? sent = null;
        var changes = s.Events.SubscribeAsync<object>(
            e => e is NotificationsWritten || e is NotificationsRead read && read.MemberId == me,
            new NotificationsRead(me),
            cancellationToken);
        await foreach (var _ in changes)
        {
            var unread = d.Notifications.Counts(me).Unread;
            if (unread != sent)
            {
                sent = unread;
                yield return (int)unread;
            }
        }
    }

    private static long Me(ResolveContext c)
    {
        var caller = Caller.Of(c);
        MemberResolvers.RequireRead(caller);
        return caller.MemberId!.Value;
    }

    private static JsonElement? Detail(ResolveContext c, string property)
    {
        using var document = JsonDocument.Parse(c.ParentAs<NotificationRow>().Detail);
        return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty(property, out var value) ? value.Clone() : null;
    }

    private static long DecodeCursor(string cursor) =>
        Ids.TryLocal(cursor, IdType, out var id) ? id : throw new GraphQLException($"\"{cursor}\" is not a cursor of this connection.");

    internal sealed record NotificationConnection(IReadOnlyList<Edge<NotificationRow>> Edges, PageInfo PageInfo, int TotalCount, int UnreadCount)
    {
        public IEnumerable<NotificationRow> Nodes => Edges.Select(e => e.Node);
    }

    internal sealed record MarkNotificationsReadInput(IReadOnlyList<string>? Ids, bool? All);

    internal sealed record SetNotificationDeliveryInput(string Kind, string Delivery);

    internal sealed record MarkNotificationsReadPayload(IReadOnlyList<NotificationRow>? Notifications, int? UnreadCount, IReadOnlyList<UserErrorValue>? Errors)
    {
        public static MarkNotificationsReadPayload Refused(UserErrorValue error) => new(null, null, [error]);
    }

    internal sealed record SetNotificationDeliveryPayload(IReadOnlyList<NotificationSetting>? Settings, IReadOnlyList<UserErrorValue>? Errors);
}
