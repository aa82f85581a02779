using Dapper;
using Governance.Core.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Governance.Api.Health;

/// <summary>The service's health: "Healthy" with 200 when the database answers, 503 otherwise.</summary>
public sealed record HealthResponse(string Status, IReadOnlyDictionary<string, string> Checks);

public static class HealthExtensions
{
    public static WebApplicationBuilder AddGovernanceHealthChecks(this WebApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return builder;
    }

    public static WebApplication MapGovernanceHealth(this WebApplication app)
    {
        app.MapGet("/health", Health).WithTags("Health").AllowAnonymous().DisableRateLimiting();
        return app;
    }

    public static async Task<Results<Ok<HealthResponse>, JsonHttpResult<HealthResponse>>> Health(HealthCheckService health, CancellationToken cancellationToken)
    {
        var report = await health.CheckHealthAsync(cancellationToken);
        var body = new HealthResponse(
            report.Status.ToString(),
            report.Entries.ToDictionary(e => e.Key, e => e.Value.Description ?? e.Value.Status.ToString()));
        return report.Status == HealthStatus.Healthy
            ? TypedResults.Ok(body)
            : TypedResults.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}

/// <summary>Healthy when the database answers a read; unhealthy otherwise.</summary>
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
        catch (System.Data.Common.DbException ex)
        {
            return HealthCheckResult.Unhealthy("The database does not answer.", ex);
        }
    }
}
