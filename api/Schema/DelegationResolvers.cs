using Governance.Core.Delegation;
using Governance.Core.Storage;
using Governance.GraphQL.Execution;
using Governance.GraphQL.Types;

namespace Governance.Api.Schema;

/// <summary>
/// Delegation, DelegationScope, Delegator, Query.delegationGraph and Query.concentration. A
/// delegation is seen by its member and by the members it names (Google Votes' rule: "if I
/// give you my vote, I can see what you do with it"); the area-wide picture by members.
/// </summary>
internal static class DelegationResolvers
{
    public static SchemaBuilder AddDelegations(this SchemaBuilder builder, SchemaServices s, DomainServices d) => builder
        .BindType<DelegationVersion>("Delegation")
        .Resolve("Delegation.id", c => Ids.Of(Ids.Delegation, c.ParentAs<DelegationVersion>().Id))
        .ResolveAsync("Delegation.member", c => c.Member(s.Reads, c.ParentAs<DelegationVersion>().MemberId))
        .Resolve("Delegation.scope", c => Scopes.ToGraph(c.ParentAs<DelegationVersion>().Scope))
        .ResolveAsync("Delegation.delegates", c => c.Members(s.Reads, c.ParentAs<DelegationVersion>().Delegates))
        .BindDictionary("DelegationScope")
        .ResolveAsync("DelegationScope.area", async c =>
            ((IReadOnlyDictionary<string, object?>)c.Parent!)["areaId"] is long id ? await c.Area(s.Reads, id) : null)
        .ResolveAsync("DelegationScope.proposal", async c =>
            ((IReadOnlyDictionary<string, object?>)c.Parent!)["proposalId"] is long id ? await c.Proposal(s.Reads, id) : null)
        .BindDictionary("Delegator")
        .ResolveAsync("Delegator.member", c => c.Member(s.Reads, (long)((IReadOnlyDictionary<string, object?>)c.Parent!)["memberId"]!))
        .ResolveAsync("Query.delegationGraph", async c =>
        {
            MemberResolvers.RequireRead(Caller.Of(c));
            var areaId = await AreaResolvers.AreaArgumentOrRootAsync(c, s, "area");
            return areaId is null ? null : s.Engine.Read(e => e.Graph(areaId.Value, TallyPolicyOf(d, areaId.Value)));
        })
        .BindType<DelegationGraph>("DelegationGraph")
        .ResolveAsync("DelegationGraph.area", c => c.Area(s.Reads, c.ParentAs<DelegationGraph>().AreaId))
        .BindType<DelegationGraphNode>("GraphNode")
        .ResolveAsync("GraphNode.member", c => c.Member(s.Reads, c.ParentAs<DelegationGraphNode>().MemberId))
        .BindType<DelegationGraphEdge>("GraphEdge")
        .ResolveAsync("GraphEdge.from", c => c.Member(s.Reads, c.ParentAs<DelegationGraphEdge>().From))
        .ResolveAsync("GraphEdge.to", c => c.Member(s.Reads, c.ParentAs<DelegationGraphEdge>().To))
        .ResolveAsync("Query.concentration", async c =>
        {
            MemberResolvers.RequireRead(Caller.Of(c));
            var areaId = await AreaResolvers.AreaArgumentOrRootAsync(c, s, "area");
            return areaId is null ? null : s.Engine.Read(e => e.Concentration(areaId.Value, TallyPolicyOf(d, areaId.Value)));
        })
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

    /// <summary>Who may see a delegation version: its member, and the members it names.</summary>
    public static bool CanSee(Caller caller, DelegationVersion delegation) =>
        caller.CanRead && (delegation.MemberId == caller.MemberId || delegation.Delegates.Contains(caller.MemberId!.Value));
}
