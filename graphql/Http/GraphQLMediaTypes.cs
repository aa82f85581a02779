namespace Governance.GraphQL.Http;

/// <summary>The media types of GraphQL over HTTP (#sec-Media-Types).</summary>
public static class GraphQLMediaTypes
{
    /// <summary>The spec's own response type: status codes tell request errors from results.</summary>
    public const string GraphQLResponseJson = "application/graphql-response+json";

    /// <summary>The legacy response type: every well-formed GraphQL response is 200.</summary>
    public const string Json = "application/json";

    public const string GraphQLResponseJsonUtf8 = GraphQLResponseJson + "; charset=utf-8";

    public const string JsonUtf8 = Json + "; charset=utf-8";
}
