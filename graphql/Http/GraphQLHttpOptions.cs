namespace Governance.GraphQL.Http;

/// <summary>
/// Limits of the GraphQL transports (HTTP, WebSocket). Built in, not bolted on: every request is
/// bounded in size and time by default.
/// </summary>
public sealed record GraphQLHttpOptions
{
    /// <summary>A POST body above this is refused with 413 before it is parsed.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Execution is cancelled after this; the response then carries a timeout error.</summary>
    public TimeSpan ExecutionTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Queries over GET (#sec-GET). Mutations over GET are always refused with 405.</summary>
    public bool AllowGet { get; set; } = true;

    /// <summary>
    /// Whether a request may name its document by hash (<c>extensions.persistedQuery</c>), and
    /// whether only the trusted manifest's documents may run. See <see cref="PersistedDocuments"/>.
    /// </summary>
    public PersistedDocumentMode PersistedDocuments { get; set; } = PersistedDocumentMode.Automatic;

    public GraphQLWebSocketOptions WebSocket { get; set; } = new();
}

/// <summary>Limits of the graphql-transport-ws protocol.</summary>
public sealed record GraphQLWebSocketOptions
{
    /// <summary>A socket that has not sent connection_init by then is closed with 4408.</summary>
    public TimeSpan ConnectionInitTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>A message above this closes the socket with 1009 (Message Too Big).</summary>
    public int MaxMessageBytes { get; set; } = 64 * 1024;

    /// <summary>Active operations per socket; a subscribe beyond it gets an error message.</summary>
    public int MaxOperationsPerConnection { get; set; } = 100;
}
