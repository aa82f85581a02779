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
}
