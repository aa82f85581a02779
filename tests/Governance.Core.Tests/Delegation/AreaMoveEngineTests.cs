using Governance.Core.Delegation;

namespace Governance.Core.Tests.Delegation;

/// <summary>A moved area: its proposals inherit area delegations along the new chain, in a full count, a live tally and a route.</summary>
public sealed class AreaMoveEngineTests
{
    private const long P = 1;
    private const long Party = 10, Economy = 11, Transport = 12, Cycling = 13, Later = 14;
    private const long Ann = 1, Bob = 2, Cy = 3;

    private static DelegationEngine Organisation()
    {
        var engine = new DelegationEngine();
        for (long m = 1; m <= 3; m++) engine.AddMember(m);
        engine.AddArea(Party, null);
        engine.AddArea(Economy, Party);
        engine.AddArea(Transport, Party);
        engine.AddArea(Cycling, Transport);
        engine.AddProposal(P, Cycling);
        return engine;
    }

    [Fact]
    public void AfterTheMoveTheNewParentsAreaDelegationCarriesTheVoteAndTheOldOneNoLonger()
    {
        var engine = Organisation();
        engine.SetDelegation(Ann, DelegationScope.ForArea(Transport), [Bob]);
        engine.SetDelegation(Ann, DelegationScope.ForArea(Economy), [Cy]);
        engine.CastVote(P, Bob, VoteChoice.Yes);
        engine.CastVote(P, Cy, VoteChoice.No);
        var live = engine.StartLiveTally(P, TallyPolicy.Default);
        Assert.Equal((2.0, 1.0), (live.Yes, live.No));

        engine.MoveArea(Cycling, Economy);

        var tally = engine.Count(P, TallyPolicy.Default);
        Assert.Equal((1.0, 2.0), (tally.Yes, tally.No));
        Assert.Equal((1.0, 2.0), (live.Yes, live.No));
        Assert.Equal([new VoteHop(Ann, Cy, 1, DelegationScope.ForArea(Economy))], engine.WhereDoesMyVoteGo(P, Ann).Hops);
    }

    [Fact]
    public void AnAreaAddedAfterTheProposalCanBecomeItsAncestor()
    {
        var engine = Organisation();
        engine.AddArea(Later, Party);
        engine.SetDelegation(Ann, DelegationScope.ForArea(Later), [Bob]);
        engine.CastVote(P, Bob, VoteChoice.Yes);
        Assert.Equal(1.0, engine.Count(P, TallyPolicy.Default).Yes);

        engine.MoveArea(Transport, Later);

        Assert.Equal(2.0, engine.Count(P, TallyPolicy.Default).Yes);
    }

    [Fact]
    public void AMoveUnderItselfOrItsOwnSubAreaIsRefusedAndChangesNothing()
    {
        var engine = Organisation();
        engine.SetDelegation(Ann, DelegationScope.ForArea(Transport), [Bob]);
        engine.CastVote(P, Bob, VoteChoice.Yes);

        Assert.Throws<ArgumentException>(() => engine.MoveArea(Transport, Cycling));
        Assert.Throws<ArgumentException>(() => engine.MoveArea(Transport, Transport));
        Assert.Equal(2.0, engine.Count(P, TallyPolicy.Default).Yes);
    }
}
