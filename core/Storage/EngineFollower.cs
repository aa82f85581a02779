using System.Text.Json;
using Dapper;
using Governance.Core.Delegation;
using Governance.Core.Events;

namespace Governance.Core.Storage;

/// <summary>An event-log entry another instance wrote, as the follower saw it, with the domain events it means.</summary>
public sealed record FollowedEvent(long Seq, long At, long? ActorId, string Type, JsonElement Payload)
{
    /// <summary>What the entry means (<see cref="EventTranslator"/>), as the instance that wrote it published it.</summary>
    public IReadOnlyList<DomainEvent> Events { get; init; } = [];
}

/// <summary>
/// Keeps this instance's delegation engine in step with writes made through other instances
/// sharing one PostgreSQL database, by tailing the event log by sequence number. Each entry
/// records the instance that wrote it (event_log.origin, PostgreSQL's application_name, not
/// part of the hash); this instance's own entries were applied when they were made and are
/// passed over. For another's, the follower translates it (<see cref="EventTranslator"/>, as
/// the writing instance did), re-reads the state each domain event names (a member's
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
                IReadOnlyList<DomainEvent> events = [];
                try
                {
                    events = Translate(connection, new LoggedEvent(row.Seq, row.At, row.ActorId, row.Type, row.Payload));
                    foreach (var domainEvent in events)
                    {
                        await ApplyAsync(connection, domainEvent);
                    }

                    if (row.Type == EventTypes.RankedBallotCast && row.ActorId is long voter)
                    {
                        // Translated as a change of the issue's proposal; the engine needs the ballot itself.
                        await SyncRankedBallotAsync(connection, voter, payload.GetProperty("proposal").GetInt64());
                    }
                }
                catch (Exception ex) when (ex is ArgumentException or KeyNotFoundException or InvalidOperationException or JsonException or StorageException or Domain.DomainException)
                {
                    // An entry this version cannot follow (or an engine that disagrees with it):
                    // the database is the truth, so load the engine from it afresh.
                    engine.Replace(EngineLoader.Load(database));
                }

                followed.Add(new FollowedEvent(row.Seq, row.At, row.ActorId, row.Type, payload) { Events = events });
            }

            Interlocked.Exchange(ref position, row.Seq);
        }

        return rows.Count;
    }

    /// <summary>The entry's domain events; a delegation entry is read with the member's delegations as they are now.</summary>
    private static IReadOnlyList<DomainEvent> Translate(System.Data.Common.DbConnection connection, LoggedEvent entry)
    {
        if (entry.Type is not (EventTypes.DelegationSet or EventTypes.DelegationBlocked or EventTypes.DelegationRevoked))
        {
            return EventTranslator.Translate(entry);
        }

        using var payload = JsonDocument.Parse(entry.Payload);
        return EventTranslator.Translate(entry, DelegationStore.History(connection, payload.RootElement.GetProperty("memberId").GetInt64()));
    }

    /// <summary>Sets in the engine the state the event names, as read now (state, not deltas).</summary>
    private async Task ApplyAsync(System.Data.Common.DbConnection connection, DomainEvent domainEvent)
    {
        switch (domainEvent)
        {
            case OrganisationSeeded:
                // A whole organisation at once: nothing to follow entry by entry.
                engine.Replace(EngineLoader.Load(database));
                break;
            case MemberUpdated member:
                await SyncMemberAsync(connection, member.MemberId);
                break;
            case AreaCreated area:
                engine.Apply(e =>
                {
                    if (!e.HasArea(area.AreaId))
                    {
                        e.AddArea(area.AreaId, area.ParentId);
                    }
                });
                break;
            case AreaMoved moved:
                // The parent as it is now, not as the entry says: a later move may have followed.
                if (AreaStore.ParentOf(connection, null, moved.AreaId) is long parent)
                {
                    engine.Apply(e =>
                    {
                        if (e.HasArea(moved.AreaId) && e.HasArea(parent))
                        {
                            e.MoveArea(moved.AreaId, parent);
                        }
                    });
                }

                break;
            case ProposalOpened opened:
                engine.Apply(e =>
                {
                    if (!e.HasProposal(opened.ProposalId))
                    {
                        e.AddProposal(opened.ProposalId, opened.AreaId);
                    }
                });
                break;
            case DelegationChanged delegation:
                // The delegation now in force for the scope, whichever entry announced it.
                var current = delegation.Delegation;
                engine.Apply(e =>
                {
                    if (current is null)
                    {
                        e.RevokeDelegation(delegation.MemberId, delegation.Scope);
                    }
                    else
                    {
                        e.SetDelegation(delegation.MemberId, delegation.Scope, current.Delegates.ToArray());
                    }
                });
                break;
            case VoteCast vote:
                await SyncVoteAsync(connection, vote.MemberId, vote.ProposalId);
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

    /// <summary>The member's ranked ballot on the issue as it is now, set in the engine (state, not deltas).</summary>
    private async Task SyncRankedBallotAsync(System.Data.Common.DbConnection connection, long memberId, long issueId)
    {
        var ranking = await connection.ExecuteScalarAsync<string?>(
            "SELECT ranking FROM ranked_ballots WHERE member_id = @memberId AND issue_id = @issueId", new { memberId, issueId });
        if (ranking is null)
        {
            return;
        }

        var ballot = Proposals.IssueBallots.FromJson(Proposals.IssueBallots.ChoiceKeys(connection, null, issueId), ranking);
        engine.Apply(e => Proposals.IssueBallots.Apply(e, issueId, memberId, ballot));
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
}
