using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Governance.Api.OpenApi;

public static class OpenApiExtensions
{
    public static WebApplicationBuilder AddGovernanceOpenApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "Governance REST API",
                    Version = "v1",
                    Description = "Sessions, personal access tokens, health and exports. Everything else is in the GraphQL API at /graphql.",
                };

                // Generated from the code, the document must not depend on where the build ran.
                document.Servers = [];
                return Task.CompletedTask;
            });
            SecurityDocumentation.Add(options);
        });
        return builder;
    }

    public static WebApplication MapGovernanceOpenApi(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapOpenApi("/openapi/{documentName}.yaml");
        return app;
    }

    /// <summary>True when the build asked for the document (OpenApi:ExportPath) rather than a running service.</summary>
    public static bool OpenApiExportRequested(this WebApplication app) =>
        !string.IsNullOrEmpty(app.Configuration["OpenApi:ExportPath"]);

    /// <summary>Writes the YAML document to OpenApi:ExportPath, only when it changed; touches no database.</summary>
    public static async Task<int> ExportOpenApiAsync(this WebApplication app)
    {
        var path = app.Configuration["OpenApi:ExportPath"]!;

        // Endpoints join the routing data source through UseEndpoints, which a running app does at
        // start. Exporting must start neither the server nor hosted services (the clock would
        // want a database), and this pipeline is never run, so wire them here.
        app.UseRouting();
        app.UseEndpoints(_ => { });
        var yaml = await RenderYamlAsync(app.Services);
        if (!File.Exists(path) || await File.ReadAllTextAsync(path) != yaml)
        {
            await File.WriteAllTextAsync(path, yaml);
        }

        return 0;
    }

    public static async Task<string> RenderYamlAsync(IServiceProvider services)
    {
        var provider = services.GetRequiredKeyedService<IOpenApiDocumentProvider>("v1");
        var document = await provider.GetOpenApiDocumentAsync();
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        document.SerializeAsV31(new OpenApiYamlWriter(writer));
        return writer.ToString().ReplaceLineEndings("\n").TrimEnd('\n') + "\n";
    }
}
