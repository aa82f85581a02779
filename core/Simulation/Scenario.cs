using Governance.Core.Policies;

namespace Governance.Core.Simulation;

/// <summary>A policy to simulate: the default, or the default without one or more counterweights.</summary>
public sealed record Scenario(string Name, string Description, PolicyValues Policy)
{
    /// <summary>A half-life so long that karma does not measurably decay within a simulated year.</summary>
    private const double NoDecay = 1e9;

    public static IReadOnlyList<Scenario> Standard { get; } =
    [
        new("default", "the default policy: karma decay (60-day half-life) and the lottery", PolicyValues.Default),
        new("no-decay", "the lottery but no karma decay", PolicyValues.Default with { KarmaHalfLifeDays = NoDecay }),
        new("no-lottery", "karma decay but no lottery", PolicyValues.Default with { LotteryBaseProbability = 0 }),
        new("viscous", "the default plus viscosity 0.8 on delegated weight", PolicyValues.Default with { Viscosity = 0.8 }),
        new("none", "no counterweights: no decay, no lottery, classic delegation", PolicyValues.Default with { KarmaHalfLifeDays = NoDecay, LotteryBaseProbability = 0 }),
    ];
}
