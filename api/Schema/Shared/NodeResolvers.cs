using System.Globalization;
using Governance.GraphQL.Relay;
using Governance.GraphQL.Types;

namespace Governance.Api.Schema;

/// <summary>
/// Relay's node(id) and nodes(ids), capped at 50 ids. Each fetcher applies the same rule as
/// the field that would show the object, so a guessed id reveals nothing the caller could not
/// already see: what they may not see comes back as null, exactly like what does not exist.
/// </summary>
internal static class NodeResolvers
{
    public static SchemaBuilder AddNodes(this SchemaBuilder builder, SchemaServices s, DomainServices d) => builder
        .AddNodeResolution(new Dictionary<string, NodeFetcher>
        {
            [Ids.Member] = async (id, c) => Caller.Of(c).CanRead && Parse(id) is { } local ? await c.Member(s.Reads, local) : null,
            [Ids.Area] = async (id, c) => Parse(id) is { } local ? await c.Area(s.Reads, local) : null,
            [Ids.Proposal] = async (id, c) => Parse(id) is { } local ? await c.Proposal(s.Reads, local) : null,
            [Ids.Delegation] = async (id, c) =>
                Parse(id) is { } local && await s.Reads.DelegationAsync(local, c.CancellationToken) is { } delegation && DelegationResolvers.CanSee(Caller.Of(c), delegation, d.Policies.Effective().DelegationVisibility)
                    ? delegation
                    : null,
            [Ids.Comment] = async (id, c) => Parse(id) is { } local ? await c.Comment(s, local) : null,
            [Ids.Event] = async (id, c) =>
                Parse(id) is { } local && await s.Reads.EventAsync(local, c.CancellationToken) is { } entry && EventResolvers.CanSee(Caller.Of(c), entry, d.Policies.Effective().DelegationVisibility)
                    ? entry
                    : null,
        });

    /// <summary>Only the form <see cref="Ids.Of"/> writes: "01" is no id, so no two ids name one object.</summary>
    private static long? Parse(string id) =>
        long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var local) && local.ToString(CultureInfo.InvariantCulture) == id ? local : null;
}
