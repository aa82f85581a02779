using Microsoft.Data.Sqlite;
using Npgsql;

namespace Governance.Api.Storage;

/// <summary>
/// Hooks that exist only when the host runs in the "Testing" environment (the test harnesses'
/// server processes set it; an operator's server never does): POST /testing/storage/clear-pools
/// drops every idle pooled connection, as the server does itself on a storage fault, so that a
/// test can make the next connections open at a moment of its choosing — the read-only spell
/// test opens them while the folder is read-only, every time (issue 21).
/// </summary>
internal static class TestingHooks
{
    public const string Environment = "Testing";

    public static WebApplication MapTestingHooks(this WebApplication app)
    {
        if (!app.Environment.IsEnvironment(Environment))
        {
            return app;
        }

        app.MapPost("/testing/storage/clear-pools", () =>
        {
            SqliteConnection.ClearAllPools();
            NpgsqlConnection.ClearAllPools();
            return Results.NoContent();
        }).AllowAnonymous().DisableRateLimiting().ExcludeFromDescription();
        return app;
    }
}
