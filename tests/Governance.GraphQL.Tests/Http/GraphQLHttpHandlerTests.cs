using System.Text;
using System.Text.Json;
using Governance.GraphQL.Http;

namespace Governance.GraphQL.Tests.Http;

public sealed class GraphQLHttpHandlerTests
{
    private readonly FakeExecutor _executor = new();
    private readonly GraphQLHttpOptions _options = new() { MaxRequestBodyBytes = 1024 };

    private Task<GraphQLHttpResponse> PostAsync(string body, string? accept = null, string? contentType = "application/json") =>
        new GraphQLHttpHandler(_executor, _options, TimeProvider.System).HandleAsync(new GraphQLHttpRequest
        {
            Method = "POST",
            Accept = accept,
            ContentType = contentType,
            Body = new MemoryStream(Encoding.UTF8.GetBytes(body)),
        }, null, CancellationToken.None);

    private Task<GraphQLHttpResponse> GetAsync(string query, string? accept = null, string? variables = null) =>
        new GraphQLHttpHandler(_executor, _options, TimeProvider.System).HandleAsync(new GraphQLHttpRequest
        {
            Method = "GET",
            Accept = accept,
            QueryParameters = name => name switch
            {
                "query" => [query],
                "variables" when variables is not null => [variables],
                _ => [],
            },
        }, null, CancellationToken.None);

    private static JsonElement Body(GraphQLHttpResponse response) =>
        JsonDocument.Parse(GraphQLResponseWriter.ToUtf8Bytes(response.Result!)).RootElement;

    private static string Json(object value) => JsonSerializer.Serialize(value);

    [Fact]
    public async Task PostWithoutAcceptIsAnsweredAsApplicationJson()
    {
        var response = await PostAsync(Json(new { query = FakeExecutor.Typename }));

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("application/json; charset=utf-8", response.ContentType);
        Assert.Equal("Query", Body(response).GetProperty("data").GetProperty("__typename").GetString());
        Assert.False(Body(response).TryGetProperty("errors", out _));
    }

    [Theory]
    [InlineData(FakeExecutor.Broken)]
    [InlineData(FakeExecutor.UnknownField)]
    public async Task RequestErrorIs400WithoutDataUnderGraphQLResponseJson(string query)
    {
        var response = await PostAsync(Json(new { query }), accept: GraphQLMediaTypes.GraphQLResponseJson);

        Assert.Equal(400, response.StatusCode);
        Assert.Equal("application/graphql-response+json; charset=utf-8", response.ContentType);
        Assert.False(Body(response).TryGetProperty("data", out _));
        Assert.Equal(1, Body(response).GetProperty("errors").GetArrayLength());
    }

    [Fact]
    public async Task RequestErrorIs200UnderApplicationJson()
    {
        var response = await PostAsync(Json(new { query = FakeExecutor.UnknownField }), accept: GraphQLMediaTypes.Json);

        Assert.Equal(200, response.StatusCode);
        var error = Body(response).GetProperty("errors")[0];
        Assert.Equal(1, error.GetProperty("locations")[0].GetProperty("line").GetInt32());
        Assert.Equal(3, error.GetProperty("locations")[0].GetProperty("column").GetInt32());
    }

    [Fact]
    public async Task VariableCoercionFailureIs400UnderGraphQLResponseJson()
    {
        var response = await PostAsync(Json(new { query = FakeExecutor.NeedsId, variables = new { id = (string?)null } }),
            accept: GraphQLMediaTypes.GraphQLResponseJson);

        Assert.Equal(400, response.StatusCode);
        Assert.False(Body(response).TryGetProperty("data", out _));
    }

    [Fact]
    public async Task NullDataFromAFieldErrorIs200WithDataNullAndAPath()
    {
        var response = await PostAsync(Json(new { query = FakeExecutor.Nulled }), accept: GraphQLMediaTypes.GraphQLResponseJson);

        Assert.Equal(200, response.StatusCode);
        Assert.Equal(JsonValueKind.Null, Body(response).GetProperty("data").ValueKind);
        Assert.Equal("nulled", Body(response).GetProperty("errors")[0].GetProperty("path")[0].GetString());
    }

    [Fact]
    public async Task MutationOverGetIs405AllowingPost()
    {
        var response = await GetAsync(FakeExecutor.Mutation, accept: GraphQLMediaTypes.GraphQLResponseJson);

        Assert.Equal(405, response.StatusCode);
        Assert.Equal("POST", response.Allow);
        Assert.Contains("POST", Body(response).GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueryOverGetReadsJsonVariables()
    {
        var response = await GetAsync(FakeExecutor.NeedsId, variables: """{"id":"7"}""");

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("Query", Body(response).GetProperty("data").GetProperty("__typename").GetString());
    }

    [Theory]
    [InlineData("text/html")]
    [InlineData("application/xml, text/plain;q=0.5")]
    [InlineData("application/json; charset=iso-8859-1")]
    [InlineData("application/json;q=0, application/graphql-response+json;q=0")]
    public async Task UnacceptableAcceptIs406(string accept)
    {
        var response = await PostAsync(Json(new { query = FakeExecutor.Typename }), accept: accept);

        Assert.Equal(406, response.StatusCode);
        Assert.NotNull(response.Problem);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("text/plain")]
    [InlineData("application/graphql")]
    [InlineData("application/json; charset=latin1")]
    public async Task PostThatIsNotUtf8JsonIs415(string? contentType)
    {
        var response = await PostAsync(Json(new { query = FakeExecutor.Typename }), contentType: contentType);

        Assert.Equal(415, response.StatusCode);
    }

    [Fact]
    public async Task BodyOverTheLimitIs413()
    {
        var response = await PostAsync(Json(new { query = FakeExecutor.Typename + new string(' ', 2000) }));

        Assert.Equal(413, response.StatusCode);
    }

    [Theory]
    [InlineData("""{"query": 1}""")]
    [InlineData("""{"query": ["{ a }"]}""")]
    [InlineData("""{"query": "{ a }", "operationName": false}""")]
    [InlineData("""{"query": "{ a }", "variables": "{}"}""")]
    [InlineData("""{"query": "{ a }", "variables": [1]}""")]
    [InlineData("""{"query": "{ a }", "extensions": 0}""")]
    [InlineData("""{"qeury": "{ a }"}""")]
    [InlineData("""{ "not a JSON""")]
    [InlineData("""[{"query": "{ a }"}]""")]
    [InlineData("")]
    public async Task MalformedParametersAre400WhateverTheMediaType(string body)
    {
        var asJson = await PostAsync(body, accept: GraphQLMediaTypes.Json);
        var asGraphQL = await PostAsync(body, accept: GraphQLMediaTypes.GraphQLResponseJson);

        Assert.Equal(400, asJson.StatusCode);
        Assert.Equal(400, asGraphQL.StatusCode);
        Assert.False(Body(asJson).TryGetProperty("data", out _));
    }

    [Fact]
    public async Task NullOptionalParametersAreAccepted()
    {
        var response = await PostAsync("""{"query":"{ __typename }","operationName":null,"variables":null,"extensions":null}""");

        Assert.Equal(200, response.StatusCode);
        Assert.False(Body(response).TryGetProperty("errors", out _));
    }

    [Fact]
    public async Task OtherMethodsAre405AllowingGetAndPost()
    {
        var response = await new GraphQLHttpHandler(_executor, _options, TimeProvider.System)
            .HandleAsync(new GraphQLHttpRequest { Method = "PUT" }, null, CancellationToken.None);

        Assert.Equal(405, response.StatusCode);
        Assert.Equal("GET, POST", response.Allow);
    }

    [Fact]
    public async Task SubscriptionOverHttpIsARequestErrorPointingToWebSocket()
    {
        var response = await PostAsync(Json(new { query = FakeExecutor.CountTo3 }), accept: GraphQLMediaTypes.GraphQLResponseJson);

        Assert.Equal(400, response.StatusCode);
        Assert.Contains("WebSocket", Body(response).GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecutionPastTheTimeoutIsCancelledAndReported()
    {
        _options.ExecutionTimeout = TimeSpan.FromMilliseconds(50);

        var response = await PostAsync(Json(new { query = FakeExecutor.Slow }), accept: GraphQLMediaTypes.GraphQLResponseJson);

        Assert.Equal(503, response.StatusCode);
        Assert.Equal("EXECUTION_TIMEOUT", Body(response).GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task EventStreamAcceptStreamsEachSubscriptionResultAsANextEventThenComplete()
    {
        var response = await PostAsync(Json(new { query = FakeExecutor.CountTo3 }), accept: "text/event-stream");
        using var body = new MemoryStream();
        await GraphQLEventStream.WriteAsync(body, response.Events!, CancellationToken.None);

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("text/event-stream; charset=utf-8", response.ContentType);
        Assert.Equal(
            "event: next\ndata: {\"data\":{\"count\":1}}\n\n" +
            "event: next\ndata: {\"data\":{\"count\":2}}\n\n" +
            "event: next\ndata: {\"data\":{\"count\":3}}\n\n" +
            "event: complete\ndata:\n\n",
            Encoding.UTF8.GetString(body.ToArray()));
    }

    [Fact]
    public async Task SubscriptionOverGetStreamsForAnEventSource()
    {
        var response = await GetAsync(FakeExecutor.CountTo3, accept: "text/event-stream");
        var results = await response.Events!.ToListAsync();

        Assert.Equal(200, response.StatusCode);
        Assert.Equal(3, results.Count);
    }

    [Fact]
    public async Task EventStreamCarriesARequestErrorAsAnEventNotA400()
    {
        var response = await PostAsync(Json(new { query = FakeExecutor.Broken }), accept: "text/event-stream");
        var results = await response.Events!.ToListAsync();

        Assert.Equal(200, response.StatusCode);
        Assert.False(Assert.Single(results).HasData);
    }

    // urql, Apollo and other fetch clients list text/event-stream beside the JSON types, all at
    // q=1, on every request: a query must still come back as one JSON response, a subscription
    // as a stream.
    private const string FetchClientAccept =
        "application/graphql-response+json, application/graphql+json, application/json, text/event-stream, multipart/mixed";

    [Fact]
    public async Task QueryFromAClientThatAlsoAcceptsEventStreamIsAnsweredInJson()
    {
        var response = await PostAsync(Json(new { query = FakeExecutor.Typename }), accept: FetchClientAccept);

        Assert.Equal(200, response.StatusCode);
        Assert.Null(response.Events);
        Assert.StartsWith("application/graphql-response+json", response.ContentType, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubscriptionFromAClientThatAlsoAcceptsJsonIsStreamed()
    {
        var response = await PostAsync(Json(new { query = FakeExecutor.CountTo3 }), accept: FetchClientAccept);
        var results = await response.Events!.ToListAsync();

        Assert.Equal("text/event-stream; charset=utf-8", response.ContentType);
        Assert.Equal(3, results.Count);
    }

    [Fact]
    public async Task EventStreamRankedAboveJsonStreamsEvenAQuery()
    {
        var response = await PostAsync(Json(new { query = FakeExecutor.Typename }),
            accept: "application/json;q=0.5, text/event-stream");
        var results = await response.Events!.ToListAsync();

        Assert.True(Assert.Single(results).HasData);
    }
}
