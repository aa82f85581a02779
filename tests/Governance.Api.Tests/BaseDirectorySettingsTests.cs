using Governance.Api.Hosting;
using Microsoft.AspNetCore.Builder;

namespace Governance.Api.Tests;

public sealed class BaseDirectorySettingsTests
{
    [Fact]
    public void AServerStartedFromAnotherFolderReadsTheAppSettingsBesideItsDll()
    {
        var elsewhere = Directory.CreateTempSubdirectory("governance-cwd-").FullName;
        try
        {
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = elsewhere, Args = ["--Demo:Members=7"] });
            Assert.Null(builder.Configuration["Logging:LogLevel:Microsoft.AspNetCore"]);

            builder.AddBaseDirectorySettings();

            // appsettings.json keeps ASP.NET Core's per-request logs at Warning…
            Assert.Equal("Warning", builder.Configuration["Logging:LogLevel:Microsoft.AspNetCore"]);
            // …and the command line still wins over it.
            Assert.Equal("7", builder.Configuration["Demo:Members"]);
        }
        finally
        {
            Directory.Delete(elsewhere, recursive: true);
        }
    }
}
