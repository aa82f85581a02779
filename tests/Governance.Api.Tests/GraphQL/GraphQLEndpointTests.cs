using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Governance.Api.Tests.Conformance;

namespace Governance.Api.Tests.GraphQL;

/// <summary>What /graphql does beyond the GraphQL-over-HTTP audits: the SDL, and problem details (GraphiQL: WebClientHostingTests).</summary>
public sealed class GraphQLEndpointTests(ConformanceServer server) : IClassFixture<ConformanceServer>, IDisposable
{
    private readonly HttpClient _client = new();

    public void Dispose() => _client.Dispose();

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    [Fact]
    public async Task GetWithAQueryFromABrowserIsStillGraphQL()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, server.HttpUrl + "?query=%7B__typename%7D");
        request.Headers.Accept.ParseAdd("text/html,application/json;q=0.9");

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"data":{"__typename":"Query"}}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SdlIsServedAtBothAddressesAsTheEnginePrintsIt()
    {
        var sdl = await _client.GetStringAsync(server.HttpUrl + "?sdl");
        var file = await _client.GetStringAsync(server.HttpUrl + "/schema.graphql");

        Assert.Equal(sdl, file);
        Assert.Contains("type Subscription {", sdl, StringComparison.Ordinal);
        Assert.Contains("input ItemKey @oneOf {", sdl, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MutationOverGetIs405AndTheAllowHeaderSaysPost()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, server.HttpUrl + "?query=" + Uri.EscapeDataString("mutation { echo(text: \"x\") }"));
        request.Headers.Accept.ParseAdd("application/graphql-response+json");

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["POST"], response.Content.Headers.Allow);
    }

    [Fact]
    public async Task UnacceptableAcceptIsA406ProblemDetails()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, server.HttpUrl) { Content = Json("""{"query":"{ __typename }"}""") };
        request.Headers.Accept.ParseAdd("text/csv");

        using var response = await _client.SendAsync(request);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(406, problem.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task UnsupportedContentTypeIsA415ProblemDetails()
    {
        using var content = new StringContent("{ __typename }", Encoding.UTF8, "application/graphql");

        using var response = await _client.PostAsync(server.HttpUrl, content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task BodyAboveTheConfiguredLimitIsA413ProblemDetails()
    {
        var padding = new string(' ', ConformanceServer.MaxRequestBodyBytes);
        using var content = Json("{\"query\":\"{ __typename }\"" + padding + "}");

        using var response = await _client.PostAsync(server.HttpUrl, content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task BodyJustUnderTheConfiguredLimitIsServed()
    {
        var body = "{\"query\":\"{ __typename }\"}";
        using var content = Json(body.Insert(1, new string(' ', ConformanceServer.MaxRequestBodyBytes - body.Length)));

        using var response = await _client.PostAsync(server.HttpUrl, content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task OtherMethodsAre405AllowingGetAndPost()
    {
        using var response = await _client.PutAsync(server.HttpUrl, Json("{}"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["GET", "POST"], response.Content.Headers.Allow.Order());
    }
}
