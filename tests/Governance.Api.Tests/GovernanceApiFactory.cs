using Governance.Tests.Shared;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Governance.Api.Tests;

/// <summary>
/// The real app, on a fresh database in its own temporary folder. Tests choose the demo size;
/// the default seeds a small organisation so queries have something to read. When the run asks
/// for PostgreSQL (GOVERNANCE_TEST_PROVIDER=postgres) the database is a fresh one in the test
/// run's PostgreSQL cluster instead; <see cref="PostgresConnectionString"/> lets several apps
/// share one.
/// </summary>
public class GovernanceApiFactory : WebApplicationFactory<Program>
{
    private readonly bool ownsFolder;

    /// <param name="dataFolder">An existing data folder to reuse (kept afterwards); a fresh temporary one when null.</param>
    public GovernanceApiFactory(string? dataFolder = null)
    {
        ownsFolder = dataFolder is null;
        DataFolder = dataFolder ?? Directory.CreateTempSubdirectory("governance-api-test-").FullName;
    }

    public string DataFolder { get; }

    /// <summary>The PostgreSQL database this app runs on; null for SQLite in <see cref="DataFolder"/>.</summary>
    public string? PostgresConnectionString { get; init; } = PostgresServer.Requested ? PostgresServer.CreateDatabase("api") : null;

    public int DemoMembers { get; init; } = 120;

    /// <summary>Further configuration for this app, e.g. a sign-in budget for a test that registers many members.</summary>
    public Dictionary<string, string> Settings { get; } = [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Storage:DataDirectory", DataFolder);
        if (PostgresConnectionString is not null)
        {
            builder.UseSetting("Storage:Provider", "postgres");
            builder.UseSetting("Storage:ConnectionString", PostgresConnectionString);
        }

        builder.UseSetting("Demo:Members", DemoMembers.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Demo:Seed", "7");
        // The demo's votes stay yes/no votes here (tests take them as such and count proposals);
        // the demo issues have their own tests (IssueTests, the Core demo tests).
        builder.UseSetting("Demo:Issues", "false");
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && ownsFolder)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(DataFolder, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder is not worth failing a test over.
            }
        }
    }
}
