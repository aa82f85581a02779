namespace Governance.GraphQL.Http;

/// <summary>
/// What the HTTP transport needs of an HTTP request, free of any web framework: the host adapter
/// fills it from its own request type.
/// </summary>
public sealed record GraphQLHttpRequest
{
    /// <summary>"GET" or "POST"; anything else is answered with 405.</summary>
    public required string Method { get; init; }

    public string? Accept { get; init; }

    public string? ContentType { get; init; }

    /// <summary>The declared body length, when known: a body declared too large is refused unread.</summary>
    public long? ContentLength { get; init; }

    /// <summary>Every value of a URL query parameter (GET).</summary>
    public Func<string, IReadOnlyList<string?>>? QueryParameters { get; init; }

    /// <summary>The request body (POST).</summary>
    public Stream? Body { get; init; }
}
