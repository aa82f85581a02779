using Governance.Api.Schema;
using Governance.Core.Clock;
using Governance.Core.Storage;
using Npgsql;

namespace Governance.Api.Storage;

/// <summary>
/// Several instances on one PostgreSQL database: LISTENs on governance_events (each new
/// event-log entry announces its sequence number on commit), and on every notification, and
/// every few seconds in case one was missed or the connection dropped, lets the
/// <see cref="EngineFollower"/> read the log from where it stopped. What other instances
/// changed is then in this instance's delegation engine, and its subscribers hear of it as
/// they hear of local changes. Does nothing on SQLite (one process, nothing to follow).
/// </summary>
internal sealed partial class InstanceSyncService(
    Database database,
    EngineFollower follower,
    DelegationStore delegations,
    GovernanceEventBus events,
    ILogger<InstanceSyncService> logger) : BackgroundService
{
    public const string Channel = "governance_events";

    /// <summary>How long a missed notification can delay an instance at most.</summary>
    private static readonly TimeSpan PollEvery = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!database.IsPostgres)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = (NpgsqlConnection)await database.OpenAsync(stoppingToken);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                // Listening first, then reading: nothing committed in between is missed.
                await FollowAsync(stoppingToken);
                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(PollEvery, stoppingToken);
                    await FollowAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // The server went away or restarted, or a message could not be built: reconnect
                // and read on; the log tells what was missed. Never stop the host over it.
                LogReconnect(ex);
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task FollowAsync(CancellationToken cancellationToken)
    {
        var followed = await follower.CatchUpAsync(cancellationToken);
        if (followed.Count == 0)
        {
            return;
        }

        var clockEntries = 0;
        foreach (var entry in followed)
        {
            clockEntries += entry.ActorId is null ? 1 : 0;
            foreach (var message in await MessagesAsync(entry))
            {
                events.Publish(message);
            }
        }

        if (clockEntries > 0)
        {
            // The clock ran on another instance: agenda and tally subscribers re-read.
            events.Publish(new ClockAdvanced(new ClockReport(0, 0, 0, 0, 0) { Failures = [] }));
        }
    }

    /// <summary>The subscription messages an entry made elsewhere means here, as the local mutation would have published.</summary>
    private async Task<IReadOnlyList<object>> MessagesAsync(FollowedEvent entry)
    {
        var payload = entry.Payload;
        if (entry.Type.StartsWith("delegation.", StringComparison.Ordinal))
        {
            var memberId = payload.GetProperty("memberId").GetInt64();
            var scope = EngineFollower.ParseScope(payload.GetProperty("scope").GetString()!);
            var history = await delegations.HistoryForMemberAsync(memberId);
            var after = entry.Type == "delegation.revoked" ? null : history.FirstOrDefault(v => v.Scope == scope && v.ValidTo is null);
            var beforeId = payload.TryGetProperty(entry.Type == "delegation.revoked" ? "revoked" : "replaces", out var id) && id.ValueKind == System.Text.Json.JsonValueKind.Number
                ? id.GetInt64()
                : (long?)null;
            var before = beforeId is null ? null : history.FirstOrDefault(v => v.Id == beforeId);
            var kind = after is null ? DelegationChangeKind.Revoked : after.IsBlock ? DelegationChangeKind.Blocked : DelegationChangeKind.Set;
            var concerned = new HashSet<long> { memberId };
            concerned.UnionWith(before?.Delegates ?? []);
            concerned.UnionWith(after?.Delegates ?? []);
            return [new DelegationChanged(kind, memberId, scope, after, concerned, DateTimeOffset.FromUnixTimeMilliseconds(entry.At))];
        }

        if (payload.ValueKind == System.Text.Json.JsonValueKind.Object
            && payload.TryGetProperty("proposal", out var proposal) && proposal.ValueKind == System.Text.Json.JsonValueKind.Number)
        {
            // Anything that moves a proposal off or onto the agenda also changes the agenda.
            var agenda = entry.Type.StartsWith("proposal.", StringComparison.Ordinal) && entry.Type != "proposal.opened";
            var changed = new ProposalChanged(proposal.GetInt64()) { PublishedAt = DateTimeOffset.FromUnixTimeMilliseconds(entry.At) };
            return agenda ? [changed, new AgendaChanged()] : [changed];
        }

        return [];
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lost the connection that follows other instances' writes; reconnecting")]
    private partial void LogReconnect(Exception exception);
}
