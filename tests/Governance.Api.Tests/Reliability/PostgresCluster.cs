using System.Diagnostics;
using Governance.Tests.Shared;
using Npgsql;

namespace Governance.Api.Tests.Reliability;

/// <summary>
/// A PostgreSQL cluster of one test's own with synchronous_commit on (the default: a commit
/// returns once its WAL is written), unlike the test run's shared cluster (synchronous_commit
/// off, for speed), whose last commits an immediate shutdown may lose. fsync is on when asked
/// (the long run, GOVERNANCE_PGCRASH_FSYNC=on) and off in CI: a crash of the server's processes
/// leaves the operating system's page cache, as a SIGKILL does, so what was written survives
/// without it, and with it the end-of-recovery checkpoint took 12–16 s at a load average of
/// 44. (Surviving a power cut is PostgreSQL's own promise with fsync on.) The crash tests
/// stop it the hard way (<c>pg_ctl stop -m immediate</c>: the postmaster SIGQUITs every backend,
/// nothing is checkpointed, and the next start replays the WAL) and start it again on the same
/// port, so the API instances' connection strings stay valid.
/// </summary>
internal sealed class PostgresCluster : IDisposable
{
    private readonly string bin;
    private readonly string folder;
    private readonly string data;
    private readonly bool asRoot;
    private readonly bool fsync;

    private PostgresCluster(string bin, string folder, int port, bool asRoot, bool fsync)
    {
        this.fsync = fsync;
        this.bin = bin;
        this.folder = folder;
        data = Path.Combine(folder, "data");
        Port = port;
        this.asRoot = asRoot;
    }

    public int Port { get; }

    /// <summary>A fresh cluster (a copy of the initdb'd template, <see cref="PostgresServer.InitialiseDataFolder"/>) in a temporary folder, started on a free loopback port.</summary>
    public static PostgresCluster Start(bool fsync)
    {
        var bin = PostgresServer.BinDirectory ?? throw new InvalidOperationException(PostgresServer.MissingMessage + ".");
        var folder = Directory.CreateTempSubdirectory("governance-pgcrash-").FullName;
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            // initdb and the server refuse to run as root; the package's postgres user runs them.
            Run("chown", "postgres", folder);
        }

        var cluster = new PostgresCluster(bin, folder, ServerProcess.FreePort(), asRoot, fsync);
        PostgresServer.InitialiseDataFolder(cluster.data);
        cluster.StartServer();
        return cluster;
    }

    /// <summary>The server, started (again) on the same port.</summary>
    public void StartServer() =>
        RunAs("pg_ctl", "-D", data, "-l", Path.Combine(folder, "server.log"), "-w", "-t", "120", "-o",
            $"-p {Port} -k {folder} -c listen_addresses=127.0.0.1 -c max_connections=400 -c synchronous_commit=on -c fsync={(fsync ? "on" : "off")}", "start");

    /// <summary>The crash: every backend killed at once, no checkpoint; the next start recovers from the WAL.</summary>
    public void StopImmediate() => RunAs("pg_ctl", "-D", data, "-m", "immediate", "-w", "stop");

    public string ConnectionString(string database, int maxPoolSize = 50) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Pooling=true;Maximum Pool Size={maxPoolSize};Timeout=15;Command Timeout=30";

    public string CreateDatabase(string name)
    {
        using (var admin = new NpgsqlConnection(ConnectionString("postgres")))
        {
            admin.Open();
            using var command = admin.CreateCommand();
            command.CommandText = $"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'";
            command.ExecuteNonQuery();
        }

        NpgsqlConnection.ClearAllPools();
        return ConnectionString(name);
    }

    /// <summary>The server's own log (recovery messages), for a failure message.</summary>
    public string ServerLog()
    {
        try
        {
            return File.ReadAllText(Path.Combine(folder, "server.log"));
        }
        catch (IOException)
        {
            return "";
        }
    }

    public void Dispose()
    {
        try
        {
            NpgsqlConnection.ClearAllPools();
            StopImmediate();
        }
        catch (InvalidOperationException)
        {
            // Already stopped.
        }

        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A leftover temporary cluster is not worth failing a test over.
        }
    }

    private void RunAs(string program, params string[] arguments)
    {
        var path = Path.Combine(bin, program);
        if (asRoot)
        {
            Run("runuser", ["-u", "postgres", "--", path, .. arguments]);
        }
        else
        {
            Run(path, arguments);
        }
    }

    private static void Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}: {error}{output.Result}");
        }
    }
}
