using Governance.Api.Schema.Data;
using Governance.Core.Delegation;
using Governance.Core.Karma;
using Governance.GraphQL.Errors;
using Governance.GraphQL.Execution;
using Governance.GraphQL.Relay;
using Governance.GraphQL.Types;

namespace Governance.Api.Schema;

/// <summary>Member, Viewer, Query.viewer and Query.members.</summary>
internal static class MemberResolvers
{
    public static SchemaBuilder AddMembers(this SchemaBuilder builder, SchemaServices s, DomainServices d) => builder
        .BindType<MemberRow>("Member")
        .Resolve("Member.id", c => Ids.Of(Ids.Member, c.ParentAs<MemberRow>().Id))
        .Resolve("Member.roles", c => RolesOf(c.ParentAs<MemberRow>()))
        .Resolve("Member.votingRight", c => c.ParentAs<MemberRow>().VotingRight == 1)
        .Resolve("Member.joinedAt", c => DateTimeOffset.FromUnixTimeMilliseconds(c.ParentAs<MemberRow>().JoinedAt))
        .BindType<Connection<MemberRow>>("MemberConnection")
        .BindType<Edge<MemberRow>>("MemberEdge")
        .ResolveAsync("Query.viewer", c => ViewerAsync(c, s))
        .ResolveAsync("Query.members", c => MembersAsync(c, s))
        .AddViewer(s, d);

    private static async Task<ViewerRow?> ViewerAsync(ResolveContext c, SchemaServices s)
    {
        var caller = Caller.Of(c);
        if (!caller.IsAuthenticated)
        {
            return null;
        }

        RequireRead(caller);
        return await s.Reads.ViewerAsync(caller.MemberId!.Value, c.CancellationToken);
    }

    private static async Task<Connection<MemberRow>> MembersAsync(ResolveContext c, SchemaServices s)
    {
        RequireRead(Caller.Of(c));
        var arguments = ConnectionArguments.From(c);
        if (arguments.First is < 0 or > ConnectionBuilder.DefaultMaxPageSize || arguments.Last is < 0 or > ConnectionBuilder.DefaultMaxPageSize)
        {
            throw new GraphQLException($"Argument \"{(arguments.First is < 0 or > ConnectionBuilder.DefaultMaxPageSize ? "first" : "last")}\" must be between 0 and {ConnectionBuilder.DefaultMaxPageSize}.");
        }

        // Keyset cursors (handle, id): a member joining or leaving between pages moves no one
        // else, where an offset repeated or skipped a member (issue 20).
        var first = arguments.First ?? (arguments.Last is null ? ConnectionBuilder.DefaultMaxPageSize : null);
        var page = await s.Reads.SearchMembersAsync(
            c.Argument<string>("search"), MemberCursor.Decode(arguments.After), MemberCursor.Decode(arguments.Before), first, arguments.Last, c.CancellationToken);
        var edges = page.Rows.Select(m => new Edge<MemberRow>(m, MemberCursor.Encode(m))).ToList();
        return new Connection<MemberRow>(
            edges,
            new PageInfo(page.HasPrevious, page.HasNext, edges.FirstOrDefault()?.Cursor, edges.LastOrDefault()?.Cursor),
            (int)page.Total);
    }

    /// <summary>The viewer's karma under the organisation's policy (decayed to now), read once per request.</summary>
    private static async Task<KarmaStatus> KarmaOf(ResolveContext c, KarmaService karma) =>
        (await c.DataLoader<long, KarmaStatus>("karma", (ids, _) =>
            Task.FromResult<IReadOnlyDictionary<long, KarmaStatus>>(ids.ToDictionary(id => id, karma.Get))).LoadAsync(c.ParentAs<ViewerRow>().Id))!;

    private static SchemaBuilder AddViewer(this SchemaBuilder builder, SchemaServices s, DomainServices d) => builder
        .BindType<ViewerRow>("Viewer")
        .ResolveAsync("Viewer.member", c => c.Member(s.Reads, c.ParentAs<ViewerRow>().Id))
        .ResolveAsync("Viewer.karma", async c => (await KarmaOf(c, d.Karma)).Karma)
        .ResolveAsync("Viewer.level", async c => (await KarmaOf(c, d.Karma)).Level)
        .ResolveAsync("Viewer.allowance", async c => (await KarmaOf(c, d.Karma)).Allowance)
        .ResolveAsync("Viewer.allowanceLeft", async c => (await KarmaOf(c, d.Karma)).Available)
        .ResolveAsync("Viewer.maxPointsPerProposal", async c => (await KarmaOf(c, d.Karma)).ProposalCap)
        .ResolveAsync("Viewer.lotteryChance", async c => (await KarmaOf(c, d.Karma)).LotteryChance)
        .ResolveAsync("Viewer.nextDrawAt", async c => (await KarmaOf(c, d.Karma)).NextDrawAt)
        .ResolveAsync("Viewer.delegations", c => s.Delegations.CurrentForMemberAsync(c.ParentAs<ViewerRow>().Id))
        .ResolveAsync("Viewer.delegators", c => ViewerDelegatorsAsync(c, s))
        .ResolveAsync("Viewer.carriedWeight", c => ViewerCarriedWeightAsync(c, s, d))
        .ResolveAsync("Viewer.isSuperDelegate", c => ViewerIsSuperDelegateAsync(c, s, d))
        .ResolveAsync("Viewer.endorsementsGiven", c => s.Reads.EndorsementsAsync(c.ParentAs<ViewerRow>().Id, given: true, c.CancellationToken))
        .ResolveAsync("Viewer.endorsementsReceived", c => s.Reads.EndorsementsAsync(c.ParentAs<ViewerRow>().Id, given: false, c.CancellationToken))
        .BindType<EndorsementRow>("Endorsement")
        .ResolveAsync("Endorsement.from", c => c.Member(s.Reads, c.ParentAs<EndorsementRow>().FromId))
        .ResolveAsync("Endorsement.to", c => c.Member(s.Reads, c.ParentAs<EndorsementRow>().ToId))
        .Resolve("Endorsement.at", c => DateTimeOffset.FromUnixTimeMilliseconds(c.ParentAs<EndorsementRow>().At));

    private static async Task<List<DelegatorView>> ViewerDelegatorsAsync(ResolveContext c, SchemaServices s)
    {
        var rows = await s.Reads.DelegatorsAsync(c.ParentAs<ViewerRow>().Id, c.CancellationToken);
        return rows.Select(r => new DelegatorView(r.MemberId, Scopes.ToGraph(Scopes.FromRow(r.ScopeKind, r.AreaId, r.ProposalId)), (int)r.Rank)).ToList();
    }

    private static async Task<double?> ViewerCarriedWeightAsync(ResolveContext c, SchemaServices s, DomainServices d)
    {
        var (weight, _) = await CarriedAsync(c, s, d);
        return weight;
    }

    private static async Task<bool> ViewerIsSuperDelegateAsync(ResolveContext c, SchemaServices s, DomainServices d)
    {
        var (_, super) = await CarriedAsync(c, s, d);
        return super;
    }

    /// <summary>The viewer's weight in the area's concentration report (or in the root area).</summary>
    private static async Task<(double? Weight, bool Super)> CarriedAsync(ResolveContext c, SchemaServices s, DomainServices d)
    {
        var me = c.ParentAs<ViewerRow>().Id;
        var areaId = await AreaResolvers.AreaArgumentOrRootAsync(c, s, "area");
        if (areaId is null)
        {
            return (null, false);
        }

        var policy = DelegationResolvers.TallyPolicyOf(d, areaId.Value);
        var graph = s.Engine.Read(e => e.Graph(areaId.Value, policy));
        var node = graph.Nodes.FirstOrDefault(n => n.MemberId == me);
        if (node is null)
        {
            // In no delegation at all: holds their own vote.
            return (s.Engine.Read(e => e.Members.TryGetIndex(me, out _) && e.HasVotingRight(me)) ? 1.0 : null, false);
        }

        return (node.IsHolder ? node.Weight : null, node.IsSuperDelegate);
    }

    internal static IReadOnlyList<string> RolesOf(MemberRow member) =>
        (member.Roles ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries).Select(r => r.ToUpperInvariant()).Order(StringComparer.Ordinal).ToList();

    /// <summary>Private reads need a signed-in caller whose token (if any) has the read scope.</summary>
    internal static void RequireRead(Caller caller)
    {
        if (!caller.IsAuthenticated)
        {
            throw new GraphQLException(new GraphQLError("Sign in to read this.", extensions: new Dictionary<string, object?> { ["code"] = "UNAUTHENTICATED" }));
        }

        if (!caller.CanRead)
        {
            throw new GraphQLException(new GraphQLError("This token lacks the read scope.", extensions: new Dictionary<string, object?> { ["code"] = "MISSING_SCOPE" }));
        }
    }
}
