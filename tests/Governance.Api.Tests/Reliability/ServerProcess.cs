using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Governance.Api.Tests.Reliability;

/// <summary>
/// The real server as an operator runs it — `dotnet Governance.Api.dll serve` on a loopback port
/// with a data folder — so that it can be killed with SIGKILL and started again on the same
/// database. Its output is kept for the failure message.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder log = new();

    private ServerProcess(Process process, int port)
    {
        this.process = process;
        Port = port;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    public int Id => process.Id;

    public bool HasExited => process.HasExited;

    public string Log
    {
        get
        {
            lock (log)
            {
                return log.ToString();
            }
        }
    }

    /// <summary>Starts the server on a free port and waits until /health answers.</summary>
    public static async Task<ServerProcess> StartAsync(string dataFolder, IReadOnlyDictionary<string, string>? settings = null, TimeSpan? readyWithin = null, string? runAs = null)
    {
        var server = Launch(dataFolder, settings, runAs);
        await server.WaitUntilReadyAsync(readyWithin ?? TimeSpan.FromMinutes(3));
        return server;
    }

    /// <summary>Starts the server without waiting for it: for a kill during start-up (the clock's catch-up pass).</summary>
    /// <param name="runAs">A user to run the server as (setpriv, which execs: the process is still the server's); the test must run as root.</param>
    public static ServerProcess Launch(string dataFolder, IReadOnlyDictionary<string, string>? settings = null, string? runAs = null)
    {
        var port = FreePort();
        // GOVERNANCE_SERVER_CPUS (say "0") pins the server to those cores with taskset, which
        // execs dotnet in its own process: a long run can keep its load generator off them.
        var cpus = Environment.GetEnvironmentVariable("GOVERNANCE_SERVER_CPUS");
        var start = new ProcessStartInfo(runAs is not null ? "setpriv" : string.IsNullOrEmpty(cpus) ? "dotnet" : "taskset")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        if (runAs is not null)
        {
            foreach (var argument in new[] { "--reuid", runAs, "--regid", runAs, "--init-groups", "dotnet" })
            {
                start.ArgumentList.Add(argument);
            }

            // The user's own home may not exist: dotnet and ASP.NET keep their files in the data folder.
            start.Environment["HOME"] = dataFolder;
            start.Environment["DOTNET_CLI_HOME"] = dataFolder;
        }
        if (!string.IsNullOrEmpty(cpus) && runAs is null)
        {
            start.ArgumentList.Add("--cpu-list");
            start.ArgumentList.Add(cpus);
            start.ArgumentList.Add("dotnet");
        }

        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Governance.Api.dll"));
        start.ArgumentList.Add("serve");
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        start.ArgumentList.Add($"--Storage:DataDirectory={dataFolder}");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.ArgumentList.Add($"--{key}={value}");
        }

        // A long run can hold the server to a hard GC heap limit, so a leak fails it with an
        // OutOfMemoryException (and 5xx) instead of showing only as a rising RSS.
        if (int.TryParse(Environment.GetEnvironmentVariable("GOVERNANCE_SERVER_HEAP_LIMIT_MB"), CultureInfo.InvariantCulture, out var limit) && limit > 0)
        {
            start.Environment["DOTNET_GCHeapHardLimit"] = ((long)limit * 1024 * 1024).ToString("x", CultureInfo.InvariantCulture);
        }

        start.Environment["DOTNET_ENVIRONMENT"] = "Testing";
        // The demo's votes stay yes/no votes, as in GovernanceApiFactory: these runs count and recount them.
        start.Environment["Demo__Issues"] = "false";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        return new ServerProcess(Process.Start(start)!, port);
    }

    public async Task WaitUntilReadyAsync(TimeSpan within)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < within)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The server exited with {process.ExitCode} while starting:\n{Log}");
            }

            try
            {
                using var response = await client.GetAsync("/health");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"The server did not answer /health within {within.TotalSeconds:0} s:\n{Log}");
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing — a power cut as far as the process can tell.</summary>
    public async Task KillAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: false);
        }

        await process.WaitForExitAsync();
    }

    /// <summary>The server's resident memory, from /proc (Linux).</summary>
    public long ResidentBytes()
    {
        process.Refresh();
        return process.WorkingSet64;
    }

    /// <summary>The server's operating-system threads now (a starved thread pool grows them).</summary>
    public int ThreadCount()
    {
        process.Refresh();
        return process.Threads.Count;
    }

    public TimeSpan CpuTime()
    {
        process.Refresh();
        return process.TotalProcessorTime;
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            // Keep the tail: a long load run logs a lot.
            if (log.Length > 200_000)
            {
                log.Remove(0, 100_000);
            }

            log.AppendLine(line);
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
