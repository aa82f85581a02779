using System.Globalization;
using BenchmarkDotNet.Running;
using Governance.Benchmarks.HttpServer;

// Runs the benchmarks named on the command line: `dotnet run -c Release --project
// tests/Governance.Benchmarks -- --filter '*Tally*'`. Figures go to docs/benchmarks.md.
// `http-server PORT` instead serves GraphQL over HTTP for http-bench.sh.
if (args is ["http-server", var port])
{
    await BenchmarkHttpServer.RunAsync(int.Parse(port, CultureInfo.InvariantCulture));
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(BenchmarkHttpServer).Assembly).Run(args);
