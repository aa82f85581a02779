using Governance.Core.Delegation;
using Governance.GraphQL.Errors;
using Governance.GraphQL.Execution;
using Governance.GraphQL.Types;

namespace Governance.Api.Schema;

/// <summary>
/// Viewer.delegationRoute and VotePath.route: which of my delegations applies where, from the
/// one function in core (<see cref="DelegationEngine.Route"/>), so that the Delegations page,
/// the proposal page and whereDoesMyVoteGo say the same.
/// </summary>
internal static class DelegationRouteResolvers
{
    public static SchemaBuilder AddDelegationRoutes(this SchemaBuilder builder, SchemaServices s) => builder
        .ResolveAsync("Viewer.delegationRoute", c => ViewerDelegationRouteAsync(c, s))
        .BindType<DelegationRoute>("DelegationRoute")
        .BindType<DelegationStep>("DelegationStep")
        .Resolve("DelegationStep.scope", c => Scopes.ToGraph(c.ParentAs<DelegationStep>().Scope))
        .ResolveAsync("DelegationStep.delegates", c => c.Members(s.Reads, c.ParentAs<DelegationStep>().Delegates));
    private static async Task<DelegationRoute?> ViewerDelegationRouteAsync(ResolveContext c, SchemaServices s)
    {
        var me = c.ParentAs<Data.ViewerRow>().Id;
        if (c.Argument<string>("proposal") is { } given)
        {
            if (!Ids.TryLocal(given, Ids.Proposal, out var proposalId))
            {
                throw new GraphQLException($"\"{given}\" is not the id of a proposal.");
            }

            return await c.Proposal(s.Reads, proposalId) is { } proposal ? s.Engine.Read(e => e.Route(me, proposal.AreaId, proposalId)) : null;
        }

        // Neither given: the organisation-wide view, the first root area (as carriedWeight).
        return await AreaResolvers.AreaArgumentOrRootAsync(c, s, "area") is { } areaId ? s.Engine.Read(e => e.Route(me, areaId)) : null;
    }

}
