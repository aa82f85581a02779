using FsCheck;
using FsCheck.Fluent;
using Governance.Core.Delegation;

namespace Governance.Core.Tests.Delegation;

/// <summary>
/// The engine against the reference on thousands of random organisations, and live tallies
/// against full recounts through random sequences of changes. FsCheck draws the seed and size;
/// a failure reports both, and the organisation is printed in the assertion message.
/// </summary>
public sealed class EnginePropertyTests
{
    private static Arbitrary<(int Seed, int Size)> Cases(int minSize, int maxSize) =>
        Arb.From(from seed in Gen.Choose(0, 1_000_000_000)
                 from size in Gen.Choose(minSize, maxSize)
                 select (seed, size));

    private static void Check(Arbitrary<(int Seed, int Size)> cases, int runs, Action<(int Seed, int Size)> property) =>
        FsCheck.Check.One(Config.QuickThrowOnFailure.WithMaxTest(runs), Prop.ForAll(cases, property));

    [Fact]
    public void EngineTallyEqualsReferenceOnRandomOrganisations() =>
        Check(Cases(1, 9), 10000, c =>
        {
            var org = RandomOrganisation.Create(new Random(c.Seed), c.Size);
            var tally = org.BuildEngine().Count(Organisation.Proposal, org.Policy);
            WithOrganisation(org, () => TallyAssert.MatchesReference(tally, ReferenceTally.Compute(org), org));
        });

    [Fact]
    public void WhereMyVoteGoesFollowsTheReferencePathForEveryMember() =>
        Check(Cases(1, 9), 3000, c =>
        {
            var org = RandomOrganisation.Create(new Random(c.Seed), c.Size);
            var engine = org.BuildEngine();
            var expected = ReferenceTally.Compute(org);
            WithOrganisation(org, () =>
            {
                for (int m = 0; m < org.Count; m++) CheckPath(org, expected, m, engine.WhereDoesMyVoteGo(Organisation.Proposal, Organisation.MemberId(m)));
            });
        });

    [Fact]
    public void LiveTallyEqualsFullRecountAndReferenceAfterEveryRandomChange() =>
        Check(Cases(1, 9), 2000, c =>
        {
            var random = new Random(c.Seed);
            var org = RandomOrganisation.Create(random, c.Size);
            var engine = org.BuildEngine();
            var live = engine.StartLiveTally(Organisation.Proposal, org.Policy);
            var log = new List<string>();
            for (int step = 0; step < 30; step++)
            {
                log.Add(LiveChanges.ApplyRandom(random, org, engine));
                WithOrganisation(org, () =>
                {
                    var provisional = live.Snapshot();
                    TallyAssert.Identical(engine.Count(Organisation.Proposal, org.Policy), provisional);
                    TallyAssert.MatchesReference(provisional, ReferenceTally.Compute(org), org);
                }, log);
            }
        });

    [Fact]
    public void LiveTallyEqualsFullRecountThroughLongSequencesOnLargerOrganisations() =>
        Check(Cases(20, 400), 150, c =>
        {
            // Large enough that the overlay of changed delegations passes its rebuild threshold.
            var random = new Random(c.Seed);
            var org = RandomOrganisation.Create(random, c.Size);
            var engine = org.BuildEngine();
            var live = engine.StartLiveTally(Organisation.Proposal, org.Policy);
            var log = new List<string>();
            for (int step = 0; step < 400; step++)
            {
                log.Add(LiveChanges.ApplyRandom(random, org, engine, maxMembers: 1000));
                if (step % 7 == 0 || step > 390)
                {
                    WithOrganisation(org, () => TallyAssert.Identical(engine.Count(Organisation.Proposal, org.Policy), live.Snapshot()), log);
                }
            }
        });

    [Fact]
    public void FullTallyWithKeptAdjacencyEqualsFreshEngineAndReferenceAfterEveryRandomChange()
    {
        // Count keeps its reverse adjacency between tallies and patches it when a delegation
        // changed: after interleaved votes, rights, delegations, new members and tallies of the
        // other proposal, it must equal a fresh engine's tally and the reference every time.
        var seen = new Dictionary<AdjacencySource, int>();
        Check(Cases(1, 12), 1500, c =>
        {
            var random = new Random(c.Seed);
            var org = RandomOrganisation.Create(random, c.Size);
            var engine = org.BuildEngine();
            var log = new List<string>();
            for (int step = 0; step < 30; step++)
            {
                log.Add(LiveChanges.ApplyRandom(random, org, engine));
                if (random.Next(4) == 0) engine.Count(Organisation.OtherProposal, org.Policy);
                CountMatchesFreshEngineAndReference(org, engine, log, seen);
            }
        });
        Assert.True(seen.Values.Count == 3 && seen.Values.All(n => n > 1000), $"{Describe(seen)}: every path must be exercised");
    }

    [Fact]
    public void FullTallyWithPatchedAdjacencyEqualsFreshEngineAfterBurstsOfChangesOnLargerOrganisations()
    {
        // Bursts of up to 150 changes between cold tallies on up to 400 members: the kept adjacency
        // is patched for many changed members at once, some members change several times, and past
        // the patch limit (64 changed members here) it is dropped and rebuilt.
        var seen = new Dictionary<AdjacencySource, int>();
        Check(Cases(20, 400), 120, c =>
        {
            var random = new Random(c.Seed);
            var org = RandomOrganisation.Create(random, c.Size);
            var engine = org.BuildEngine();
            var log = new List<string>();
            for (int round = 0; round < 12; round++)
            {
                int burst = random.Next(3) switch { 0 => random.Next(4), 1 => random.Next(40), _ => random.Next(151) };
                for (int i = 0; i < burst; i++) log.Add(LiveChanges.ApplyRandom(random, org, engine));
                CountMatchesFreshEngineAndReference(org, engine, log, seen);
            }
        });
        Assert.True(seen.Values.Count == 3 && seen.Values.All(n => n > 50), $"{Describe(seen)}: every path must be exercised");
    }

    private static void CountMatchesFreshEngineAndReference(Organisation org, DelegationEngine engine, List<string> log, Dictionary<AdjacencySource, int> seen) =>
        WithOrganisation(org, () =>
        {
            var tally = engine.Count(Organisation.Proposal, org.Policy);
            var source = engine.LastCountAdjacency;
            seen[source] = seen.GetValueOrDefault(source) + 1;
            TallyAssert.Identical(org.BuildEngine().Count(Organisation.Proposal, org.Policy), tally);
            TallyAssert.MatchesReference(tally, ReferenceTally.Compute(org), org);
        }, log);

    private static string Describe(Dictionary<AdjacencySource, int> seen) =>
        string.Join(", ", seen.OrderBy(s => s.Key).Select(s => $"{s.Key} {s.Value}"));

    private static void CheckPath(Organisation org, ReferenceTally.Result expected, int m, VotePath path)
    {
        if (!org.VotingRight[m])
        {
            Assert.Equal(VotePathOutcome.NoVotingRight, path.Outcome);
            return;
        }

        if (expected.Weights.ContainsKey(m))
        {
            Assert.Equal(VotePathOutcome.VotesDirectly, path.Outcome);
            return;
        }

        // Every hop must be a real entry, at its rank, of the delegation that applies.
        int at = m;
        foreach (var hop in path.Hops)
        {
            Assert.Equal(Organisation.MemberId(at), hop.From);
            var list = ReferenceTally.Effective(org, at);
            Assert.Equal(Organisation.MemberId(list[hop.Rank - 1]), hop.To);
            at = (int)(hop.To - 100);
        }

        if (expected.Carried.TryGetValue(m, out var carried))
        {
            Assert.Equal(VotePathOutcome.Carried, path.Outcome);
            Assert.Equal(carried.Hops, path.Hops.Count);
            Assert.Equal(Organisation.MemberId(carried.Carrier), path.CarrierId);
            Assert.Equal(Organisation.MemberId(carried.Carrier), path.Hops[^1].To);
            return;
        }

        Assert.Contains(path.Outcome, new[] { VotePathOutcome.DeadEnd, VotePathOutcome.Cycle });
        if (path.Outcome == VotePathOutcome.DeadEnd)
        {
            // A dead end has no delegate with a voting right and does not vote.
            int end = (int)(path.DeadEndId!.Value - 100);
            Assert.Equal(at, end);
            Assert.DoesNotContain(ReferenceTally.Effective(org, end), d => org.VotingRight[d]);
        }
        else
        {
            Assert.Contains(Organisation.MemberId(at), path.Cycle);
            Assert.Equal(path.Cycle[0], path.Hops[^1].To);
            Assert.All(path.Cycle, id => Assert.False(expected.Carried.ContainsKey((int)(id - 100))));
        }
    }

    private static void WithOrganisation(Organisation org, Action assertion, List<string>? log = null)
    {
        try
        {
            assertion();
        }
        catch (Exception e) when (e is Xunit.Sdk.XunitException)
        {
            string changes = log is null ? "" : $"\nchanges:\n  {string.Join("\n  ", log)}";
            throw new Xunit.Sdk.XunitException($"{e.Message}\norganisation now:\n{org}{changes}");
        }
    }
}
