using Microsoft.Extensions.Configuration.Json;

namespace Governance.Api.Hosting;

/// <summary>
/// appsettings.json beside the application's dll, not only in the working folder: the host
/// reads it from its content root (the working folder), so `dotnet /srv/governance/Governance.Api.dll`
/// started elsewhere skipped it and a Release server logged every request at Information level.
/// </summary>
public static class BaseDirectorySettings
{
    public static IHostApplicationBuilder AddBaseDirectorySettings(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var path = Path.Combine(AppContext.BaseDirectory, "appsettings.json");
        var contentRoot = Path.Combine(builder.Environment.ContentRootPath, "appsettings.json");
        if (!File.Exists(path) || string.Equals(Path.GetFullPath(path), Path.GetFullPath(contentRoot), StringComparison.Ordinal))
        {
            return builder;
        }

        // Lowest precedence: the working folder's appsettings.json, environment variables and
        // the command line still override it, as they override each other.
        var source = new JsonConfigurationSource { Path = path, Optional = true, ReloadOnChange = false };
        source.ResolveFileProvider();
        builder.Configuration.Sources.Insert(0, source);
        return builder;
    }
}
