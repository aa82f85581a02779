namespace Governance.Core.Tests.Delegation.Ranked;

/// <summary>
/// Schulze's definition transcribed without cleverness: enumerate every simple path between two
/// candidates and take the best weakest link. Exponential in the candidates, so only for a handful.
/// Links are compared as LiquidFeedback's "tuple" strength: wins first (by winning weight, then by
/// fewer losing weight), then ties, then defeats.
/// </summary>
internal static class NaiveSchulze
{
    /// <summary>Strongest-path strength from i to j as (kind, winning, −losing), by brute force.</summary>
    public static (int Kind, double Win, double NegLose)[,] Paths(double[] d, int c)
    {
        (int, double, double) Link(int i, int j) =>
            d[i * c + j] > d[j * c + i] ? (1, d[i * c + j], -d[j * c + i]) : d[i * c + j] == d[j * c + i] ? (0, 0, 0) : (-1, 0, 0);

        var best = new (int, double, double)[c, c];
        for (int i = 0; i < c; i++)
        {
            for (int j = 0; j < c; j++)
            {
                if (i == j) continue;
                (int, double, double)? found = null;
                var visited = new bool[c];
                visited[i] = true;
                Walk(i, null);
                best[i, j] = found!.Value;

                void Walk(int at, (int, double, double)? weakest)
                {
                    for (int next = 0; next < c; next++)
                    {
                        if (visited[next]) continue;
                        var link = Link(at, next);
                        var w = weakest is { } so && Compare(so, link) < 0 ? so : link;
                        if (next == j)
                        {
                            if (found is null || Compare(w, found.Value) > 0) found = w;
                            continue;
                        }

                        visited[next] = true;
                        Walk(next, w);
                        visited[next] = false;
                    }
                }
            }
        }

        return best;
    }

    public static int Compare((int Kind, double Win, double NegLose) a, (int Kind, double Win, double NegLose) b) =>
        a.Kind != b.Kind ? a.Kind.CompareTo(b.Kind) : a.Win != b.Win ? a.Win.CompareTo(b.Win) : a.NegLose.CompareTo(b.NegLose);

    /// <summary>i beats j: i's strongest path to j is stronger than j's to i.</summary>
    public static bool[,] Beats(double[] d, int c)
    {
        var p = Paths(d, c);
        var beats = new bool[c, c];
        for (int i = 0; i < c; i++)
        {
            for (int j = 0; j < c; j++) beats[i, j] = i != j && Compare(p[i, j], p[j, i]) > 0;
        }

        return beats;
    }
}
