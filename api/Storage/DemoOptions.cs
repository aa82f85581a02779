namespace Governance.Api.Storage;

/// <summary>
/// The demo organisation generated when the service starts on an empty database. Bound from
/// the "Demo" section; set Demo:SeedOnEmptyDatabase=false for a real organisation.
/// </summary>
public sealed record DemoOptions
{
    public bool SeedOnEmptyDatabase { get; init; } = true;

    public int Members { get; init; } = 2_000;

    public int Seed { get; init; } = 20_261_121;

    /// <summary>
    /// How many of the last weekly lottery periods the seed draws, so "verify" has a draw to
    /// check (0–52). The clock draws only periods after the last drawn one, so 0 leaves every
    /// period since the organisation began to the clock.
    /// </summary>
    public int PastLotteryDraws { get; init; } = Governance.Core.Demo.DemoSeed.PastDraws;

    /// <summary>
    /// Whether two of the demo's running votes become issues with alternatives (one closed with
    /// its ranked result, one to rank). The api's tests turn it off: they take the demo's votes
    /// as yes/no votes and count its proposals.
    /// </summary>
    public bool Issues { get; init; } = true;
}
