using Governance.Core.Delegation;

namespace Governance.Core.Tests.Delegation;

public sealed class DelegationGraphTests
{
    private const long Party = 10, Housing = 11, Sport = 12;

    [Fact]
    public void GraphDrawsTheEffectiveDelegationsOfTheAreaWithHolderWeightsAndCycles()
    {
        var engine = new DelegationEngine();
        for (long m = 1; m <= 10; m++) engine.AddMember(m);
        engine.AddArea(Party, null);
        engine.AddArea(Housing, Party);
        engine.AddArea(Sport, Party);

        // The same organisation as the concentration report's test: 1 → 2 → 3 → 4 and 5 → 4;
        // 6 ↔ 7 trapped; 8 → 9 only in Sport. 10 delegates to a member without a voting right.
        engine.SetDelegation(1, DelegationScope.Global, [2]);
        engine.SetDelegation(2, DelegationScope.ForArea(Party), [3]);
        engine.SetDelegation(3, DelegationScope.ForArea(Housing), [4, 5]);
        engine.SetDelegation(5, DelegationScope.Global, [4]);
        engine.SetDelegation(6, DelegationScope.Global, [7]);
        engine.SetDelegation(7, DelegationScope.Global, [6]);
        engine.SetDelegation(8, DelegationScope.ForArea(Sport), [9]);
        engine.AddMember(11, votingRight: false);
        engine.SetDelegation(10, DelegationScope.Global, [11]);

        var graph = engine.Graph(Housing, TallyPolicy.Default with { SuperDelegateShare = 0.3 });

        Assert.Equal(
            [
                new DelegationGraphEdge(1, 2, 1, ScopeKind.Global),
                new DelegationGraphEdge(2, 3, 1, ScopeKind.Area),
                new DelegationGraphEdge(3, 4, 1, ScopeKind.Area),
                new DelegationGraphEdge(3, 5, 2, ScopeKind.Area),
                new DelegationGraphEdge(5, 4, 1, ScopeKind.Global),
                new DelegationGraphEdge(6, 7, 1, ScopeKind.Global),
                new DelegationGraphEdge(7, 6, 1, ScopeKind.Global),
            ],
            graph.Edges);
        var nodes = graph.Nodes.ToDictionary(n => n.MemberId);
        Assert.Equal([1L, 2, 3, 4, 5, 6, 7], nodes.Keys);
        Assert.Equal(new DelegationGraphNode(4, 5, true, true, false), nodes[4]);
        Assert.Equal(new DelegationGraphNode(1, 0, false, false, false), nodes[1]);
        Assert.True(nodes[6].InCycle && nodes[7].InCycle);
        Assert.False(nodes[6].IsHolder);
    }
}
