using System.Net;
using Dapper;
using Governance.Core.Storage;

namespace Governance.Api.Tests;

public sealed class HealthTests
{
    [Fact]
    public async Task FreshStartServesHealthAndGeneratesTheDemoOrganisation()
    {
        using var factory = new GovernanceApiFactory { DemoMembers = 150 };
        using var client = factory.CreateClient();

        var response = await client.GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"status\":\"Healthy\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("150 members", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var database = Database.FromOptions(new StorageOptions { DataDirectory = factory.DataFolder });
        using var connection = database.Open();
        Assert.Equal(150, connection.ExecuteScalar<int>("SELECT count(*) FROM members"));
        Assert.True(EventLog.Verify(database).Intact);
    }

    [Fact]
    public async Task SecondStartReusesTheDatabaseInsteadOfSeedingAgain()
    {
        var folder = Directory.CreateTempSubdirectory("governance-api-reuse-").FullName;
        try
        {
            foreach (var members in new[] { 100, 999 })
            {
                await using var factory = new GovernanceApiFactory(folder) { DemoMembers = members };
                using var client = factory.CreateClient();
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/health", UriKind.Relative))).StatusCode);
            }

            using var connection = Database.FromOptions(new StorageOptions { DataDirectory = folder }).Open();
            Assert.Equal(100, connection.ExecuteScalar<int>("SELECT count(*) FROM members"));
            Assert.Equal(1, connection.ExecuteScalar<int>("SELECT count(*) FROM event_log WHERE type = 'organisation.seeded'"));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
