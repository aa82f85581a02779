using System.Net;
using System.Text;
using System.Text.Json;

namespace Governance.Api.Tests.GraphQL;

/// <summary>GraphQL:Introspection: on for the demo, signed-in for a real organisation, or off; hints only when on.</summary>
public sealed class IntrospectionSwitchTests
{
    private const string Introspect = "{ __schema { queryType { name } } }";
    private const string Typo = "{ viewr { handle } }";

    private static async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(HttpClient client, string query)
    {
        using var content = new StringContent(JsonSerializer.Serialize(new { query }), Encoding.UTF8, "application/json");
        using var response = await client.PostAsync("/graphql", content);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    private static string? Code(JsonElement body) =>
        body.TryGetProperty("errors", out var errors) && errors[0].TryGetProperty("extensions", out var e) && e.TryGetProperty("code", out var code) ? code.GetString() : null;

    private static string Message(JsonElement body) => body.GetProperty("errors")[0].GetProperty("message").GetString()!;

    [Fact]
    public async Task TheDemoLetsAnyoneIntrospectAndSuggests()
    {
        using var factory = new GovernanceApiFactory { DemoMembers = 10 };
        var anonymous = factory.CreateClient();

        Assert.Null(Code((await PostAsync(anonymous, Introspect)).Body));
        Assert.Contains("Did you mean \"viewer\"?", Message((await PostAsync(anonymous, Typo)).Body), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/graphql/schema.graphql")).StatusCode);
    }

    [Fact]
    public async Task ARealOrganisationLetsOnlySignedInCallersIntrospectAndNeverSuggests()
    {
        using var factory = new GovernanceApiFactory { DemoMembers = 10 };
        factory.Settings["Demo:SeedOnEmptyDatabase"] = "false";
        var anonymous = factory.CreateClient();
        var member = ApiClient.CreateCookieClient(factory);
        await ApiClient.RegisterAsync(member, "introspector");

        Assert.Equal("INTROSPECTION_DISABLED", Code((await PostAsync(anonymous, Introspect)).Body));
        Assert.Null(Code((await PostAsync(member, Introspect)).Body));
        Assert.DoesNotContain("Did you mean", Message((await PostAsync(member, Typo)).Body), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/graphql/schema.graphql")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync("/graphql/schema.graphql")).StatusCode);
    }

    [Fact]
    public async Task OffRefusesEveryoneAndNeverSuggests()
    {
        using var factory = new GovernanceApiFactory { DemoMembers = 10 };
        factory.Settings["GraphQL:Introspection"] = "off";
        var member = ApiClient.CreateCookieClient(factory);
        await ApiClient.RegisterAsync(member, "introspector-off");

        Assert.Equal("INTROSPECTION_DISABLED", Code((await PostAsync(member, Introspect)).Body));
        Assert.DoesNotContain("Did you mean", Message((await PostAsync(member, Typo)).Body), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync("/graphql/schema.graphql")).StatusCode);
        Assert.Equal("Query", (await PostAsync(member, "{ __typename }")).Body.GetProperty("data").GetProperty("__typename").GetString());
    }
}
