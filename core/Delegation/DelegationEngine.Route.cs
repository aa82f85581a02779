namespace Governance.Core.Delegation;

public sealed partial class DelegationEngine
{
    /// <summary>
    /// The one answer to "what happens to my vote here?": which of the member's delegations
    /// applies in <paramref name="areaId"/> (or on <paramref name="proposalId"/> in it) and which
    /// wider ones it leaves unused; for a proposal also the path hop by hop
    /// (<see cref="WhereDoesMyVoteGo"/>), carrying that route.
    /// </summary>
    public VotePath? Explain(long memberId, long proposalId, TallyPolicy? policy = null)
    {
        if (!_members.TryGetIndex(memberId, out _) || !HasProposal(proposalId))
        {
            return null;
        }

        var p = ProposalOf(proposalId);
        return WhereDoesMyVoteGo(proposalId, memberId, policy) with { Route = Route(memberId, _areaIds[p.Area], proposalId) };
    }

    /// <summary>
    /// The member's delegation that applies in an area, or on a proposal when given (DESIGN §3):
    /// the proposal's own, else the deepest area on the chain up from the area, else the global
    /// one; every record found further out is unused there. Null when the member or place is unknown.
    /// </summary>
    public DelegationRoute? Route(long memberId, long areaId, long? proposalId = null)
    {
        if (!_members.TryGetIndex(memberId, out _) || !HasArea(areaId) || (proposalId is { } pid && !HasProposal(pid)))
        {
            return null;
        }

        var found = new List<DelegationStep>();
        void Look(DelegationScope scope)
        {
            if (GetDelegation(memberId, scope) is { } delegates)
            {
                found.Add(new DelegationStep(scope, delegates));
            }
        }

        if (proposalId is { } proposal)
        {
            Look(DelegationScope.ForProposal(proposal));
        }

        for (int a = AreaIndexOf(areaId); a >= 0; a = _areaParent[a])
        {
            Look(DelegationScope.ForArea(_areaIds[a]));
        }

        Look(DelegationScope.Global);
        return new DelegationRoute(memberId, areaId, proposalId, found.FirstOrDefault(), found.Skip(1).ToList());
    }
}
