using BenchmarkDotNet.Running;

// Runs the benchmarks named on the command line: `dotnet run -c Release --project
// tests/Governance.Benchmarks -- --filter '*Tally*'`. Figures go to docs/benchmarks.md.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
