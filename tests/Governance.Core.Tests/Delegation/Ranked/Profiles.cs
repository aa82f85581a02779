using Governance.Core.Delegation.Ranked;

namespace Governance.Core.Tests.Delegation.Ranked;

/// <summary>Voter profiles for the Schulze tests: ballots written as strings of candidate letters, best first.</summary>
internal static class Profiles
{
    /// <summary>The pairwise matrix of groups of identical strict ballots, e.g. (5, "ACBED").</summary>
    public static long[] Matrix(int candidates, params (int Count, string Ballot)[] groups)
    {
        var d = new long[candidates * candidates];
        foreach (var (count, ballot) in groups)
        {
            for (int x = 0; x < ballot.Length; x++)
            {
                for (int y = x + 1; y < ballot.Length; y++) d[(ballot[x] - 'A') * candidates + (ballot[y] - 'A')] += count;
            }
        }

        return d;
    }

    /// <summary>Random strict ballots (each a permutation of all candidates) with random weights.</summary>
    public static List<(int Count, int[] Order)> Random(Random random, int candidates, int groups)
    {
        var profile = new List<(int, int[])>();
        for (int g = 0; g < groups; g++)
        {
            var order = Enumerable.Range(0, candidates).ToArray();
            random.Shuffle(order);
            profile.Add((random.Next(1, 6), order));
        }

        return profile;
    }

    public static long[] Matrix(int candidates, IEnumerable<(int Count, int[] Order)> profile)
    {
        var d = new long[candidates * candidates];
        foreach (var (count, order) in profile)
        {
            for (int x = 0; x < order.Length; x++)
            {
                for (int y = x + 1; y < order.Length; y++) d[order[x] * candidates + order[y]] += count;
            }
        }

        return d;
    }

    /// <summary>The one choice no other beats, or null when Schulze's winners tie.</summary>
    public static int? UniqueWinner(SchulzeResult result) => result.Winners() is [int w] ? w : null;
}
