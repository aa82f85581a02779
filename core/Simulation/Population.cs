using Bogus;

namespace Governance.Core.Simulation;

/// <summary>
/// The simulated members' fixed traits, drawn once from the seed and shared by every scenario
/// so that scenarios differ only by policy. Good judgement is latent: it shows only in what a
/// member supports and endorses.
/// </summary>
internal sealed class Population
{
    public const int RingSize = 10;

    private Population(int count)
    {
        Judgement = new double[count];
        Activity = new double[count];
        Participation = new double[count];
        Popularity = new double[count];
        Ring = new int[count];
        Delegates = new bool[count];
    }

    /// <summary>How accurately a member judges a proposal's quality, 0 … 1.</summary>
    public double[] Judgement { get; }

    /// <summary>The chance a member acts on a given day (heavy-tailed: a few are very active).</summary>
    public double[] Activity { get; }

    /// <summary>The chance a member votes directly on a given vote.</summary>
    public double[] Participation { get; }

    /// <summary>How visible a member is to others (Pareto): who gets noticed, endorsed, delegated to.</summary>
    public double[] Popularity { get; }

    /// <summary>The colluding ring a member belongs to, or -1.</summary>
    public int[] Ring { get; }

    /// <summary>Whether the member keeps a global delegation (60 %, as in the demo organisation).</summary>
    public bool[] Delegates { get; }

    public int Count => Judgement.Length;

    public int Rings { get; private set; }

    /// <summary>Draws the traits with Bogus's seeded randomizer, as the demo organisation does.</summary>
    public static Population Generate(int count, int seed, double colluderShare = 0.02)
    {
        var random = new Randomizer(seed);
        var p = new Population(count);
        for (var i = 0; i < count; i++)
        {
            p.Judgement[i] = Math.Clamp(0.5 + (0.2 * Normal(random)), 0, 1);
            p.Activity[i] = Math.Min(0.9, 0.08 * Math.Exp(0.8 * Normal(random)));
            p.Participation[i] = Math.Min(0.9, 0.08 * Math.Exp(0.7 * Normal(random)));
            p.Popularity[i] = Math.Pow(1 - random.Double(), -1 / 1.2);
            p.Delegates[i] = random.Bool(0.6f);
            p.Ring[i] = -1;
        }

        // Colluders come in rings of ten: they propose, support, endorse and vote for each other.
        var colluders = (int)(count * colluderShare) / RingSize * RingSize;
        var order = random.Shuffle(Enumerable.Range(0, count)).Take(colluders).ToArray();
        for (var k = 0; k < order.Length; k++)
        {
            p.Ring[order[k]] = k / RingSize;
            p.Activity[order[k]] = 0.5;
        }

        p.Rings = colluders / RingSize;
        return p;
    }

    public static double Normal(Randomizer random) => Normal(() => random.Double());

    public static double Normal(Random random) => Normal(() => random.NextDouble());

    private static double Normal(Func<double> uniform)
    {
        // Box–Muller: enough for traits.
        var u1 = 1 - uniform();
        var u2 = uniform();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
