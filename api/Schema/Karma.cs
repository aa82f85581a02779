using Governance.Api.Schema.Data;

namespace Governance.Api.Schema;

/// <summary>DESIGN §4 with its default policy: continuous decay, levels, allowances.</summary>
internal static class Karma
{
    private static readonly TimeSpan HalfLife = TimeSpan.FromDays(60);

    /// <summary>K(t) = K(t₀) · 2^(−(t−t₀)/H).</summary>
    public static double Current(ViewerRow viewer, DateTimeOffset now)
    {
        var elapsed = now - DateTimeOffset.FromUnixTimeMilliseconds(viewer.KarmaAt);
        return elapsed <= TimeSpan.Zero ? viewer.Karma : viewer.Karma * Math.Pow(2, -elapsed / HalfLife);
    }

    public static int Level(double karma) => karma switch
    {
        < 10 => 0,
        < 25 => 1,
        < 40 => 2,
        _ => 3,
    };

    public static int Allowance(int level) => 4 << level;
}
