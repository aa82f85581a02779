using Governance.Api.OpenApi;

namespace Governance.Api.Tests;

public sealed class OpenApiDocumentTests
{
    [Fact]
    public async Task CheckedInOpenApiYamlMatchesTheCode()
    {
        using var factory = new GovernanceApiFactory { DemoMembers = 10 };
        using var client = factory.CreateClient();
        var served = await client.GetStringAsync("/openapi/v1.yaml");
        var generated = await OpenApiExtensions.RenderYamlAsync(factory.Services);

        var checkedIn = await File.ReadAllTextAsync(Path.Combine(Repository.Root, "openapi.yaml"));

        Assert.True(checkedIn == generated, "openapi.yaml is stale: build the api project (dotnet build api) and commit the regenerated file.");
        Assert.Contains("/api/account/sign-in", served, StringComparison.Ordinal);
        Assert.Contains("/health", generated, StringComparison.Ordinal);
    }
}
