using System.Text.Json;
using Dapper;
using Governance.Api.Auth;
using Governance.Api.Schema;
using Governance.Api.Schema.Data;
using Governance.Core.Accounts;
using Governance.Core.Proposals;
using Governance.Core.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Governance.Api.Exports;

/// <summary>
/// Exports for auditors: the event log as NDJSON, one entry a line, streamed; and the snapshot
/// a closed vote was counted from (DESIGN §7), with pseudonyms for members, for `recount`.
/// </summary>
public static class ExportsApi
{
    public static RouteGroupBuilder MapExportsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/exports").WithTags("Exports").RequireAuthorization(Policies.Scope(TokenScopes.Read));

        group.MapGet("/events.ndjson", EventLogNdjson)
            .Produces(StatusCodes.Status200OK, contentType: "application/x-ndjson");
        group.MapGet("/votes/{proposal}/snapshot.json", ClosedVoteSnapshot)
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        return group;
    }

    /// <summary>
    /// The snapshot of a closed vote (<paramref name="proposal"/> is the proposal's GraphQL id),
    /// as `governance export-snapshot --pseudonymous` prints it: members under pseudonyms fresh
    /// for each download (docs/api.md says why). 404 for no such proposal, 409 while its vote
    /// has not closed.
    /// </summary>
    public static Results<FileContentHttpResult, ProblemHttpResult> ClosedVoteSnapshot(string proposal, VoteService votes, ProposalService proposals)
    {
        var notFound = TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such proposal", detail: $"\"{proposal}\" is not the id of a proposal.");
        if (!Ids.TryLocal(proposal, Ids.Proposal, out var id))
        {
            return notFound;
        }

        if (votes.Result(id) is { } result)
        {
            return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(SnapshotPseudonyms.Apply(result.SnapshotJson)), "application/json", $"snapshot-{id}.json");
        }

        ProposalView found;
        try
        {
            found = proposals.Get(id);
        }
        catch (Governance.Core.Domain.DomainException refused) when (refused.Code == Governance.Core.Domain.DomainErrors.NotFound)
        {
            return notFound;
        }

        return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The vote has not closed",
            detail: $"Proposal {proposal} is {found.Status}; its snapshot exists once its vote has closed.");
    }

    /// <summary>
    /// Entries after <paramref name="after"/> in order, each with its hash and its
    /// predecessor's (hex), so an auditor can recompute the chain (docs/storage.md) without
    /// trusting the server: `governance verify-log --public`. The caller sees exactly what the
    /// GraphQL events query shows them (delegation entries under the policy delegationVisibility
    /// included); any other entry keeps only its sequence number and hashes, which commit to it
    /// without revealing it.
    /// </summary>
    public static async Task EventLogNdjson(Database database, Governance.Core.Policies.PolicyService policies, HttpContext http, long after = 0, CancellationToken cancellationToken = default)
    {
        var caller = Caller.From(http.User);
        var rule = policies.Effective().DelegationVisibility;
        http.Response.ContentType = "application/x-ndjson; charset=utf-8";
        await using var connection = await database.OpenAsync(cancellationToken);
        var previous = after > 0
            ? connection.QuerySingleOrDefault<byte[]>("SELECT hash FROM event_log WHERE seq = @after", new { after }) ?? new byte[32]
            : new byte[32];
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
                    if (EventResolvers.CanSee(caller, new EventRow(row.Seq, row.At, row.ActorId, row.Type, row.Payload, row.Hash), rule))
                    {
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
                    }
                    else
                    {
                        json.WriteBoolean("hidden", true);
                    }

                    json.WriteString("prev", Convert.ToHexStringLower(previous));
                    json.WriteString("hash", Convert.ToHexStringLower(row.Hash));
                    json.WriteEndObject();
                }

                await writer.WriteLineAsync(System.Text.Encoding.UTF8.GetString(buffer.ToArray()).AsMemory(), cancellationToken);
            }

            previous = row.Hash;
        }
    }
}
