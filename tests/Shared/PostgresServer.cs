using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Governance.Tests.Shared;

/// <summary>
/// A throw-away PostgreSQL cluster for the test run: Debian's binaries (package postgresql,
/// which test.sh installs), initdb into a temporary folder, started once per test process on
/// a free loopback port and removed when the process exits. Each test gets a fresh database
/// in it. Nothing of a system-wide PostgreSQL is touched.
/// </summary>
public static class PostgresServer
{
    /// <summary>Set to "postgres" to run the storage and API suites on PostgreSQL instead of SQLite.</summary>
    public const string ProviderVariable = "GOVERNANCE_TEST_PROVIDER";

    private static readonly Lazy<Cluster> Started = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);
    private static int databases;

    /// <summary>True when this test run asks for PostgreSQL in place of SQLite.</summary>
    public static bool Requested =>
        string.Equals(Environment.GetEnvironmentVariable(ProviderVariable), "postgres", StringComparison.OrdinalIgnoreCase);

    /// <summary>The folder of initdb/pg_ctl, or null when PostgreSQL is not installed.</summary>
    public static string? BinDirectory { get; } = FindBinaries();

    public static string MissingMessage =>
        "PostgreSQL's server binaries are not installed (apt-get install postgresql; test.sh does this)";

    /// <summary>A new, empty database with "C" collation; returns its Npgsql connection string.</summary>
    public static string CreateDatabase(string prefix = "gov")
    {
        var cluster = Started.Value;
        var name = $"{prefix}_{Environment.ProcessId}_{Interlocked.Increment(ref databases)}";
        using (var admin = new NpgsqlConnection(cluster.ConnectionString("postgres")))
        {
            admin.Open();
            using var command = admin.CreateCommand();
            command.CommandText = $"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'";
            command.ExecuteNonQuery();
        }

        return cluster.ConnectionString(name);
    }

    private static string? FindBinaries()
    {
        var root = "/usr/lib/postgresql";
        if (!Directory.Exists(root))
        {
            return null;
        }

        return Directory.GetDirectories(root)
            .Select(d => Path.Combine(d, "bin"))
            .Where(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")))
            .OrderByDescending(d => d, StringComparer.Ordinal)
            .FirstOrDefault();
    }

    private static Cluster Start()
    {
        var bin = BinDirectory ?? throw new InvalidOperationException(MissingMessage + ".");
        RemoveLeftovers();
        var folder = Directory.CreateTempSubdirectory("governance-pg-").FullName;
        var data = Path.Combine(folder, "data");
        var port = FreePort();

        // initdb and the server refuse to run as root; the package's postgres user runs them.
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            Run("chown", "postgres", folder);
        }

        InitialiseDataFolder(data);

        // A test cluster: durability is not what these tests check, speed is welcome.
        RunAs(asRoot, Path.Combine(bin, "pg_ctl"), "-D", data, "-l", Path.Combine(folder, "server.log"), "-w", "-t", "60", "-o",
            $"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=1000",
            "start");
        var cluster = new Cluster(bin, folder, data, port, asRoot);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.Stop();
        return cluster;
    }

    /// <summary>
    /// A new cluster's data folder at <paramref name="data"/> (which must not exist; its parent
    /// belongs to the user the server runs as): a copy of an initdb'd template kept in the
    /// temporary folder, one per PostgreSQL version. initdb took 18 s at a load average of 57
    /// where the copy took 2 s, and the crash tests' cluster and this shared one each made one.
    /// The template is made once (initdb into a folder of its own, then renamed into place, so
    /// concurrent test processes never see half of one) and only ever copied.
    /// </summary>
    public static void InitialiseDataFolder(string data)
    {
        var bin = BinDirectory ?? throw new InvalidOperationException(MissingMessage + ".");
        var asRoot = Environment.UserName == "root";
        var template = Path.Combine(Path.GetTempPath(), $"governance-pgtemplate-{Path.GetFileName(Path.GetDirectoryName(bin))}-{Environment.UserName}");
        if (!File.Exists(Path.Combine(template, "data", "PG_VERSION")))
        {
            var making = Directory.CreateTempSubdirectory("governance-pgtemplate-making-").FullName;
            if (asRoot)
            {
                Run("chown", "postgres", making);
            }

            RunAs(asRoot, Path.Combine(bin, "initdb"), "-D", Path.Combine(making, "data"), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync");
            try
            {
                Directory.Move(making, template);
            }
            catch (IOException)
            {
                // Another test process made it first: use theirs.
                Directory.Delete(making, recursive: true);
            }
        }

        // cp -a keeps the owner (postgres, when the tests run as root) and the 0700 mode the server insists on.
        Run("cp", "-a", Path.Combine(template, "data"), data);
    }

    /// <summary>
    /// Clusters of earlier runs whose test process ended before it could remove them: no
    /// server running (no postmaster.pid) and untouched for ten minutes, so never a cluster
    /// another test process is making right now.
    /// </summary>
    private static void RemoveLeftovers()
    {
        foreach (var folder in Directory.EnumerateDirectories(Path.GetTempPath(), "governance-pg-*"))
        {
            try
            {
                if (!File.Exists(Path.Combine(folder, "data", "postmaster.pid")) && Directory.GetLastWriteTimeUtc(folder) < DateTime.UtcNow.AddMinutes(-10))
                {
                    Directory.Delete(folder, recursive: true);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Someone else's, or going away already.
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void RunAs(bool asRoot, string program, params string[] arguments)
    {
        if (asRoot)
        {
            Run("runuser", ["-u", "postgres", "--", program, .. arguments]);
        }
        else
        {
            Run(program, arguments);
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

    private sealed record Cluster(string Bin, string Folder, string Data, int Port, bool AsRoot)
    {
        public string ConnectionString(string database) =>
            $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Pooling=true;Maximum Pool Size=20;Timeout=30";

        public void Stop()
        {
            try
            {
                NpgsqlConnection.ClearAllPools();
                RunAs(AsRoot, Path.Combine(Bin, "pg_ctl"), "-D", Data, "-m", "immediate", "-w", "stop");
                for (var attempt = 1; Directory.Exists(Folder); attempt++)
                {
                    try
                    {
                        Directory.Delete(Folder, recursive: true);
                    }
                    catch (IOException) when (attempt < 10)
                    {
                        // The server's last children may still be letting go of their files.
                        Thread.Sleep(100);
                    }
                }
            }
            catch (Exception ex) when (ex is InvalidOperationException or IOException or UnauthorizedAccessException)
            {
                // A leftover temporary cluster is not worth failing a test run over.
            }
        }
    }
}
