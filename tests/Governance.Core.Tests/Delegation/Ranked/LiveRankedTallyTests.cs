using Governance.Core.Delegation;
using Governance.Core.Delegation.Ranked;

namespace Governance.Core.Tests.Delegation.Ranked;

/// <summary>
/// The live engine holds ranked ballots (DESIGN §8): a ranked issue's provisional tally, kept in
/// step through random ballots, withdrawals, delegation changes, voting rights and new members,
/// equals at every step the full ranked tally of an engine built afresh from the same state.
/// </summary>
public class LiveRankedTallyTests
{
    [Fact]
    public void LiveRankedTallyEqualsAFreshEngineAfterEveryRandomChange()
    {
        var random = new Random(18_002);
        for (int run = 0; run < 300; run++)
        {
            var org = RandomOrganisation.Create(random, random.Next(1, 14));
            int c = random.Next(2, 7);
            var ballots = new Dictionary<int, RankedBallot>();
            foreach (var m in org.Votes.Keys.ToList()) Rank(org, ballots, m, RandomBallot(random, c));

            var engine = Build(org, ballots);
            var live = engine.StartLiveTally(Organisation.Proposal, org.Policy);
            var log = new List<string>();
            for (int step = 0; step < 30; step++)
            {
                log.Add(Change(random, org, ballots, engine, c));
                var expected = Build(org, ballots).CountRanked(Organisation.Proposal, c, org.Policy);
                var actual = live.Ranked(c);
                string context = $"run {run}, step {step}, {c} choices\n{org}\nballots: {string.Join(" ", ballots.Select(b => $"{b.Key}={Describe(b.Value)}"))}\nchanges:\n  {string.Join("\n  ", log)}";
                AssertSame(expected, actual, context);
            }
        }
    }

    [Fact]
    public void ADelegatorsWeightFollowsTheirDelegatesNewRankingInTheLiveTally()
    {
        // ann delegates to cy; cy ranks a1 first, then changes to the status quo first: the live
        // matrix moves both their weights, and where ann's vote goes names cy.
        var engine = new DelegationEngine();
        foreach (var id in new long[] { 1, 2, 3 }) engine.AddMember(id);
        engine.AddArea(10, null);
        engine.AddProposal(100, 10);
        engine.SetDelegation(1, DelegationScope.Global, [3]);
        var live = engine.StartLiveTally(100, TallyPolicy.Default);
        engine.CastRankedBallot(100, 3, RankedBallot.FromGroups(2, [[1], [0]]));
        Assert.Equal(2.0, live.Ranked(2).Pairwise[1 * 2 + 0]);
        Assert.Equal(1, live.Ranked(2).Winner);

        engine.CastRankedBallot(100, 3, RankedBallot.FromGroups(2, [[0], [1]]));
        var now = live.Ranked(2);
        Assert.Equal(0.0, now.Pairwise[1 * 2 + 0]);
        Assert.Equal(2.0, now.Pairwise[0 * 2 + 1]);
        Assert.Null(now.Winner);
        Assert.Equal(3, engine.WhereDoesMyVoteGo(100, 1).CarrierId);
    }

    private static void Rank(Organisation org, Dictionary<int, RankedBallot> ballots, int m, RankedBallot ballot)
    {
        org.Votes[m] = VoteChoice.Abstain;
        ballots[m] = ballot;
    }

    private static DelegationEngine Build(Organisation org, Dictionary<int, RankedBallot> ballots)
    {
        var engine = org.BuildEngine();
        foreach (var (m, ballot) in ballots) engine.CastRankedBallot(Organisation.Proposal, Organisation.MemberId(m), ballot);
        return engine;
    }

    /// <summary>A ballot cast or changed (half the time), withdrawn, or any other live change but a yes/no vote.</summary>
    private static string Change(Random random, Organisation org, Dictionary<int, RankedBallot> ballots, DelegationEngine engine, int c)
    {
        int m = random.Next(org.Count);
        long id = Organisation.MemberId(m);
        switch (random.Next(10))
        {
            case < 5:
                var ballot = RandomBallot(random, c);
                Rank(org, ballots, m, ballot);
                engine.CastRankedBallot(Organisation.Proposal, id, ballot);
                return $"{m} ranks {Describe(ballot)}";
            case < 6:
                org.Votes.Remove(m);
                ballots.Remove(m);
                engine.WithdrawVote(Organisation.Proposal, id);
                return $"{m} withdraws their ballot";
            default:
                // Yes/no votes have no place on a ranked issue: draw again until the change is another kind.
                while (true)
                {
                    int seed = random.Next();
                    if (!WouldVote(new Random(seed), org)) return LiveChanges.ApplyRandom(new Random(seed), org, engine);
                }
        }
    }

    /// <summary>Whether <see cref="LiveChanges.ApplyRandom"/> would cast or withdraw a yes/no vote with this random source (it draws the member, then the kind).</summary>
    private static bool WouldVote(Random random, Organisation org)
    {
        random.Next(org.Count);
        int kind = random.Next(20);
        return kind is >= 11 and < 17;
    }

    private static void AssertSame(RankedTally expected, RankedTally actual, string context)
    {
        try
        {
            TallyAssert.Identical(expected.Participation, actual.Participation);
        }
        catch (Xunit.Sdk.XunitException e)
        {
            throw new Xunit.Sdk.XunitException($"{e.Message}\n{context}");
        }

        Assert.True(expected.Pairwise.SequenceEqual(actual.Pairwise), $"pairwise [{string.Join(",", expected.Pairwise)}] vs live [{string.Join(",", actual.Pairwise)}]\n{context}");
        Assert.True(expected.Strength.SequenceEqual(actual.Strength), $"strongest paths differ\n{context}");
        Assert.True(expected.Order.SequenceEqual(actual.Order), $"order [{string.Join(",", expected.Order)}] vs live [{string.Join(",", actual.Order)}]\n{context}");
        Assert.True(expected.Alternatives.SequenceEqual(actual.Alternatives), $"alternatives differ\n{context}");
        Assert.True(expected.Winner == actual.Winner, $"winner {expected.Winner} vs live {actual.Winner}\n{context}");
    }

    private static string Describe(RankedBallot ballot) => string.Join(">", ballot.Groups().Select(g => string.Join("=", g)));

    private static RankedBallot RandomBallot(Random random, int c)
    {
        // A random weak order of a random subset: ties and unranked choices both occur.
        var groups = new List<List<int>>();
        foreach (int choice in Enumerable.Range(0, c).OrderBy(_ => random.Next()))
        {
            int slot = random.Next(groups.Count + 2);
            if (slot == groups.Count + 1) continue;
            if (slot == groups.Count) groups.Add([choice]);
            else groups[slot].Add(choice);
        }

        if (groups.Count == 0) groups.Add([random.Next(c)]);
        return RankedBallot.FromGroups(c, groups.Cast<IReadOnlyList<int>>().ToList());
    }
}
