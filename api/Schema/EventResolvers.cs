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
        .ResolveAsync("Query.events", async c =>
        {
            var caller = Caller.Of(c);
            var first = c.Argument<int?>("first") ?? ConnectionBuilder.DefaultMaxPageSize;
            if (first is < 0 or > ConnectionBuilder.DefaultMaxPageSize)
            {
                throw new GraphQLException($"Argument \"first\" must be between 0 and {ConnectionBuilder.DefaultMaxPageSize}.");
            }

            var after = c.Argument<string>("after") is { } cursor ? DecodeCursor(cursor) : 0;
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

            var rule = d.Policies.Effective().DelegationVisibility;
            var delegations = (rule.MaySeeAll(viewer), rule == DelegationVisibility.Involved ? viewer : null);
            var rows = await s.Reads.EventsAsync(after, first + 1, viewer, everything, delegations, types, c.CancellationToken);
            var total = await s.Reads.CountEventsAsync(viewer, everything, delegations, types, c.CancellationToken);
            var edges = rows.Take(first).Select(r => new Edge<EventRow>(r, EncodeCursor(r.Seq))).ToList();
            return new Connection<EventRow>(
                edges,
                new PageInfo(after > 0, rows.Count > first, edges.FirstOrDefault()?.Cursor, edges.LastOrDefault()?.Cursor),
                (int)total);
        });

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
