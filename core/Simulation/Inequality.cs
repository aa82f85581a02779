namespace Governance.Core.Simulation;

/// <summary>Concentration measures of the simulation report.</summary>
public static class Inequality
{
    /// <summary>The Gini coefficient: 0 when all hold the same, towards 1 when one holds everything.</summary>
    public static double Gini(ReadOnlySpan<double> values)
    {
        if (values.Length == 0)
        {
            return 0;
        }

        var sorted = values.ToArray();
        Array.Sort(sorted);
        double weighted = 0, total = 0;
        for (var i = 0; i < sorted.Length; i++)
        {
            weighted += (i + 1) * sorted[i];
            total += sorted[i];
        }

        return total <= 0 ? 0 : (2 * weighted / (sorted.Length * total)) - ((sorted.Length + 1d) / sorted.Length);
    }

    /// <summary>The share of the total held by the top <paramref name="fraction"/> of holders (at least one holder).</summary>
    public static double TopShare(ReadOnlySpan<double> values, double fraction)
    {
        if (values.Length == 0)
        {
            return 0;
        }

        var sorted = values.ToArray();
        Array.Sort(sorted);
        var count = Math.Max(1, (int)Math.Round(sorted.Length * fraction));
        double top = 0, total = 0;
        for (var i = 0; i < sorted.Length; i++)
        {
            total += sorted[i];
            if (i >= sorted.Length - count)
            {
                top += sorted[i];
            }
        }

        return total <= 0 ? 0 : top / total;
    }
}
