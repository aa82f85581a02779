using System.Text;
using System.Text.Json;
using Governance.GraphQL.Http;

namespace Governance.GraphQL.Tests.Http;

/// <summary>
/// Persisted documents over HTTP: Apollo's APQ protocol (a hash alone, a miss, the text with its
/// hash once, then the hash alone works) and the trusted-only mode, through the real handler.
/// </summary>
public sealed class PersistedDocumentsTests
{
    private readonly FakeExecutor _executor = new();
    private static readonly string TypenameHash = PersistedDocuments.Hash(FakeExecutor.Typename);

    private Task<GraphQLHttpResponse> PostAsync(PersistedDocuments? persisted, object body) =>
        new GraphQLHttpHandler(_executor, new GraphQLHttpOptions(), TimeProvider.System, persisted).HandleAsync(new GraphQLHttpRequest
        {
            Method = "POST",
            Accept = GraphQLMediaTypes.GraphQLResponseJson,
            ContentType = "application/json",
            Body = new MemoryStream(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(body))),
        }, null, CancellationToken.None);

    private Task<GraphQLHttpResponse> GetAsync(PersistedDocuments? persisted, string extensions) =>
        new GraphQLHttpHandler(_executor, new GraphQLHttpOptions(), TimeProvider.System, persisted).HandleAsync(new GraphQLHttpRequest
        {
            Method = "GET",
            Accept = GraphQLMediaTypes.GraphQLResponseJson,
            QueryParameters = name => name == "extensions" ? [extensions] : [],
        }, null, CancellationToken.None);

    private static object Persisted(string hash) => new { persistedQuery = new { version = 1, sha256Hash = hash } };

    private static JsonElement Body(GraphQLHttpResponse response) =>
        JsonDocument.Parse(GraphQLResponseWriter.ToUtf8Bytes(response.Result!)).RootElement;

    private static (string? Message, string? Code) FirstError(GraphQLHttpResponse response)
    {
        var error = Body(response).GetProperty("errors")[0];
        return (error.GetProperty("message").GetString(), error.GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task AnUnknownHashIsAMissThenTheTextRegistersItAndTheHashAloneRuns()
    {
        var store = new PersistedDocuments(PersistedDocumentMode.Automatic);

        var miss = await PostAsync(store, new { extensions = Persisted(TypenameHash) });
        Assert.Equal(400, miss.StatusCode);
        Assert.Equal(("PersistedQueryNotFound", PersistedDocuments.NotFoundCode), FirstError(miss));

        var register = await PostAsync(store, new { query = FakeExecutor.Typename, extensions = Persisted(TypenameHash) });
        Assert.Equal("Query", Body(register).GetProperty("data").GetProperty("__typename").GetString());

        var hit = await PostAsync(store, new { extensions = Persisted(TypenameHash) });
        Assert.Equal(200, hit.StatusCode);
        Assert.Equal("Query", Body(hit).GetProperty("data").GetProperty("__typename").GetString());

        var overGet = await GetAsync(store, JsonSerializer.Serialize(Persisted(TypenameHash)));
        Assert.Equal(200, overGet.StatusCode);
        Assert.Equal("Query", Body(overGet).GetProperty("data").GetProperty("__typename").GetString());
    }

    [Fact]
    public async Task AHashThatIsNotTheTextsRunsTheTextButRegistersNothing()
    {
        var store = new PersistedDocuments(PersistedDocumentMode.Automatic);
        var wrong = PersistedDocuments.Hash("{ somethingElse }");

        var sent = await PostAsync(store, new { query = FakeExecutor.Typename, extensions = Persisted(wrong) });
        Assert.Equal("Query", Body(sent).GetProperty("data").GetProperty("__typename").GetString());

        var later = await PostAsync(store, new { extensions = Persisted(wrong) });
        Assert.Equal(PersistedDocuments.NotFoundCode, FirstError(later).Code);
    }

    [Theory]
    [InlineData("{\"persistedQuery\":{\"version\":2,\"sha256Hash\":\"" + "ab" + "\"}}")]
    [InlineData("{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"ABCDEF\"}}")]
    [InlineData("{\"persistedQuery\":{\"version\":1}}")]
    [InlineData("{\"persistedQuery\":\"yes\"}")]
    public async Task AMalformedPersistedQueryIsRefusedSayingTheShape(string extensions)
    {
        var response = await GetAsync(new PersistedDocuments(PersistedDocumentMode.Automatic), extensions);

        Assert.Equal(400, response.StatusCode);
        var (message, code) = FirstError(response);
        Assert.Equal(PersistedDocuments.InvalidCode, code);
        Assert.Contains("\"version\": 1", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithPersistedDocumentsOffAHashAloneIsNotSupported()
    {
        var off = await PostAsync(new PersistedDocuments(PersistedDocumentMode.Off), new { extensions = Persisted(TypenameHash) });
        Assert.Equal(("PersistedQueryNotSupported", PersistedDocuments.NotSupportedCode), FirstError(off));

        var none = await PostAsync(null, new { extensions = Persisted(TypenameHash) });
        Assert.Equal(PersistedDocuments.NotSupportedCode, FirstError(none).Code);

        var full = await PostAsync(new PersistedDocuments(PersistedDocumentMode.Off), new { query = FakeExecutor.Typename });
        Assert.Equal(200, full.StatusCode);
    }

    [Fact]
    public async Task TrustedOnlyRunsTheManifestsDocumentsByHashOrTextAndNothingElse()
    {
        var manifest = PersistedDocuments.ReadManifest(JsonSerializer.Serialize(new Dictionary<string, string>
        {
            [TypenameHash] = FakeExecutor.Typename,
        }));
        var store = new PersistedDocuments(PersistedDocumentMode.TrustedOnly, manifest);

        var byHash = await PostAsync(store, new { extensions = Persisted(TypenameHash) });
        Assert.Equal("Query", Body(byHash).GetProperty("data").GetProperty("__typename").GetString());

        // The manifest's text runs even when other text comes with a trusted hash.
        var swapped = await PostAsync(store, new { query = FakeExecutor.UnknownField, extensions = Persisted(TypenameHash) });
        Assert.Equal("Query", Body(swapped).GetProperty("data").GetProperty("__typename").GetString());

        var byText = await PostAsync(store, new { query = FakeExecutor.Typename });
        Assert.Equal(200, byText.StatusCode);

        var other = await PostAsync(store, new { query = FakeExecutor.UnknownField });
        Assert.Equal(PersistedDocuments.UntrustedCode, FirstError(other).Code);

        var unknownHash = await PostAsync(store, new { extensions = Persisted(PersistedDocuments.Hash("{ x }")) });
        Assert.Equal(PersistedDocuments.NotFoundCode, FirstError(unknownHash).Code);
    }

    [Fact]
    public void AManifestEntryWhoseKeyIsNotItsHashIsRefusedNamingIt()
    {
        var error = Assert.Throws<FormatException>(() => PersistedDocuments.ReadManifest("{\"" + new string('0', 64) + "\":\"{ a }\"}"));
        Assert.Contains(new string('0', 64), error.Message, StringComparison.Ordinal);

        var prefixed = PersistedDocuments.ReadManifest("{\"sha256:" + TypenameHash + "\":" + JsonSerializer.Serialize(FakeExecutor.Typename) + "}");
        Assert.Equal(FakeExecutor.Typename, prefixed[TypenameHash]);
    }

    [Fact]
    public async Task TheRegisteredDocumentsAreBounded()
    {
        var store = new PersistedDocuments(PersistedDocumentMode.Automatic, capacity: 0);

        await PostAsync(store, new { query = FakeExecutor.Typename, extensions = Persisted(TypenameHash) });
        var later = await PostAsync(store, new { extensions = Persisted(TypenameHash) });

        Assert.Equal(PersistedDocuments.NotFoundCode, FirstError(later).Code);
    }
}
