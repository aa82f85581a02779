using Governance.Core.Delegation;

namespace Governance.Core.Tests.Delegation;

/// <summary>The cases a member would ask about, each in a tiny organisation of named members.</summary>
public sealed class DelegationBehaviourTests
{
    private const long P = 1;
    private const long Party = 10;
    private const long Housing = 11;
    private const long Ann = 1, Bob = 2, Cy = 3, Dee = 4, Eve = 5;

    private static DelegationEngine Organisation(int members = 5)
    {
        var engine = new DelegationEngine();
        for (long m = 1; m <= members; m++) engine.AddMember(m);
        engine.AddArea(Party, null);
        engine.AddArea(Housing, Party);
        engine.AddProposal(P, Housing);
        return engine;
    }

    private static double WeightOf(Tally tally, long member) =>
        tally.Weights.SingleOrDefault(w => w.MemberId == member).Weight;

    [Fact]
    public void MyFirstChoiceDoesNotVoteNorDelegateSoMySecondChoiceCarriesMyVote()
    {
        var engine = Organisation();
        engine.SetDelegation(Ann, DelegationScope.Global, [Bob, Cy]);
        engine.CastVote(P, Cy, VoteChoice.Yes);

        var tally = engine.Count(P, TallyPolicy.Default);

        Assert.Equal(2.0, WeightOf(tally, Cy));
        Assert.Equal(2.0, tally.Yes);
        var path = engine.WhereDoesMyVoteGo(P, Ann);
        Assert.Equal(VotePathOutcome.Carried, path.Outcome);
        Assert.Equal([new VoteHop(Ann, Cy, 2, DelegationScope.Global)], path.Hops);
        Assert.Equal(VotePathOutcome.DeadEnd, engine.WhereDoesMyVoteGo(P, Bob).Outcome);
    }

    [Fact]
    public void MyDelegateVotesDirectlySoTheirOwnDelegationIsIgnored()
    {
        var engine = Organisation();
        engine.SetDelegation(Ann, DelegationScope.Global, [Bob]);
        engine.SetDelegation(Bob, DelegationScope.Global, [Cy]);
        engine.CastVote(P, Bob, VoteChoice.No);
        engine.CastVote(P, Cy, VoteChoice.Yes);

        var tally = engine.Count(P, TallyPolicy.Default);

        Assert.Equal(2.0, WeightOf(tally, Bob));
        Assert.Equal(1.0, WeightOf(tally, Cy));
        Assert.Equal((1.0, 2.0), (tally.Yes, tally.No));
        Assert.False(tally.Passed);
    }

    [Fact]
    public void CycleOfThreeReachesTheVoterOutsideOnlyThroughTheMemberWhoNamesThem()
    {
        var engine = Organisation(members: 4);
        engine.SetDelegation(Ann, DelegationScope.Global, [Bob]);
        engine.SetDelegation(Bob, DelegationScope.Global, [Cy]);
        engine.SetDelegation(Cy, DelegationScope.Global, [Ann]);
        engine.CastVote(P, Dee, VoteChoice.Yes);

        var closed = engine.Count(P, TallyPolicy.Default);
        Assert.Equal((3, 0), (closed.Unrepresented, closed.Represented));
        var cycle = engine.WhereDoesMyVoteGo(P, Ann);
        Assert.Equal(VotePathOutcome.Cycle, cycle.Outcome);
        Assert.Equal([Ann, Bob, Cy], cycle.Cycle);

        // Cy adds Dee as second choice: the whole cycle drains to Dee, each by its shortest way.
        engine.SetDelegation(Cy, DelegationScope.Global, [Ann, Dee]);
        var open = engine.Count(P, TallyPolicy.Default with { Viscosity = 0.5 });
        Assert.Equal((0, 3), (open.Unrepresented, open.Represented));
        Assert.Equal(1 + 0.5 + 0.25 + 0.125, WeightOf(open, Dee));
        Assert.Equal([Ann, Bob, Cy, Dee], engine.WhereDoesMyVoteGo(P, Ann).Hops.Select(h => h.To).Prepend(Ann));
    }

    [Fact]
    public void RevokedDelegationStopsCarryingWeightAtOnce()
    {
        var engine = Organisation();
        engine.SetDelegation(Ann, DelegationScope.Global, [Bob]);
        engine.CastVote(P, Bob, VoteChoice.Yes);
        var live = engine.StartLiveTally(P, TallyPolicy.Default);
        Assert.Equal(2.0, live.Yes);

        engine.RevokeDelegation(Ann, DelegationScope.Global);

        Assert.Equal(1.0, live.Yes);
        Assert.Equal((0, 4), (live.Represented, live.Unrepresented)); // Ann joins Cy, Dee and Eve
        Assert.Equal(VotePathOutcome.DeadEnd, engine.WhereDoesMyVoteGo(P, Ann).Outcome);
    }

    [Fact]
    public void ExplicitNoDelegationInAnAreaBlocksTheGlobalOne()
    {
        var engine = Organisation();
        engine.SetDelegation(Ann, DelegationScope.Global, [Bob]);
        engine.SetDelegation(Ann, DelegationScope.ForArea(Party), []);
        engine.CastVote(P, Bob, VoteChoice.Yes);

        Assert.Equal(1.0, engine.Count(P, TallyPolicy.Default).Yes);

        // A sub-area delegation is more specific than the parent's block.
        engine.SetDelegation(Ann, DelegationScope.ForArea(Housing), [Bob]);
        Assert.Equal(2.0, engine.Count(P, TallyPolicy.Default).Yes);
        Assert.Equal(DelegationScope.ForArea(Housing), engine.WhereDoesMyVoteGo(P, Ann).Hops[0].Scope);
    }

    [Fact]
    public void ProposalDelegationOverridesAreaAndGlobal()
    {
        var engine = Organisation();
        engine.SetDelegation(Ann, DelegationScope.Global, [Bob]);
        engine.SetDelegation(Ann, DelegationScope.ForArea(Housing), [Bob]);
        engine.SetDelegation(Ann, DelegationScope.ForProposal(P), [Cy]);
        engine.CastVote(P, Bob, VoteChoice.Yes);
        engine.CastVote(P, Cy, VoteChoice.No);

        var tally = engine.Count(P, TallyPolicy.Default);

        Assert.Equal((1.0, 2.0), (tally.Yes, tally.No));
    }

    [Fact]
    public void DelegateWithoutVotingRightIsSkippedAndTheirVoteNotCounted()
    {
        var engine = Organisation();
        engine.SetDelegation(Ann, DelegationScope.Global, [Bob, Cy]);
        engine.CastVote(P, Bob, VoteChoice.Yes);
        engine.CastVote(P, Cy, VoteChoice.No);
        engine.SetVotingRight(Bob, false);

        var tally = engine.Count(P, TallyPolicy.Default);

        Assert.Equal((0.0, 2.0), (tally.Yes, tally.No));
        Assert.Equal(4, tally.Eligible);
        Assert.Equal([new VoteHop(Ann, Cy, 2, DelegationScope.Global)], engine.WhereDoesMyVoteGo(P, Ann).Hops);
    }

    [Fact]
    public void FewerHopsBeatABetterRankAndRanksBreakTiesHopByHop()
    {
        var engine = Organisation();

        // Ann's first choice Bob reaches Dee in two hops; her second choice Cy votes: one hop wins.
        engine.SetDelegation(Ann, DelegationScope.Global, [Bob, Cy]);
        engine.SetDelegation(Bob, DelegationScope.Global, [Dee]);
        engine.CastVote(P, Cy, VoteChoice.No);
        engine.CastVote(P, Dee, VoteChoice.Yes);
        Assert.Equal(Cy, engine.WhereDoesMyVoteGo(P, Ann).CarrierId);

        // Cy now delegates to Eve instead of voting: both routes take two hops, the first hop's rank decides.
        engine.WithdrawVote(P, Cy);
        engine.SetDelegation(Cy, DelegationScope.Global, [Eve]);
        engine.CastVote(P, Eve, VoteChoice.No);
        Assert.Equal(Dee, engine.WhereDoesMyVoteGo(P, Ann).CarrierId);
    }

    [Fact]
    public void ChangingAVoteMovesTheCarriedWeightBetweenYesAndNo()
    {
        var engine = Organisation();
        engine.SetDelegation(Ann, DelegationScope.Global, [Bob]);
        engine.SetDelegation(Cy, DelegationScope.Global, [Bob]);
        engine.CastVote(P, Bob, VoteChoice.Yes);
        var live = engine.StartLiveTally(P, TallyPolicy.Default);

        engine.CastVote(P, Bob, VoteChoice.No);

        Assert.Equal((0.0, 3.0), (live.Yes, live.No));
    }

    [Fact]
    public void ViscosityShrinksWeightPerHop()
    {
        var engine = Organisation();
        engine.SetDelegation(Ann, DelegationScope.Global, [Bob]);
        engine.SetDelegation(Bob, DelegationScope.Global, [Cy]);
        engine.CastVote(P, Cy, VoteChoice.Yes);

        var tally = engine.Count(P, TallyPolicy.Default with { Viscosity = 0.5 });

        Assert.Equal(1 + 0.5 + 0.25, tally.Yes);
        Assert.Equal(0.25, engine.WhereDoesMyVoteGo(P, Ann, TallyPolicy.Default with { Viscosity = 0.5 }).ArrivingWeight);
    }

    [Fact]
    public void SelfDelegationAndDuplicateOrTooManyDelegatesAreRejected()
    {
        var engine = Organisation();
        Assert.Throws<ArgumentException>(() => engine.SetDelegation(Ann, DelegationScope.Global, [Ann]));
        Assert.Throws<ArgumentException>(() => engine.SetDelegation(Ann, DelegationScope.Global, [Bob, Bob]));
        Assert.Throws<ArgumentException>(() => engine.SetDelegation(Ann, DelegationScope.Global, [Bob, Cy, Dee, Eve]));
        Assert.Throws<ArgumentException>(() => engine.SetDelegation(Ann, DelegationScope.Global, [99]));
        Assert.Null(engine.GetDelegation(Ann, DelegationScope.Global));
    }

    [Fact]
    public void SuperDelegateIsFlaggedAtExactlyTheShare()
    {
        // 7 of 70 is exactly 10 %, but 0.1 × 70 is 7.000000000000001 in binary floating point.
        var engine = new DelegationEngine();
        for (long m = 1; m <= 70; m++) engine.AddMember(m);
        engine.AddArea(Party, null);
        engine.AddProposal(P, Party);
        for (long m = 2; m <= 7; m++) engine.SetDelegation(m, DelegationScope.Global, [1]);
        engine.CastVote(P, 1, VoteChoice.Yes);

        var tally = engine.Count(P, TallyPolicy.Default);

        Assert.Equal(7.0, tally.Yes);
        Assert.Equal([1L], tally.SuperDelegates);
        Assert.True(tally.QuorumReached);
        Assert.False(engine.Count(P, TallyPolicy.Default with { SuperDelegateShare = 0.11, QuorumShare = 0.11 }).QuorumReached);
    }
}
