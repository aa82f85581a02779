using System.Globalization;
using BenchmarkDotNet.Running;
using Governance.Benchmarks.Delegation;
using Governance.Benchmarks.HttpServer;

// Console modes measure what BenchmarkDotNet cannot express well (heap per member, per-change
// latency distribution, a file end to end); anything else goes to BenchmarkDotNet:
//   dotnet run -c Release --project tests/Governance.Benchmarks -- --filter '*Tally*'
//   dotnet run -c Release --project tests/Governance.Benchmarks -- memory-1m | live-1m | ranked-tally | recount-1m | recount-10k | tally-cpu | tally-cpu-changed | tally-cpu-burst | cost-check | group-commit | clock-pass [MEMBERS] | notification-fanout [MEMBERS] [DELEGATORS] [RUNS] [PROBE]
//   dotnet run -c Release --project tests/Governance.Benchmarks -- http-server PORT   (for http-bench.sh)
//   dotnet run -c Release --project tests/Governance.Benchmarks -- storage-compare SQLITE_CS PG_CS POSTMASTER_PID [RUNS]
// Figures go to docs/benchmarks.md.
if (args is ["storage-compare", var sqlite, var postgres, var postmaster, .. var rest])
{
    return Governance.Benchmarks.Storage.StorageComparison.Run(sqlite, postgres, int.Parse(postmaster, CultureInfo.InvariantCulture), rest.Length > 0 ? int.Parse(rest[0], CultureInfo.InvariantCulture) : 5);
}

if (args is ["group-commit-pg", var admin])
{
    return Governance.Benchmarks.Storage.GroupCommitMeasurement.RunPostgres(admin);
}

if (args is ["http-server", var port])
{
    await BenchmarkHttpServer.RunAsync(int.Parse(port, CultureInfo.InvariantCulture));
    return 0;
}

return args.FirstOrDefault() switch
{
    "memory-1m" => EngineMeasurements.Memory(1_000_000),
    "live-1m" => EngineMeasurements.LiveChanges(1_000_000, changes: 200_000),
    "recount-1m" => EngineMeasurements.RecountFile(1_000_000, runs: 5),
    "recount-10k" => EngineMeasurements.RecountFile(10_000, runs: 5),
    "tally-phases" => TallyPhases.Run(1_000_000),
    "ranked-tally" => RankedTallyTimes.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000, rounds: 21),
    "tally-cpu" => TallyTimes.Run(1_000_000, rounds: 21) + TallyTimes.Run(10_000, rounds: 201),
    "tally-cpu-changed" => TallyTimes.Run(1_000_000, rounds: 21, changesBetween: 1) + TallyTimes.Run(10_000, rounds: 201, changesBetween: 1),
    "tally-cpu-burst" => new[] { 100, 1_000, 10_000, 15_000, 20_000 }.Sum(k => TallyTimes.Run(1_000_000, rounds: 11, changesBetween: k)),
    "cost-check" => Governance.Benchmarks.GraphQL.CostCheckTimes.Run(),
    "group-commit" => Governance.Benchmarks.Storage.GroupCommitMeasurement.Run(),
    "notification-fanout" => Governance.Benchmarks.Storage.NotificationFanOutMeasurement.Run(
        args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000,
        args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 100_000,
        args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 5,
        args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 200),
    "clock-pass" => Governance.Benchmarks.Storage.ClockPassMeasurement.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000),
    _ => Run(args),
};

static int Run(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(EngineMeasurements).Assembly).Run(args);
    return 0;
}
