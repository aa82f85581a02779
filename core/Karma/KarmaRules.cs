using Governance.Core.Policies;

namespace Governance.Core.Karma;

/// <summary>
/// The arithmetic of DESIGN §4, pure so that the services, the clock and the simulation
/// compute exactly the same thing.
/// </summary>
public static class KarmaRules
{
    /// <summary>K(t) = K(t₀) · 2^(−(t−t₀)/H): karma read at any instant after it was stored.</summary>
    public static double Decay(double karma, long fromMs, long toMs, double halfLifeDays)
    {
        if (toMs <= fromMs || karma <= 0)
        {
            return Math.Max(0, karma);
        }

        var halfLives = (toMs - fromMs) / (halfLifeDays * 86_400_000d);
        return karma * Math.Pow(2, -halfLives);
    }

    /// <summary>Every karma change lands in 0 … maxKarma.</summary>
    public static double Clamp(double karma, PolicyValues policy) => Math.Clamp(karma, 0, policy.MaxKarma);

    /// <summary>Level 0: &lt; 10 · 1: &lt; 25 · 2: &lt; 40 · 3: ≥ 40 (by default).</summary>
    public static int Level(double karma, PolicyValues policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var t = policy.LevelThresholds;
        return karma < t[0] ? 0 : karma < t[1] ? 1 : karma < t[2] ? 2 : 3;
    }

    /// <summary>Support points a member may have allocated at once: 4 · 2^level (4, 8, 16, 32).</summary>
    public static int Allowance(int level, PolicyValues policy) => policy.BaseAllowance << level;

    /// <summary>The most points one member may put on one proposal: 2^level (1, 2, 4, 8).</summary>
    public static int ProposalCap(int level) => 1 << level;

    /// <summary>Karma an endorsement gives: +1, or +2 when the endorser is level ≥ 2.</summary>
    public static double EndorsementKarma(int endorserLevel, PolicyValues policy) =>
        endorserLevel >= policy.SeniorEndorserLevel ? policy.SeniorEndorsementKarma : policy.EndorsementKarma;

    /// <summary>The lottery's probability for a level: 0 below level 1, then p · 2^(level−1) (2 %, 4 %, 8 %).</summary>
    public static double LotteryProbability(int level, PolicyValues policy) =>
        level < 1 ? 0 : policy.LotteryBaseProbability * (1 << (level - 1));
}
