using System.Text.Json;
using Dapper;
using Governance.Core.Delegation;

namespace Governance.Core.Storage;

/// <summary>An event-log entry another instance wrote, as the follower saw it.</summary>
public sealed record FollowedEvent(long Seq, long At, long? ActorId, string Type, JsonElement Payload);

/// <summary>
/// Keeps this instance's delegation engine in step with writes made through other instances
/// sharing one PostgreSQL database, by tailing the event log by sequence number. Each entry
/// records the instance that wrote it (event_log.origin, PostgreSQL's application_name, not
/// part of the hash); this instance's own entries were applied when they were made and are
/// passed over. For another's, the follower re-reads the state the entry names (a member's
/// delegation for a scope, a vote, a voting right) and sets it in the engine, under the
/// engine's write lock: state, not deltas, so reading an entry twice, or after later ones, or
/// after a missed notification, still leaves the engine equal to a fresh load.
/// </summary>
public sealed class EngineFollower(Database database, EngineHost engine, long startAfter)
{
    private const int Batch = 1000;
    private long position = startAfter;

    /// <summary>The last sequence number read.</summary>
    public long Position => Interlocked.Read(ref position);

    /// <summary>Reads every entry after <see cref="Position"/>; applies and returns the other instances' ones.</summary>
    public async Task<IReadOnlyList<FollowedEvent>> CatchUpAsync(CancellationToken cancellationToken = default)
    {
        var followed = new List<FollowedEvent>();
        while (true)
        {
            var read = await engine.SerialiseWriteAsync(() => ReadAndApplyAsync(followed, cancellationToken));
            if (read < Batch)
            {
                return followed;
            }
        }
    }

    private async Task<int> ReadAndApplyAsync(List<FollowedEvent> followed, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var after = Position;
        var rows = (await connection.QueryAsync<(long Seq, long At, long? ActorId, string Type, string Payload, bool Ours)>(
            new CommandDefinition(
                "SELECT seq, at, actor_id, type, payload, origin = current_setting('application_name') FROM event_log WHERE seq > @after ORDER BY seq LIMIT @Batch",
                new { after, Batch },
                cancellationToken: cancellationToken))).AsList();
        foreach (var row in rows)
        {
            if (!row.Ours)
            {
                var payload = JsonDocument.Parse(row.Payload).RootElement.Clone();
                try
                {
                    await ApplyAsync(connection, row.Type, row.ActorId, payload);
                }
                catch (Exception ex) when (ex is ArgumentException or KeyNotFoundException or InvalidOperationException or JsonException or StorageException)
                {
                    // An entry this version cannot follow (or an engine that disagrees with it):
                    // the database is the truth, so load the engine from it afresh.
                    engine.Replace(EngineLoader.Load(database));
                }

                followed.Add(new FollowedEvent(row.Seq, row.At, row.ActorId, row.Type, payload));
            }

            Interlocked.Exchange(ref position, row.Seq);
        }

        return rows.Count;
    }

    private async Task ApplyAsync(System.Data.Common.DbConnection connection, string type, long? actorId, JsonElement payload)
    {
        switch (type)
        {
            case "organisation.seeded":
                // A whole organisation at once: nothing to follow entry by entry.
                var fresh = EngineLoader.Load(database);
                engine.Replace(fresh);
                break;
            case "member.registered":
            case "member.voting-right-granted":
            case "member.voting-right-suspended":
                await SyncMemberAsync(connection, payload.GetProperty("memberId").GetInt64());
                break;
            case "area.created":
                var areaId = payload.GetProperty("areaId").GetInt64();
                var parent = payload.GetProperty("parentId").ValueKind == JsonValueKind.Number ? payload.GetProperty("parentId").GetInt64() : (long?)null;
                engine.Apply(e =>
                {
                    if (!e.HasArea(areaId))
                    {
                        e.AddArea(areaId, parent);
                    }
                });
                break;
            case "proposal.opened":
                var proposalId = payload.GetProperty("proposal").GetInt64();
                var area = payload.GetProperty("area").GetInt64();
                engine.Apply(e =>
                {
                    if (!e.HasProposal(proposalId))
                    {
                        e.AddProposal(proposalId, area);
                    }
                });
                break;
            case "delegation.set":
            case "delegation.blocked":
            case "delegation.revoked":
                await SyncDelegationAsync(connection, payload.GetProperty("memberId").GetInt64(), payload.GetProperty("scope").GetString()!);
                break;
            case "vote.cast" when actorId is long voter:
                await SyncVoteAsync(connection, voter, payload.GetProperty("proposal").GetInt64());
                break;
        }
    }

    private async Task SyncMemberAsync(System.Data.Common.DbConnection connection, long memberId)
    {
        var votingRight = await connection.ExecuteScalarAsync<long?>("SELECT voting_right FROM members WHERE id = @memberId", new { memberId });
        if (votingRight is null)
        {
            return;
        }

        engine.Apply(e =>
        {
            if (!e.Members.TryGetIndex(memberId, out _))
            {
                e.AddMember(memberId, votingRight == 1);
            }
            else
            {
                e.SetVotingRight(memberId, votingRight == 1);
            }
        });
    }

    private async Task SyncDelegationAsync(System.Data.Common.DbConnection connection, long memberId, string scopeText)
    {
        var scope = ParseScope(scopeText);
        var kind = scopeText.Split(':')[0];
        var area = scope.Kind == ScopeKind.Area ? scope.Id : (long?)null;
        var proposal = scope.Kind == ScopeKind.Proposal ? scope.Id : (long?)null;
        var rows = (await connection.QueryAsync<(long Id, long? Delegate)>(
            """
            SELECT d.id, dd.delegate_id
            FROM delegations d LEFT JOIN delegation_delegates dd ON dd.delegation_id = d.id
            WHERE d.member_id = @memberId AND d.valid_to IS NULL AND d.scope_kind = @kind
              AND d.area_id IS NOT DISTINCT FROM @area AND d.proposal_id IS NOT DISTINCT FROM @proposal
            ORDER BY dd.rank
            """,
            new { memberId, kind, area, proposal })).AsList();
        var delegates = rows.Where(r => r.Delegate is not null).Select(r => r.Delegate!.Value).ToArray();
        engine.Apply(e =>
        {
            if (rows.Count == 0)
            {
                e.RevokeDelegation(memberId, scope);
            }
            else
            {
                e.SetDelegation(memberId, scope, delegates);
            }
        });
    }

    private async Task SyncVoteAsync(System.Data.Common.DbConnection connection, long memberId, long proposalId)
    {
        var choice = await connection.ExecuteScalarAsync<string?>(
            "SELECT choice FROM votes WHERE member_id = @memberId AND proposal_id = @proposalId", new { memberId, proposalId });
        if (choice is not null)
        {
            engine.Apply(e =>
            {
                if (e.HasProposal(proposalId))
                {
                    e.CastVote(proposalId, memberId, EngineLoader.ChoiceOf(choice));
                }
            });
        }
    }

    /// <summary>A scope as the event log writes it: global, area:ID or proposal:ID.</summary>
    public static DelegationScope ParseScope(string text)
    {
        var parts = text.Split(':');
        return parts[0] switch
        {
            "global" => DelegationScope.Global,
            "area" => DelegationScope.ForArea(long.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture)),
            "proposal" => DelegationScope.ForProposal(long.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture)),
            _ => throw new StorageException($"Unknown delegation scope '{text}' in the event log."),
        };
    }
}
