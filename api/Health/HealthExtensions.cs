using Dapper;
using Governance.Core.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Governance.Api.Health;

public static class HealthExtensions
{
    public static WebApplicationBuilder AddGovernanceHealthChecks(this WebApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return builder;
    }

    public static WebApplication MapGovernanceHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health").WithTags("Health");
        return app;
    }
}

/// <summary>Healthy when the database answers a read; a 503 otherwise.</summary>
internal sealed class DatabaseHealthCheck(Database database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            var members = await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM members");
            return HealthCheckResult.Healthy($"{members} members");
        }
        catch (Microsoft.Data.Sqlite.SqliteException ex)
        {
            return HealthCheckResult.Unhealthy("The database does not answer.", ex);
        }
    }
}
