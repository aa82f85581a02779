namespace Governance.Core.Delegation;

/// <summary>
/// Share comparisons in decimal: 7 of 70 must reach a 10 % share although 0.1 × 70 is
/// 7.000000000000001 in binary floating point. Policy values and weights are rounded to
/// 15 significant digits on the way, which is every digit a person typed.
/// </summary>
public static class Thresholds
{
    /// <summary>value ≥ share × total.</summary>
    public static bool AtLeastShare(double value, double share, double total) =>
        (decimal)value >= (decimal)share * (decimal)total;

    /// <summary>value &gt; share × total.</summary>
    public static bool MoreThanShare(double value, double share, double total) =>
        (decimal)value > (decimal)share * (decimal)total;
}
