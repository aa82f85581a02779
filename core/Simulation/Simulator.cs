using System.Diagnostics;

namespace Governance.Core.Simulation;

/// <summary>
/// `simulate`: one seeded population, run under each scenario's policy for the given weeks,
/// scenarios in parallel. Same arguments, same report (timings aside).
/// </summary>
public static class Simulator
{
    public static SimulationReport Run(int members, int weeks, int seed, IReadOnlyList<Scenario>? scenarios = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(members, 20);
        ArgumentOutOfRangeException.ThrowIfLessThan(weeks, 1);
        scenarios ??= Scenario.Standard;
        var watch = Stopwatch.StartNew();
        var people = Population.Generate(members, seed);
        var results = scenarios
            .AsParallel().AsOrdered()
            .Select(s => new World(people, s, seed).Run(s, weeks))
            .ToList();
        return new SimulationReport(members, weeks, seed, watch.Elapsed.TotalSeconds, results);
    }
}
