using Governance.Api.Schema;
using Governance.Core.Clock;
using Governance.Core.Events;
using Governance.Core.Storage;
using Microsoft.Extensions.Options;

namespace Governance.Api.Clock;

/// <summary>
/// The hosted wrapper of <see cref="GovernanceClock"/>: one pass at start-up (to catch up on
/// what fell due while the service was down), then one per interval. RunDue is idempotent and
/// each transition commits on its own, so stopping the host at any point loses nothing. With
/// several instances on one PostgreSQL database only the holder of the <see cref="ClockLease"/>
/// runs passes; the others take over when it goes.
/// </summary>
internal sealed partial class ClockService(
    GovernanceClock clock,
    ClockLease lease,
    TimeProvider time,
    IOptions<ClockOptions> options,
    IDomainEventPublisher publisher,
    GovernanceEventBus events,
    ILogger<ClockService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.IntervalSeconds), time);
        do
        {
            try
            {
                // SQLite work is synchronous; keep it off the host's start-up path.
                var report = await Task.Run(() => lease.TryHold() ? clock.RunDue(time.GetUtcNow()) : null, stoppingToken);
                if (report is null)
                {
                    continue;
                }

                if (report.Total > 0)
                {
                    // Subscriptions (proposals, agenda, tallies) follow what the clock changed, after its commits.
                    var at = time.GetUtcNow();
                    foreach (var proposal in report.ChangedProposals)
                    {
                        publisher.Publish(new ProposalUpdated(proposal, AgendaMayHaveMoved: false, at));
                    }

                    events.Publish(new ClockAdvanced(report));
                    LogPass(report.Expired, report.AppealsClosed, report.VotingOpened, report.VotingClosed, report.Draws, report.Promoted);
                }

                foreach (var failure in report.Failures)
                {
                    LogTransitionFailure(failure);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // One failing transition must not stop the others for good: log it and retry next pass.
                LogFailure(e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Clock: {Expired} expired, {Appeals} appeals closed, {Opened} votes opened, {Closed} votes closed, {Draws} lottery draws, {Promoted} moved to the agenda")]
    private partial void LogPass(int expired, int appeals, int opened, int closed, int draws, int promoted);

    [LoggerMessage(Level = LogLevel.Error, Message = "Clock transition failed and will be retried: {Failure}")]
    private partial void LogTransitionFailure(string failure);

    [LoggerMessage(Level = LogLevel.Error, Message = "Clock pass failed; it will be retried")]
    private partial void LogFailure(Exception exception);
}
