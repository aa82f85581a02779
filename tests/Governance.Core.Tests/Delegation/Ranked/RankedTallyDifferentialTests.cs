using Governance.Core.Delegation;
using Governance.Core.Delegation.Ranked;

namespace Governance.Core.Tests.Delegation.Ranked;

/// <summary>
/// The ranked tally against a naive one: the reference resolves every member's carrier by
/// searching its own paths, then each member — not each voter — adds α^hops to every pair of
/// its carrier's ballot; Schulze by brute force over every path; the status-quo rules by hand.
/// </summary>
public class RankedTallyDifferentialTests
{
    [Fact]
    public void RankedTallyEqualsANaivePerMemberTallyOnRandomOrganisations()
    {
        var random = new Random(18_010);
        for (int n = 0; n < 400; n++)
        {
            var org = RandomOrganisation.Create(random, random.Next(1, 14));
            int c = random.Next(2, 6);
            var ballots = new Dictionary<int, RankedBallot>();
            foreach (var m in org.Votes.Keys.ToList())
            {
                org.Votes[m] = VoteChoice.Abstain;
                ballots[m] = RandomBallot(random, c);
            }

            var engine = org.BuildEngine();
            foreach (var (m, ballot) in ballots) engine.CastRankedBallot(Organisation.Proposal, Organisation.MemberId(m), ballot);
            var tally = engine.CountRanked(Organisation.Proposal, c, org.Policy);

            var reference = ReferenceTally.Compute(org);
            var d = new double[c * c];
            for (int m = 0; m < org.Count; m++)
            {
                if (!org.VotingRight[m]) continue;
                RankedBallot ballot;
                double weight;
                if (ballots.TryGetValue(m, out var own)) (ballot, weight) = (own, 1.0);
                else if (reference.Carried.TryGetValue(m, out var carried)) (ballot, weight) = (ballots[carried.Carrier], Math.Pow(org.Policy.Viscosity, carried.Hops));
                else continue;
                for (int i = 0; i < c; i++)
                {
                    for (int j = 0; j < c; j++)
                    {
                        if (ballot.Prefers(i, j)) d[i * c + j] += weight;
                    }
                }
            }

            string context = $"case {n}, {c} choices\n{org}";
            for (int x = 0; x < d.Length; x++) Assert.True(Math.Abs(d[x] - tally.Pairwise[x]) < 1e-9, context);
            Assert.Equal(reference.Eligible, tally.Participation.Eligible);
            Assert.Equal(reference.Voters, tally.Participation.Voters);
            Assert.Equal(reference.QuorumReached, tally.QuorumReached);

            // Schulze on the engine's matrix agrees with brute force wherever it is not a tie.
            var beats = NaiveSchulze.Beats([.. tally.Pairwise], c);
            for (int i = 0; i < c; i++)
            {
                for (int j = 0; j < c; j++)
                {
                    if (beats[i, j]) Assert.True(Place(tally, i) < Place(tally, j), context);
                }
            }

            foreach (var alt in tally.Alternatives)
            {
                double above = d[alt.Choice * c], below = d[alt.Choice];
                Assert.Equal(Thresholds.MoreThanShare(above, org.Policy.Majority, above + below), alt.Majority);
                Assert.Equal(Thresholds.AtLeastShare(above + below, org.Policy.QuorumShare, reference.Eligible), alt.QuorumReached);
                bool better = Place(tally, alt.Choice) < Place(tally, 0);
                Assert.Equal(reference.QuorumReached && alt.QuorumReached && alt.Majority && better, alt.Eligible);
            }

            var expectedWinner = tally.Alternatives.Where(a => a.Eligible).OrderBy(a => a.Rank).Select(a => (int?)a.Choice).FirstOrDefault();
            Assert.Equal(expectedWinner, tally.Winner);
        }
    }

    [Fact]
    public void ADelegatesRankingCountsWithTheWeightTheyCarry()
    {
        // ann and bob delegate to cy; cy ranks a2 over the status quo over a1; dee ranks a1 first.
        var engine = new DelegationEngine();
        foreach (var id in new long[] { 1, 2, 3, 4 }) engine.AddMember(id);
        engine.AddArea(10, null);
        engine.AddProposal(100, 10);
        engine.SetDelegation(1, DelegationScope.Global, [3]);
        engine.SetDelegation(2, DelegationScope.Global, [3]);
        engine.CastRankedBallot(100, 3, RankedBallot.FromGroups(3, [[2], [0], [1]]));
        engine.CastRankedBallot(100, 4, RankedBallot.FromGroups(3, [[1]]));

        var tally = engine.CountRanked(100, 3, TallyPolicy.Default);

        Assert.Equal(3.0, tally.Pairwise[2 * 3 + 0]); // a2 over the status quo: cy's 3
        Assert.Equal(1.0, tally.Pairwise[1 * 3 + 0]); // a1 over the status quo: dee alone
        Assert.Equal(3.0, tally.Pairwise[0 * 3 + 1]);
        Assert.Equal(2, tally.Winner);
        Assert.Equal([2, 0, 1], tally.Order);
        Assert.False(tally.Alternatives[0].Majority);
    }

    [Fact]
    public void AnAlternativeThatDoesNotBeatTheStatusQuoByTheMajorityCannotWin()
    {
        // Three prefer a1 to the status quo, two the reverse: 60 % is not more than a 60 % majority.
        var engine = new DelegationEngine();
        for (long id = 1; id <= 5; id++) engine.AddMember(id);
        engine.AddArea(10, null);
        engine.AddProposal(100, 10);
        for (long id = 1; id <= 3; id++) engine.CastRankedBallot(100, id, RankedBallot.FromGroups(2, [[1], [0]]));
        for (long id = 4; id <= 5; id++) engine.CastRankedBallot(100, id, RankedBallot.FromGroups(2, [[0], [1]]));

        Assert.Equal(1, engine.CountRanked(100, 2, TallyPolicy.Default).Winner);
        var strict = engine.CountRanked(100, 2, TallyPolicy.Default with { Majority = 0.6 });
        Assert.Null(strict.Winner);
        Assert.True(strict.Alternatives[0].BetterThanStatusQuo);
        Assert.False(strict.Alternatives[0].Majority);
    }

    [Fact]
    public void WhereDoesMyVoteGoNamesTheDelegateWhoseRankingCarriesIt()
    {
        var engine = new DelegationEngine();
        foreach (var id in new long[] { 1, 2, 3 }) engine.AddMember(id);
        engine.AddArea(10, null);
        engine.AddProposal(100, 10);
        engine.SetDelegation(1, DelegationScope.Global, [2]);
        engine.SetDelegation(2, DelegationScope.Global, [3]);
        engine.CastRankedBallot(100, 3, RankedBallot.FromGroups(2, [[1], [0]]));

        var path = engine.WhereDoesMyVoteGo(100, 1);
        Assert.Equal(VotePathOutcome.Carried, path.Outcome);
        Assert.Equal(3, path.CarrierId);
        Assert.Equal(2, path.Hops.Count);

        // Changing to a yes/no vote drops the ranking: a ballot is one or the other.
        engine.CastVote(100, 3, VoteChoice.Yes);
        Assert.Equal(0.0, engine.CountRanked(100, 2, TallyPolicy.Default).Pairwise[1 * 2 + 0]);
    }

    private static int Place(RankedTally tally, int choice) => tally.Order.ToList().IndexOf(choice);

    private static RankedBallot RandomBallot(Random random, int c)
    {
        // A random weak order of a random subset: ties and unranked choices both occur.
        var groups = new List<List<int>>();
        foreach (int choice in Enumerable.Range(0, c).OrderBy(_ => random.Next()))
        {
            int slot = random.Next(groups.Count + 2);
            if (slot == groups.Count + 1) continue; // unranked
            if (slot == groups.Count) groups.Add([choice]);
            else groups[slot].Add(choice);
        }

        return RankedBallot.FromGroups(c, groups.Cast<IReadOnlyList<int>>().ToList());
    }
}
