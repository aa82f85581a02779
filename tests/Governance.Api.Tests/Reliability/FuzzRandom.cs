namespace Governance.Api.Tests.Reliability;

/// <summary>
/// The fuzzers' randomness: one stream per case, derived from (seed, case number) by SplitMix64,
/// so case 123,456 of seed 42 is the same bytes on every machine and in any order of running —
/// a finding is reproduced by its two numbers alone.
/// </summary>
internal sealed class FuzzRandom
{
    private ulong state;

    public FuzzRandom(long seed, long caseNumber)
    {
        state = Mix(unchecked((ulong)seed * 0x9E3779B97F4A7C15UL ^ (ulong)caseNumber));
    }

    private static ulong Mix(ulong z)
    {
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return z ^ (z >> 31);
    }

    public ulong NextULong()
    {
        state = unchecked(state + 0x9E3779B97F4A7C15UL);
        return Mix(state);
    }

    /// <summary>Uniform in [0, max).</summary>
    public int Next(int max) => max <= 1 ? 0 : (int)(NextULong() % (ulong)max);

    /// <summary>Uniform in [min, max).</summary>
    public int Next(int min, int max) => min + Next(max - min);

    public bool Chance(int percent) => Next(100) < percent;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    /// <summary>A size that is usually small and sometimes huge: the shape bugs hide in.</summary>
    public int Size(int max)
    {
        var bucket = Next(10);
        var limit = bucket switch
        {
            < 5 => Math.Min(max, 8),
            < 8 => Math.Min(max, 200),
            < 9 => Math.Min(max, 5_000),
            _ => max,
        };
        return Next(limit + 1);
    }
}
