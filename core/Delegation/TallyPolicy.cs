namespace Governance.Core.Delegation;

/// <summary>
/// The policy values the tally reads (DESIGN §3, §5, §7); defaults are the organisation's.
/// </summary>
public sealed record TallyPolicy
{
    public static TallyPolicy Default { get; } = new();

    /// <summary>α in (0, 1]: weight that travels h hops arrives as α^h.</summary>
    public double Viscosity { get; init; } = 1.0;

    /// <summary>Share of eligible weight at or above which a voter is flagged a super-delegate.</summary>
    public double SuperDelegateShare { get; init; } = 0.1;

    /// <summary>Quorum: counted weight (yes + no + abstain) ≥ this share of eligible weight.</summary>
    public double QuorumShare { get; init; } = 0.1;

    /// <summary>Passes when yes &gt; majority × (yes + no).</summary>
    public double Majority { get; init; } = 0.5;

    /// <summary>Returns the first value that is out of range, or null when the policy is usable.</summary>
    public string? Problem()
    {
        if (!(Viscosity > 0 && Viscosity <= 1)) return "viscosity must be in (0, 1]";
        if (!(SuperDelegateShare >= 0 && SuperDelegateShare <= 1)) return "superDelegateShare must be in [0, 1]";
        if (!(QuorumShare >= 0 && QuorumShare <= 1)) return "quorumShare must be in [0, 1]";
        if (!(Majority >= 0 && Majority < 1)) return "majority must be in [0, 1)";
        return null;
    }
}
