using Governance.Core.Delegation;
using Governance.Core.Policies;
using Governance.Core.Storage;
using Governance.GraphQL.Execution;
using Governance.GraphQL.Types;

namespace Governance.Api.Schema;

/// <summary>
/// Delegation, DelegationScope, Delegator, Query.delegationGraph and Query.concentration. Who
/// sees a delegation follows the policy delegationVisibility (public, members or involved), the
/// same rule node(id), the events query and the event-log export apply. A delegation's member
/// and its delegates always see it (Google Votes' rule: "if I give you my vote, I can see what
/// you do with it").
/// </summary>
internal static class DelegationResolvers
{
    public static SchemaBuilder AddDelegations(this SchemaBuilder builder, SchemaServices s, DomainServices d) => builder
        .BindType<DelegationVersion>("Delegation")
        .Resolve("Delegation.id", c => Ids.Of(Ids.Delegation, c.ParentAs<DelegationVersion>().Id))
        .ResolveAsync("Delegation.member", c => c.Member(s.Reads, c.ParentAs<DelegationVersion>().MemberId))
        .Resolve("Delegation.scope", c => Scopes.ToGraph(c.ParentAs<DelegationVersion>().Scope))
        .ResolveAsync("Delegation.delegates", c => c.Members(s.Reads, c.ParentAs<DelegationVersion>().Delegates))
        .BindType<ScopeView>("DelegationScope")
        .ResolveAsync("DelegationScope.area", async c => c.ParentAs<ScopeView>().AreaId is long id ? await c.Area(s.Reads, id) : null)
        .ResolveAsync("DelegationScope.proposal", async c => c.ParentAs<ScopeView>().ProposalId is long id ? await c.Proposal(s.Reads, id) : null)
        .BindType<DelegatorView>("Delegator")
        .ResolveAsync("Delegator.member", c => c.Member(s.Reads, c.ParentAs<DelegatorView>().MemberId))
        .ResolveAsync("Query.delegationGraph", c => DelegationGraphAsync(c, s, d))
        .BindType<DelegationGraph>("DelegationGraph")
        .ResolveAsync("DelegationGraph.area", c => c.Area(s.Reads, c.ParentAs<DelegationGraph>().AreaId))
        .BindType<DelegationGraphNode>("GraphNode")
        .ResolveAsync("GraphNode.member", c => c.Member(s.Reads, c.ParentAs<DelegationGraphNode>().MemberId))
        .BindType<DelegationGraphEdge>("GraphEdge")
        .ResolveAsync("GraphEdge.from", c => c.Member(s.Reads, c.ParentAs<DelegationGraphEdge>().From))
        .ResolveAsync("GraphEdge.to", c => c.Member(s.Reads, c.ParentAs<DelegationGraphEdge>().To))
        .ResolveAsync("Query.concentration", c => ConcentrationAsync(c, s, d))
        .BindType<ConcentrationReport>("Concentration")
        .ResolveAsync("Concentration.area", c => c.Area(s.Reads, c.ParentAs<ConcentrationReport>().AreaId))
        .ResolveAsync("Concentration.superDelegates", c => c.Members(s.Reads, c.ParentAs<ConcentrationReport>().SuperDelegates))
        .BindType<WeightBucket>("WeightBucket")
        .BindType<WeightShare>("WeightShare")
        .ResolveAsync("WeightShare.member", c => c.Member(s.Reads, c.ParentAs<WeightShare>().MemberId))
        .BindType<DelegationChain>("DelegationChain")
        .ResolveAsync("DelegationChain.member", c => c.Member(s.Reads, c.ParentAs<DelegationChain>().MemberId))
        .ResolveAsync("DelegationChain.holder", c => c.Member(s.Reads, c.ParentAs<DelegationChain>().HolderId))
        .ResolveAsync("DelegationChain.path", c => c.Members(s.Reads, c.ParentAs<DelegationChain>().Path))
        .BindType<DelegationCycle>("DelegationCycle")
        .ResolveAsync("DelegationCycle.members", c => c.Members(s.Reads, c.ParentAs<DelegationCycle>().Members));

    private static async Task<DelegationGraph?> DelegationGraphAsync(ResolveContext c, SchemaServices s, DomainServices d)
    {
        var (rule, reader) = Visibility(c, d);
        var areaId = await AreaResolvers.AreaArgumentOrRootAsync(c, s, "area");
        if (areaId is null)
        {
            return null;
        }

        var graph = s.Engine.Read(e => e.Graph(areaId.Value, TallyPolicyOf(d, areaId.Value)));
        return rule.MaySeeAll(reader) ? graph : OnlyMine(graph, reader!.Value);
    }

    private static async Task<ConcentrationReport?> ConcentrationAsync(ResolveContext c, SchemaServices s, DomainServices d)
    {
        var (rule, reader) = Visibility(c, d);
        var areaId = await AreaResolvers.AreaArgumentOrRootAsync(c, s, "area");
        if (areaId is null)
        {
            return null;
        }

        // Chains and cycles name who delegates to whom along them: under "involved" only the
        // figures stay (a chain through the caller would still name others' delegations).
        var report = s.Engine.Read(e => e.Concentration(areaId.Value, TallyPolicyOf(d, areaId.Value)));
        return rule.MaySeeAll(reader) ? report : report with { LongestChains = [], Cycles = [] };
    }

    /// <summary>The tally rules of the area's policy in force (viscosity, super-delegate share, quorum, majority).</summary>
    public static TallyPolicy TallyPolicyOf(DomainServices d, long areaId)
    {
        var policy = d.Policies.Effective(areaId);
        return new TallyPolicy
        {
            Viscosity = policy.Viscosity,
            SuperDelegateShare = policy.SuperDelegateShare,
            QuorumShare = policy.VoteQuorumShare,
            Majority = policy.Majority,
        };
    }

    /// <summary>The organisation's delegationVisibility, and the caller as a reader (null unless signed in with the read scope).</summary>
    public static (DelegationVisibility Rule, long? Reader) Visibility(ResolveContext c, DomainServices d)
    {
        var caller = Caller.Of(c);
        var rule = d.Policies.Effective().DelegationVisibility;
        if (rule != DelegationVisibility.Public)
        {
            // Members and involved: anonymous callers see nothing of it, and are told to sign in.
            MemberResolvers.RequireRead(caller);
        }

        return (rule, caller.CanRead ? caller.MemberId : null);
    }

    /// <summary>Who may see a delegation version under the organisation's delegationVisibility.</summary>
    public static bool CanSee(Caller caller, DelegationVersion delegation, DelegationVisibility rule) =>
        rule.MaySee(caller.CanRead ? caller.MemberId : null, delegation.MemberId, delegation.Delegates);

    /// <summary>The graph as "involved" shows it to <paramref name="me"/>: my delegations and those naming me, and the members they join.</summary>
    private static DelegationGraph OnlyMine(DelegationGraph graph, long me)
    {
        var edges = graph.Edges.Where(e => e.From == me || e.To == me).ToList();
        var members = edges.SelectMany(e => new[] { e.From, e.To }).Append(me).ToHashSet();
        return graph with { Nodes = [.. graph.Nodes.Where(n => members.Contains(n.MemberId))], Edges = edges };
    }
}

/// <summary>A member who delegates to the viewer (Viewer.delegators): in which scope, at which rank.</summary>
internal sealed record DelegatorView(long MemberId, ScopeView Scope, int Rank);
