using System.Diagnostics;

namespace Governance.Api.Tests.Conformance;

/// <summary>Runs a script of tests/conformance with node and captures what it printed.</summary>
internal static class NodeScript
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    public static string ConformanceDirectory { get; } = Path.Combine(Repository.Root, "tests", "conformance");

    public static async Task<(int ExitCode, string Output)> RunAsync(string script, params string[] arguments)
    {
        if (!Directory.Exists(Path.Combine(ConformanceDirectory, "node_modules")))
        {
            throw new InvalidOperationException(
                $"{ConformanceDirectory}/node_modules is missing: run `npm ci` in tests/conformance before `dotnet test` " +
                "(the conformance proofs use graphql-http, graphql-ws, ws and graphql-js 16 from npm).");
        }

        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = ConformanceDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start; is Node.js 20+ on PATH?");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"node {script} ran longer than {Limit}:\n{await stdout}\n{await stderr}");
        }

        var error = await stderr;
        return (process.ExitCode, await stdout + (error.Length > 0 ? "\nstderr:\n" + error : string.Empty));
    }
}
