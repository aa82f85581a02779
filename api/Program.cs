using Governance.Api.Accounts;
using Governance.Api.Auth;
using Governance.Api.Cli;
using Governance.Api.Exports;
using Governance.Api.Clock;
using Governance.Api.GraphQL;
using Governance.Api.Health;
using Governance.Api.Notifications;
using Governance.Api.Hosting;
using Governance.Api.OpenApi;
using Governance.Api.Schema;
using Governance.Api.Security;
using Governance.Api.Storage;
using Governance.Api.WebClient;

// The command line first: `seed`, `verify-log`, `recount`… run and exit; `serve` (the
// default) falls through to the web host below.
if (GovernanceCli.IsToolCommand(args))
{
    return await GovernanceCli.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(GovernanceCli.ServeArguments(args));
builder.AddBaseDirectorySettings();

builder.Services.AddProblemDetails();
builder.Services.AddSingleton(TimeProvider.System);
builder.AddGovernanceStorage();
builder.AddGovernanceAuth();
builder.AddGovernanceRateLimits();
builder.AddGovernanceHealthChecks();
builder.AddGovernanceOpenApi();
builder.AddGraphQLTransport();
builder.AddGovernanceSchema();
builder.AddGovernanceClock();
builder.AddGovernanceNotifications();

var app = builder.Build();

app.UseSecurityHeaders();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseGovernanceAuth();
app.UseRateLimiter();
app.UseAuthorization();

app.MapGovernanceHealth();
app.MapAccountsApi();
app.MapTokensApi();
app.MapExportsApi();
app.MapGovernanceOpenApi();
app.MapGraphQLEndpoints();
app.MapWebClient();
app.MapTestingHooks();

// The build exports openapi.yaml this way, without touching a database.
if (app.OpenApiExportRequested())
{
    return await app.ExportOpenApiAsync();
}

if (!app.TryInitialiseStorage())
{
    return 1;
}

await app.RunAsync();
return 0;

/// <summary>The entry point, visible to WebApplicationFactory in the API tests.</summary>
public partial class Program;
