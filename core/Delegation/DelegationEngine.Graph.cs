namespace Governance.Core.Delegation;

/// <summary>A member in the drawing of an area's delegations.</summary>
public sealed record DelegationGraphNode(long MemberId, double Weight, bool IsHolder, bool IsSuperDelegate, bool InCycle);

/// <summary>An arrow: <see cref="From"/> names <see cref="To"/> at <see cref="Rank"/> (1-based) in the delegation that applies in the area.</summary>
public sealed record DelegationGraphEdge(long From, long To, int Rank, ScopeKind Scope);

/// <summary>The effective delegations of an area among members with a voting right, and what each holder carries.</summary>
public sealed record DelegationGraph(long AreaId, IReadOnlyList<DelegationGraphNode> Nodes, IReadOnlyList<DelegationGraphEdge> Edges);

public sealed partial class DelegationEngine
{
    /// <summary>
    /// The delegation graph of an area for drawing: an edge for every usable delegate of every
    /// eligible member's effective delegation in the area (the same inheritance as a tally), and
    /// a node for every member on an edge, weighted as in <see cref="Concentration"/> (holders
    /// carry, delegating members pass on). Members in no delegation are left out: they hold 1.
    /// </summary>
    public DelegationGraph Graph(long areaId, TallyPolicy policy)
    {
        var area = NewProposalState(long.MinValue, AreaIndexOf(areaId));
        var edges = new List<DelegationGraphEdge>();
        var onEdge = new HashSet<int>();
        for (int x = 0; x < MemberCount; x++)
        {
            if (!_votingRight[x]) continue;
            var list = Inherited(x, area, out int from);
            bool usable = false;
            for (int r = 0; r < list.Length; r++)
            {
                int d = list[r];
                if (!_votingRight[d]) continue;
                usable = true;
                edges.Add(new DelegationGraphEdge(_members.IdOf(x), _members.IdOf(d), r + 1, from >= 0 ? ScopeKind.Area : ScopeKind.Global));
                onEdge.Add(x);
                onEdge.Add(d);
            }

            if (!usable) area.Votes[x] = VoteChoice.Abstain;
        }

        var state = new TallyState(this, area, policy);
        state.Build();
        var inCycle = new HashSet<long>(Cycles(state, int.MaxValue).SelectMany(c => c.Members));
        var nodes = onEdge.Order().Select(x =>
        {
            bool holder = (state.Flags[x] & TallyState.EligibleVoter) == TallyState.EligibleVoter;
            double weight = holder ? state.WeightOf(x) : 0;
            long id = _members.IdOf(x);
            return new DelegationGraphNode(id, weight, holder, holder && Thresholds.AtLeastShare(weight, policy.SuperDelegateShare, state.EligibleCount), inCycle.Contains(id));
        }).ToList();
        return new DelegationGraph(areaId, nodes, edges);
    }
}
