using Governance.Core.Delegation;
using Governance.Core.Delegation.Synthetic;

namespace Governance.Core.Tests.Delegation;

public sealed class ConcentrationReportTests
{
    private const long Party = 10, Housing = 11, Sport = 12;

    [Fact]
    public void ReportShowsHoldersChainsSuperDelegatesAndTrappingCycles()
    {
        var engine = new DelegationEngine();
        for (long m = 1; m <= 10; m++) engine.AddMember(m);
        engine.AddArea(Party, null);
        engine.AddArea(Housing, Party);
        engine.AddArea(Sport, Party);

        // A chain 1 → 2 → 3 → 4 with 5 also delegating to 4; 6 ↔ 7 loop with no way out;
        // 8 delegates to 9 only in Sport, which does not count in Housing.
        engine.SetDelegation(1, DelegationScope.Global, [2]);
        engine.SetDelegation(2, DelegationScope.ForArea(Party), [3]);
        engine.SetDelegation(3, DelegationScope.ForArea(Housing), [4]);
        engine.SetDelegation(5, DelegationScope.Global, [4]);
        engine.SetDelegation(6, DelegationScope.Global, [7]);
        engine.SetDelegation(7, DelegationScope.Global, [6]);
        engine.SetDelegation(8, DelegationScope.ForArea(Sport), [9]);

        var report = engine.Concentration(Housing, TallyPolicy.Default with { SuperDelegateShare = 0.3 }, top: 3);

        Assert.Equal(10, report.Eligible);
        Assert.Equal(4, report.Holders); // 4, 8, 9, 10
        Assert.Equal(4, report.Delegating); // 1, 2, 3, 5
        Assert.Equal(2, report.Trapped); // 6, 7
        Assert.Equal(new WeightShare(4, 5, 0.5), report.Largest[0]);
        Assert.Equal([4L], report.SuperDelegates);
        var chain = report.LongestChains[0];
        Assert.Equal((1L, 4L, 3), (chain.MemberId, chain.HolderId, chain.Hops));
        Assert.Equal([1L, 2, 3, 4], chain.Path);
        var cycle = Assert.Single(report.Cycles);
        Assert.True(cycle.TrapsWeight);
        Assert.Equal([6L, 7L], cycle.Members.Order());
        Assert.Equal([(1.0, 3), (4.0, 1)], report.Distribution.Select(b => (b.MinWeight, b.Holders)));
    }

    [Fact]
    public void CycleWithAWayOutIsReportedButTrapsNothing()
    {
        var engine = new DelegationEngine();
        for (long m = 1; m <= 4; m++) engine.AddMember(m);
        engine.AddArea(Party, null);
        engine.SetDelegation(1, DelegationScope.Global, [2]);
        engine.SetDelegation(2, DelegationScope.Global, [3]);
        engine.SetDelegation(3, DelegationScope.Global, [1, 4]);

        var report = engine.Concentration(Party, TallyPolicy.Default);

        var cycle = Assert.Single(report.Cycles);
        Assert.Equal(3, cycle.Size);
        Assert.False(cycle.TrapsWeight);
        Assert.Equal(0, report.Trapped);
        Assert.Equal(4.0, report.Largest[0].Weight);
    }

    [Fact]
    public void ReportAccountsForEveryEligibleMemberOfAGeneratedOrganisation()
    {
        var engine = SyntheticOrganisation.Generate(5_000, seed: 3).LoadInto();

        var report = engine.Concentration(0, TallyPolicy.Default);

        Assert.Equal(report.Eligible, report.Holders + report.Delegating + report.Trapped);
        Assert.Equal(report.Holders + report.Delegating, report.Distribution.Sum(b => b.TotalWeight));
        Assert.Equal(report.Holders, report.Distribution.Sum(b => b.Holders));
        Assert.True(report.Largest.Zip(report.Largest.Skip(1)).All(p => p.First.Weight >= p.Second.Weight));
        Assert.All(report.LongestChains, c => Assert.Equal(c.Hops + 1, c.Path.Count));
    }
}
