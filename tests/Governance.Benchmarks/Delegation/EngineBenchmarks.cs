using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using Governance.Core.Delegation;
using Governance.Core.Delegation.Synthetic;

namespace Governance.Benchmarks.Delegation;

/// <summary>
/// One in-process job with few iterations: the machine is shared, so runs must take minutes;
/// 15 iterations still give a median and a spread worth reporting.
/// </summary>
public sealed class ShortSharedMachineConfig : ManualConfig
{
    public ShortSharedMachineConfig()
    {
        AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(15).WithId("short-15"));
        AddColumn(BenchmarkDotNet.Columns.StatisticColumn.Median, BenchmarkDotNet.Columns.StatisticColumn.Min, BenchmarkDotNet.Columns.StatisticColumn.Max);
        AddDiagnoser(BenchmarkDotNet.Diagnosers.MemoryDiagnoser.Default);
    }
}

/// <summary>A full tally of one proposal, single-threaded, on a generated organisation.</summary>
[Config(typeof(ShortSharedMachineConfig))]
public class TallyBenchmarks
{
    private DelegationEngine _engine = null!;

    [Params(10_000, 1_000_000)]
    public int Members { get; set; }

    [GlobalSetup]
    public void Setup() => _engine = SyntheticOrganisation.Generate(Members, seed: 42).LoadInto();

    [Benchmark]
    public Tally FullTally() => _engine.Count(SyntheticOrganisation.ProposalId, TallyPolicy.Default);
}

/// <summary>
/// One live change reflected in the provisional tally at 1M members: a random member sets a
/// delegation, revokes one, or casts, changes or withdraws a vote (mix below). The state keeps
/// evolving, so overlay rebuilds are included in the mean at their real (amortised) rate.
/// </summary>
[Config(typeof(ShortSharedMachineConfig))]
public class LiveChangeBenchmarks
{
    private LiveChangeDriver _driver = null!;

    [GlobalSetup]
    public void Setup() => _driver = new LiveChangeDriver(1_000_000, seed: 42);

    [Benchmark]
    public double OneLiveChange() => _driver.Step();
}
