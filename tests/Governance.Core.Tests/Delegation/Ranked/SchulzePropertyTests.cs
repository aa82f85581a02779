using Governance.Core.Delegation.Ranked;

namespace Governance.Core.Tests.Delegation.Ranked;

/// <summary>
/// The properties Schulze (2011) proves, checked on random profiles: Condorcet consistency,
/// independence of clones, monotonicity, reversal symmetry; and the Floyd–Warshall strongest paths
/// against a brute-force search over every path.
/// </summary>
public class SchulzePropertyTests
{
    private const int Cases = 600;

    [Fact]
    public void ACondorcetWinnerWinsAndIsRankedFirst()
    {
        var random = new Random(18_001);
        int found = 0;
        for (int n = 0; n < Cases; n++)
        {
            int c = random.Next(2, 7);
            var d = Profiles.Matrix(c, Profiles.Random(random, c, random.Next(1, 9)));
            int? condorcet = Enumerable.Range(0, c)
                .Where(w => Enumerable.Range(0, c).All(j => j == w || d[w * c + j] > d[j * c + w]))
                .Select(w => (int?)w).FirstOrDefault();
            if (condorcet is not int w) continue;
            found++;
            var result = Schulze.Rank(d, c);
            Assert.Equal([w], result.Winners());
            Assert.Equal(w, result.Order[0]);
        }

        Assert.True(found > Cases / 4, $"only {found} profiles had a Condorcet winner");
    }

    [Fact]
    public void CloningACandidateDoesNotChangeTheWinner()
    {
        var random = new Random(18_002);
        int checkedCases = 0;
        for (int n = 0; n < Cases; n++)
        {
            int c = random.Next(3, 6);
            var profile = Profiles.Random(random, c, random.Next(2, 9));
            if (Profiles.UniqueWinner(Schulze.Rank(Profiles.Matrix(c, profile), c)) is not int w) continue;

            // The clone (index c) sits right next to the cloned candidate on every ballot.
            int x = random.Next(c);
            var cloned = profile.Select(g =>
            {
                var order = g.Order.ToList();
                int at = order.IndexOf(x);
                order.Insert(random.Next(2) == 0 ? at : at + 1, c);
                return (g.Count, order.ToArray());
            }).ToList();
            var winners = Schulze.Rank(Profiles.Matrix(c + 1, cloned), c + 1).Winners();
            checkedCases++;
            if (x == w) Assert.All(winners, v => Assert.Contains(v, new[] { w, c }));
            else Assert.Equal([w], winners);
        }

        Assert.True(checkedCases > Cases / 3, $"only {checkedCases} profiles had a unique winner");
    }

    [Fact]
    public void RaisingTheWinnerOnSomeBallotsKeepsItTheWinner()
    {
        var random = new Random(18_003);
        for (int n = 0; n < Cases; n++)
        {
            int c = random.Next(2, 7);
            var profile = Profiles.Random(random, c, random.Next(1, 9));
            if (Profiles.UniqueWinner(Schulze.Rank(Profiles.Matrix(c, profile), c)) is not int w) continue;

            var raised = profile.Select(g =>
            {
                var order = g.Order.ToList();
                if (random.Next(2) == 0) return (g.Count, order.ToArray());
                int at = order.IndexOf(w);
                order.RemoveAt(at);
                order.Insert(random.Next(at + 1), w);
                return (g.Count, order.ToArray());
            }).ToList();
            Assert.Equal([w], Schulze.Rank(Profiles.Matrix(c, raised), c).Winners());
        }
    }

    [Fact]
    public void ReversingEveryBallotUnseatsAUniqueWinner()
    {
        var random = new Random(18_004);
        for (int n = 0; n < Cases; n++)
        {
            int c = random.Next(2, 7);
            var profile = Profiles.Random(random, c, random.Next(1, 9));
            if (Profiles.UniqueWinner(Schulze.Rank(Profiles.Matrix(c, profile), c)) is not int w) continue;
            var reversed = profile.Select(g => (g.Count, g.Order.Reverse().ToArray()));
            Assert.NotEqual([w], Schulze.Rank(Profiles.Matrix(c, reversed), c).Winners());
        }
    }

    [Fact]
    public void StrongestPathsEqualABruteForceSearchOverEveryPath()
    {
        var random = new Random(18_005);
        for (int n = 0; n < Cases; n++)
        {
            int c = random.Next(2, 7);

            // Arbitrary matrices, not only those of strict ballots: ties and lopsided counts too.
            var d = new long[c * c];
            for (int i = 0; i < c; i++)
            {
                for (int j = 0; j < c; j++) d[i * c + j] = i == j ? 0 : random.Next(0, 6);
            }

            var result = Schulze.Rank(d, c);
            var naive = NaiveSchulze.Paths(d.Select(v => (double)v).ToArray(), c);
            var beats = NaiveSchulze.Beats(d.Select(v => (double)v).ToArray(), c);
            for (int i = 0; i < c; i++)
            {
                for (int j = 0; j < c; j++)
                {
                    if (i == j) continue;
                    Assert.Equal(naive[i, j].Kind > 0 ? naive[i, j].Win : 0, result.Strength[i * c + j]);
                    Assert.Equal(beats[i, j], result.Beats(i, j));

                    // The complete order never contradicts the strongest paths.
                    if (beats[i, j]) Assert.True(result.RankOf(i) < result.RankOf(j));
                }
            }

            Assert.Equal(c, result.Order.Distinct().Count());
        }
    }
}
