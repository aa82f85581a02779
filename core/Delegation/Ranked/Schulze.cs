namespace Governance.Core.Delegation.Ranked;

/// <summary>
/// The Schulze method (Markus Schulze, "A new monotonic, clone-independent, reversal symmetric,
/// and Condorcet-consistent single-winner election method", Social Choice and Welfare 36, 2011)
/// with LiquidFeedback's link strengths and tie-breaking (DESIGN §8, docs/ranked-voting.md).
/// Pure: a weighted pairwise matrix in, strongest paths and a complete order out. Choice 0 is the
/// status quo; choices are numbered in ballot order, which is also the order ties fall back on.
/// </summary>
public static class Schulze
{
    /// <summary>
    /// Ranks the choices of a pairwise matrix: <paramref name="pairwise"/>[i·c + j] is the weight
    /// of the ballots that prefer i to j. Floyd–Warshall over the link strengths, O(c³); ties in
    /// the result are broken as LiquidFeedback's "variant1" does, each costing at most O(c⁵).
    /// </summary>
    public static SchulzeResult Rank(ReadOnlySpan<long> pairwise, int choices)
    {
        int c = choices;
        if (c < 1) throw new ArgumentOutOfRangeException(nameof(choices));
        if (pairwise.Length != c * c) throw new ArgumentException($"a matrix of {c} choices has {c * c} cells", nameof(pairwise));

        var d = new Link[c * c];
        for (int i = 0; i < c; i++)
        {
            for (int j = 0; j < c; j++)
            {
                if (i != j) d[i * c + j] = Link.Direct(pairwise[i * c + j], pairwise[j * c + i], i, j);
            }
        }

        var p = BestPaths(d, c);

        // The partial order of the strongest paths. Since every link strength is unique (the
        // secondary part), two paths compare equal only when they share their weakest link.
        var beats = new sbyte[c * c];
        for (int i = 0; i < c; i++)
        {
            for (int j = i + 1; j < c; j++)
            {
                int cmp = p[i * c + j].CompareTo(p[j * c + i]);
                beats[i * c + j] = (sbyte)Math.Sign(cmp);
                beats[j * c + i] = (sbyte)-Math.Sign(cmp);
            }
        }

        BreakTies(d, p, beats, c);
        var order = OrderOf(beats, c);

        var strength = new long[c * c];
        var pure = new bool[c * c];
        for (int i = 0; i < c; i++)
        {
            for (int j = 0; j < c; j++)
            {
                if (i == j) continue;
                strength[i * c + j] = p[i * c + j].Kind > 0 ? p[i * c + j].Win : 0;
                pure[i * c + j] = p[i * c + j].PrimaryCompareTo(p[j * c + i]) > 0;
            }
        }

        return new SchulzeResult(c, pairwise.ToArray(), strength, pure, order);
    }

    /// <summary>Strongest paths by Floyd–Warshall: p[j,k] = max(p[j,k], min(p[j,i], p[i,k])).</summary>
    private static Link[] BestPaths(Link[] d, int c)
    {
        var p = (Link[])d.Clone();
        for (int i = 0; i < c; i++)
        {
            for (int j = 0; j < c; j++)
            {
                if (j == i) continue;
                var ji = p[j * c + i];
                for (int k = 0; k < c; k++)
                {
                    if (k == i || k == j) continue;
                    var via = Link.Min(ji, p[i * c + k]);
                    if (via.CompareTo(p[j * c + k]) > 0) p[j * c + k] = via;
                }
            }
        }

        return p;
    }

    /// <summary>
    /// LiquidFeedback's tie-breaking by forbidding shared weakest links: for two choices whose
    /// strongest paths are equal (they share the weakest link), forbid that link and compare the
    /// strongest paths without it, until they differ. What stays tied falls back on ballot order.
    /// </summary>
    private static void BreakTies(Link[] d, Link[] p, sbyte[] beats, int c)
    {
        for (int m = 0; m < c; m++)
        {
            for (int n = m + 1; n < c; n++)
            {
                if (beats[m * c + n] != 0) continue;
                var t = p;
                var forbidden = new bool[c * c];
                for (int round = 0; round < c * c; round++)
                {
                    int link = Array.IndexOf(d, t[m * c + n]);
                    if (link < 0 || forbidden[link]) break;
                    forbidden[link] = true;
                    var allowed = new Link[c * c];
                    for (int x = 0; x < allowed.Length; x++) allowed[x] = forbidden[x] ? Link.Worst : d[x];
                    t = BestPaths(allowed, c);
                    int cmp = t[m * c + n].CompareTo(t[n * c + m]);
                    if (cmp == 0) continue;
                    beats[m * c + n] = (sbyte)Math.Sign(cmp);
                    beats[n * c + m] = (sbyte)-Math.Sign(cmp);
                    break;
                }
            }
        }
    }

    /// <summary>Repeatedly takes the first choice nobody left beats; a remaining tie goes to the lower index.</summary>
    private static int[] OrderOf(sbyte[] beats, int c)
    {
        var order = new int[c];
        var placed = new bool[c];
        for (int rank = 0; rank < c; rank++)
        {
            int pick = -1;
            for (int i = 0; i < c && pick < 0; i++)
            {
                if (placed[i]) continue;
                bool beaten = false;
                for (int j = 0; j < c && !beaten; j++)
                {
                    beaten = j != i && !placed[j] && (beats[j * c + i] > 0 || (beats[j * c + i] == 0 && j < i));
                }

                if (!beaten) pick = i;
            }

            // The strongest-path relation is transitive (Schulze 2011, §4.1), so someone is unbeaten.
            if (pick < 0) throw new InvalidOperationException("the Schulze relation has a cycle");
            placed[pick] = true;
            order[rank] = pick;
        }

        return order;
    }

    /// <summary>
    /// A link's strength as LiquidFeedback's "tuple" defeat strength: a win counts its winning
    /// weight, then the fewer losing weight the stronger; a tie is 0, a defeat -1; the secondary
    /// part (from the choices' ballot order, "variant1") makes every link's strength unique.
    /// </summary>
    internal readonly record struct Link(int Kind, long Win, long Lose, long Secondary) : IComparable<Link>
    {
        public static readonly Link Worst = new(int.MinValue, 0, 0, 0);

        public static Link Direct(long forward, long backward, int i, int j)
        {
            // LiquidFeedback's secondary_link_strength for variant1, with 1-based ordinals: a link
            // from an earlier choice is stronger, and among those the order is fixed by (i, j).
            long a = i + 1, b = j + 1;
            long secondary = (a < b ? 1L << 62 : 0) + b - (a << 31);
            int kind = forward > backward ? 1 : forward == backward ? 0 : -1;
            return kind > 0 ? new Link(1, forward, backward, secondary) : new Link(kind, 0, 0, secondary);
        }

        public static Link Min(Link a, Link b) => a.CompareTo(b) <= 0 ? a : b;

        public int PrimaryCompareTo(Link other)
        {
            if (Kind != other.Kind) return Kind.CompareTo(other.Kind);
            if (Win != other.Win) return Win.CompareTo(other.Win);
            return other.Lose.CompareTo(Lose);
        }

        public int CompareTo(Link other)
        {
            int primary = PrimaryCompareTo(other);
            return primary != 0 ? primary : Secondary.CompareTo(other.Secondary);
        }
    }
}
