using System.Text.Json;
using Dapper;
using Governance.Api.Auth;
using Governance.Core.Accounts;
using Governance.Core.Storage;

namespace Governance.Api.Exports;

/// <summary>Exports for auditors: the event log as NDJSON, one entry a line, streamed.</summary>
public static class ExportsApi
{
    public static RouteGroupBuilder MapExportsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/exports").WithTags("Exports").RequireAuthorization(Policies.Scope(TokenScopes.Read));

        group.MapGet("/events.ndjson", EventLogNdjson)
            .Produces(StatusCodes.Status200OK, contentType: "application/x-ndjson");

        return group;
    }

    /// <summary>
    /// Entries after <paramref name="after"/> in order, each with its hash (hex), so an auditor
    /// can recompute the chain (docs/storage.md) without trusting the server.
    /// </summary>
    public static async Task EventLogNdjson(Database database, HttpContext http, long after = 0, CancellationToken cancellationToken = default)
    {
        http.Response.ContentType = "application/x-ndjson; charset=utf-8";
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = connection.Query<EventEntry>(
            "SELECT seq AS Seq, at AS At, actor_id AS ActorId, type AS Type, payload AS Payload, hash AS Hash FROM event_log WHERE seq > @after ORDER BY seq",
            new { after },
            buffered: false);
        await using var writer = new StreamWriter(http.Response.Body, leaveOpen: true);
        foreach (var row in rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await using (var buffer = new MemoryStream())
            {
                await using (var json = new Utf8JsonWriter(buffer))
                {
                    json.WriteStartObject();
                    json.WriteNumber("seq", row.Seq);
                    json.WriteNumber("at", row.At);
                    if (row.ActorId is { } actor)
                    {
                        json.WriteNumber("actor", actor);
                    }
                    else
                    {
                        json.WriteNull("actor");
                    }

                    json.WriteString("type", row.Type);
                    json.WritePropertyName("payload");
                    json.WriteRawValue(row.Payload);
                    json.WriteString("hash", Convert.ToHexStringLower(row.Hash));
                    json.WriteEndObject();
                }

                await writer.WriteLineAsync(System.Text.Encoding.UTF8.GetString(buffer.ToArray()).AsMemory(), cancellationToken);
            }
        }
    }
}
