using System.Text;
using System.Text.Json;
using Governance.GraphQL.Http;

namespace Governance.Api.Tests.GraphQL;

/// <summary>
/// GraphQL:PersistedDocuments on the real server: APQ by default (a third party sends full
/// documents or registers hashes), TrustedOnly runs nothing but the manifest's documents, and
/// the manifest the web client build writes is what the server trusts.
/// </summary>
public sealed class TrustedDocumentsTests : IDisposable
{
    private const string Areas = "query Areas { areas { id name } }";
    private readonly string _manifest = Path.Combine(Path.GetTempPath(), $"persisted-{Guid.NewGuid():N}.json");

    public TrustedDocumentsTests() =>
        File.WriteAllText(_manifest, JsonSerializer.Serialize(new Dictionary<string, string> { [PersistedDocuments.Hash(Areas)] = Areas }));

    public void Dispose() => File.Delete(_manifest);

    private static async Task<JsonElement> PostAsync(HttpClient client, object body)
    {
        using var content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
        using var response = await client.PostAsync("/graphql", content);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static object Hash(string hash) => new { persistedQuery = new { version = 1, sha256Hash = hash } };

    private static string? Code(JsonElement body) =>
        body.TryGetProperty("errors", out var errors) ? errors[0].GetProperty("extensions").GetProperty("code").GetString() : null;

    [Fact]
    public async Task ByDefaultAThirdPartySendsFullDocumentsOrRegistersAHashOnce()
    {
        using var factory = new GovernanceApiFactory { DemoMembers = 10 };
        factory.Settings[Governance.Api.GraphQL.GraphQLServiceRegistration.ManifestSetting] = _manifest;
        var client = factory.CreateClient();
        const string Mine = "{ areas { name } }";

        Assert.Null(Code(await PostAsync(client, new { query = Mine })));
        Assert.Equal(PersistedDocuments.NotFoundCode, Code(await PostAsync(client, new { extensions = Hash(PersistedDocuments.Hash(Mine)) })));
        Assert.Null(Code(await PostAsync(client, new { query = Mine, extensions = Hash(PersistedDocuments.Hash(Mine)) })));
        var hit = await PostAsync(client, new { extensions = Hash(PersistedDocuments.Hash(Mine)) });
        Assert.True(hit.GetProperty("data").GetProperty("areas").GetArrayLength() > 0);

        // The manifest's documents are known without registering.
        var trusted = await PostAsync(client, new { extensions = Hash(PersistedDocuments.Hash(Areas)) });
        Assert.True(trusted.GetProperty("data").GetProperty("areas").GetArrayLength() > 0);
    }

    [Fact]
    public async Task TrustedOnlyRunsTheManifestAndRefusesOtherDocumentsNamingTheSetting()
    {
        using var factory = new GovernanceApiFactory { DemoMembers = 10 };
        factory.Settings[Governance.Api.GraphQL.GraphQLServiceRegistration.ManifestSetting] = _manifest;
        factory.Settings["GraphQL:PersistedDocuments"] = "TrustedOnly";
        var client = factory.CreateClient();

        var byHash = await PostAsync(client, new { extensions = Hash(PersistedDocuments.Hash(Areas)) });
        Assert.True(byHash.GetProperty("data").GetProperty("areas").GetArrayLength() > 0);
        Assert.Null(Code(await PostAsync(client, new { query = Areas })));

        var other = await PostAsync(client, new { query = "{ areas { id } }" });
        Assert.Equal(PersistedDocuments.UntrustedCode, Code(other));
        Assert.Contains("GraphQL:PersistedDocuments", other.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.False(other.TryGetProperty("data", out _));
    }

    [Fact]
    public void TheWebClientBuildWritesAManifestOfItsOperationsThatTheServerAccepts()
    {
        var dist = Path.Combine(Repository.Root, "web-client", "dist", "persisted-documents.json");
        Assert.True(File.Exists(dist), $"{dist} is missing: the web client build did not write its manifest");
        var manifest = PersistedDocuments.ReadManifest(File.ReadAllText(dist));
        Assert.True(manifest.Count >= 20, $"only {manifest.Count} documents in the manifest");
        Assert.Contains(manifest.Values, d => d.StartsWith("query AreaTree", StringComparison.Ordinal));
    }
}
