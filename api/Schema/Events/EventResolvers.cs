using System.Globalization;
using System.Text;
using Governance.Api.Schema.Data;
using Governance.Core.Policies;
using Governance.GraphQL.Errors;
using Governance.GraphQL.Execution;
using Governance.GraphQL.Relay;
using Governance.GraphQL.Types;

namespace Governance.Api.Schema;

/// <summary>
/// Event and Query.events: the audit trail, oldest first, paged by sequence number (the log
/// only grows, so offset cursors would shift). Private entries only for their actor and admins;
/// delegation entries also as the policy delegationVisibility says.
/// </summary>
internal static class EventResolvers
{
    private const string CursorPrefix = "event:";

    public static SchemaBuilder AddEvents(this SchemaBuilder builder, SchemaServices s, DomainServices d) => builder
        .BindType<EventRow>("Event")
        .Resolve("Event.id", c => Ids.Of(Ids.Event, c.ParentAs<EventRow>().Seq))
        .Resolve("Event.seq", c => (int)c.ParentAs<EventRow>().Seq)
        .Resolve("Event.at", c => DateTimeOffset.FromUnixTimeMilliseconds(c.ParentAs<EventRow>().At))
        .ResolveAsync("Event.actor", async c => c.ParentAs<EventRow>().ActorId is { } actor ? await c.Member(s.Reads, actor) : null)
        .ResolveAsync("Event.proposal", c => PayloadProposalAsync(c, s, "proposal"))
        .ResolveAsync("Event.mergedInto", c => c.ParentAs<EventRow>().Type == Governance.Core.Events.EventTypes.ProposalMerged ? PayloadProposalAsync(c, s, "into") : Task.FromResult<object?>(null))
        .Resolve("Event.hash", c => Convert.ToHexStringLower(c.ParentAs<EventRow>().Hash))
        .BindType<Connection<EventRow>>("EventConnection")
        .BindType<Edge<EventRow>>("EventEdge")
        .ResolveAsync("Query.events", c => EventsAsync(c, s, d));

    private static async Task<Connection<EventRow>> EventsAsync(ResolveContext c, SchemaServices s, DomainServices d)
    {
        var caller = Caller.Of(c);
        var (first, last) = (c.Argument<int?>("first"), c.Argument<int?>("last"));
        if (first is not null && last is not null)
        {
            throw new GraphQLException("Give \"first\" (a page forwards) or \"last\" (a page backwards), not both.");
        }

        var size = first ?? last ?? ConnectionBuilder.DefaultMaxPageSize;
        if (size is < 0 or > ConnectionBuilder.DefaultMaxPageSize)
        {
            throw new GraphQLException($"Argument \"{(last is not null ? "last" : "first")}\" must be between 0 and {ConnectionBuilder.DefaultMaxPageSize}.");
        }

        var after = c.Argument<string>("after") is { } cursor ? DecodeCursor(cursor) : 0;
        var before = c.Argument<string>("before") is { } beforeCursor ? DecodeCursor(beforeCursor) : long.MaxValue;
        var backwards = last is not null;
        var viewer = caller.CanRead ? caller.MemberId : null;
        var everything = caller.IsAdmin;
        // A filter by type, e.g. the public moderation log; null (the argument omitted) is every type.
        var types = c.Arguments.GetValueOrDefault("types") is IReadOnlyList<object?> given
            ? given.OfType<string>().Distinct(StringComparer.Ordinal).ToList()
            : null;
        if (types is { Count: > 50 })
        {
            throw new GraphQLException("Argument \"types\" may name at most 50 event types.");
        }

        // Keyset pages by sequence number: the log only grows, so a cursor never moves. One
        // more row than asked tells whether there is more in the direction of the walk.
        var rule = d.Policies.Effective().DelegationVisibility;
        var delegations = (rule.MaySeeAll(viewer), rule == DelegationVisibility.Involved ? viewer : null);
        var rows = await s.Reads.EventsAsync(after, size + 1, viewer, everything, delegations, types, c.CancellationToken, before, backwards);
        var more = rows.Count > size;
        var page = backwards ? rows.Skip(Math.Max(0, rows.Count - size)).ToList() : rows.Take(size).ToList();
        var total = await s.Reads.CountEventsAsync(viewer, everything, delegations, types, c.CancellationToken);
        var edges = page.Select(r => new Edge<EventRow>(r, EncodeCursor(r.Seq))).ToList();
        return new Connection<EventRow>(
            edges,
            new PageInfo(
                HasPreviousPage: backwards ? more : after > 0,
                HasNextPage: backwards ? before != long.MaxValue : more,
                edges.FirstOrDefault()?.Cursor, edges.LastOrDefault()?.Cursor),
            (int)total);
    }

    /// <summary>The proposal a payload names under <paramref name="key"/> (a number), loaded with the others of the page.</summary>
    private static async Task<object?> PayloadProposalAsync(ResolveContext c, SchemaServices s, string key)
    {
        using var payload = System.Text.Json.JsonDocument.Parse(c.ParentAs<EventRow>().Payload);
        return payload.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object
            && payload.RootElement.TryGetProperty(key, out var id)
            && id.ValueKind == System.Text.Json.JsonValueKind.Number
            && id.TryGetInt64(out var proposalId)
                ? await c.Proposal(s.Reads, proposalId)
                : null;
    }

    /// <summary>Whether the caller may see an entry (node(id) asks too).</summary>
    public static bool CanSee(Caller caller, EventRow entry, DelegationVisibility rule) =>
        EventVisibility.MaySee(entry.Type, entry.ActorId, entry.Payload, caller.CanRead ? caller.MemberId : null, caller.IsAdmin, rule);

    private static string EncodeCursor(long seq) => Convert.ToBase64String(Encoding.UTF8.GetBytes(CursorPrefix + seq.ToString(CultureInfo.InvariantCulture)));

    private static long DecodeCursor(string cursor)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
            if (text.StartsWith(CursorPrefix, StringComparison.Ordinal)
                && long.TryParse(text.AsSpan(CursorPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var seq))
            {
                return seq;
            }
        }
        catch (FormatException)
        {
        }

        throw new GraphQLException($"Invalid cursor \"{cursor}\".");
    }
}
