using Governance.Api.Cli;
using Governance.Api.Clock;
using Governance.Api.Health;
using Governance.Api.Storage;

// The command line first: `seed`, `verify-log`, `recount`… run and exit; `serve` (the
// default) falls through to the web host below.
if (GovernanceCli.IsToolCommand(args))
{
    return await GovernanceCli.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(GovernanceCli.ServeArguments(args));

builder.Services.AddProblemDetails();
builder.Services.AddSingleton(TimeProvider.System);
builder.AddGovernanceStorage();
builder.AddGovernanceHealthChecks();
builder.AddGovernanceClock();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();

if (!app.TryInitialiseStorage())
{
    return 1;
}

app.MapGovernanceHealth();

await app.RunAsync();
return 0;

/// <summary>The entry point, visible to WebApplicationFactory in the API tests.</summary>
public partial class Program;
