using Governance.Api.Schema;
using Governance.Core.Clock;
using Governance.Core.Events;
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
    IDomainEventPublisher publisher,
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

            // Translated by the follower as the writing instance translated it, and published the same way.
            foreach (var domainEvent in entry.Events)
            {
                publisher.Publish(domainEvent);
            }
        }

        if (clockEntries > 0)
        {
            // The clock ran on another instance: agenda and tally subscribers re-read.
            events.Publish(new ClockAdvanced(new ClockReport(0, 0, 0, 0, 0) { Failures = [] }));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lost the connection that follows other instances' writes; reconnecting")]
    private partial void LogReconnect(Exception exception);
}
