using Governance.GraphQL.Http;

namespace Governance.GraphQL.Tests.Http;

public sealed class MediaTypeNegotiationTests
{
    [Theory]
    [InlineData(null, GraphQLResponseMediaType.Json)]
    [InlineData("", GraphQLResponseMediaType.Json)]
    [InlineData("*/*", GraphQLResponseMediaType.Json)]
    [InlineData("application/*", GraphQLResponseMediaType.Json)]
    [InlineData("application/json", GraphQLResponseMediaType.Json)]
    [InlineData("application/graphql-response+json", GraphQLResponseMediaType.GraphQLResponseJson)]
    [InlineData("application/graphql-response+json, application/json", GraphQLResponseMediaType.GraphQLResponseJson)]
    [InlineData("application/json, application/graphql-response+json;q=0.9", GraphQLResponseMediaType.Json)]
    [InlineData("application/graphql-response+json;charset=utf-8", GraphQLResponseMediaType.GraphQLResponseJson)]
    [InlineData("APPLICATION/JSON; Charset=UTF-8", GraphQLResponseMediaType.Json)]
    [InlineData("application/json;q=0, */*", GraphQLResponseMediaType.GraphQLResponseJson)]
    [InlineData("text/html,application/xhtml+xml,*/*;q=0.8", GraphQLResponseMediaType.Json)]
    [InlineData("text/html", GraphQLResponseMediaType.None)]
    [InlineData("application/json; charset=utf-16", GraphQLResponseMediaType.None)]
    public void SelectsTheResponseMediaTypeTheClientRanksHighest(string? accept, GraphQLResponseMediaType expected) =>
        Assert.Equal(expected, MediaTypeNegotiation.SelectResponseMediaType(accept));

    [Theory]
    [InlineData("application/json", true)]
    [InlineData("application/json; charset=utf-8", true)]
    [InlineData("application/json;charset=UTF8", true)]
    [InlineData("application/json; charset=iso-8859-1", false)]
    [InlineData("application/graphql-response+json", false)]
    [InlineData("text/plain", false)]
    [InlineData(null, false)]
    public void AcceptsOnlyUtf8JsonBodies(string? contentType, bool expected) =>
        Assert.Equal(expected, MediaTypeNegotiation.IsJsonRequestContentType(contentType));

    [Theory]
    [InlineData("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", true)]
    [InlineData("application/json", false)]
    [InlineData("*/*", false)]
    [InlineData("application/graphql-response+json, text/html;q=0.5", false)]
    public void RecognisesABrowserNavigation(string accept, bool expected) =>
        Assert.Equal(expected, MediaTypeNegotiation.PrefersHtml(accept));
}
