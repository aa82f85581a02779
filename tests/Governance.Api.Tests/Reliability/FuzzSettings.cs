using System.Globalization;

namespace Governance.Api.Tests.Reliability;

/// <summary>
/// How many fuzz cases to run and from which seed. CI runs the defaults (a fixed seed, so a
/// red build is reproducible); the long run sets GOVERNANCE_FUZZ_CASES=1000000 and a seed of
/// its own (docs/reliability.md). GOVERNANCE_FUZZ_FIRST starts at a given case number, to
/// replay one finding: GOVERNANCE_FUZZ_FIRST=123456 GOVERNANCE_FUZZ_CASES=1.
/// </summary>
internal static class FuzzSettings
{
    /// <summary>The README's test command: 20,000 cases in all, 16,000 over HTTP and 4,000 through the recount reader.</summary>
    public const long DefaultCases = 20_000;

    public static long Cases => Long("GOVERNANCE_FUZZ_CASES", DefaultCases);

    public static long Seed => Long("GOVERNANCE_FUZZ_SEED", 20261122);

    public static long First => Long("GOVERNANCE_FUZZ_FIRST", 0);

    /// <summary>Where to append a one-line summary of each run (for docs/reliability.md), when set.</summary>
    public static string? ReportFile => Environment.GetEnvironmentVariable("GOVERNANCE_FUZZ_REPORT");

    private static long Long(string name, long fallback) =>
        long.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var value) ? value : fallback;

    public static void Append(string line)
    {
        if (ReportFile is { } file)
        {
            File.AppendAllText(file, line + Environment.NewLine);
        }
    }
}
