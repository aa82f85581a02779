namespace Governance.Api.GraphQL;

/// <summary>
/// The schema as SDL text, served at GET /graphql?sdl and /graphql/schema.graphql. Implemented
/// over the engine's schema printer; a separate seam so the transport does not depend on how the
/// schema is built.
/// </summary>
public interface ISchemaSdlSource
{
    string GetSdl();
}
