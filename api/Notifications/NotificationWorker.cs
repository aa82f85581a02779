using Governance.Api.Schema;
using Governance.Core.Notifications;
using Governance.Core.Storage;
using Microsoft.Extensions.Options;

namespace Governance.Api.Notifications;

/// <summary>
/// Runs the <see cref="NotificationFeed"/> in the background: catches up with the event log on
/// every poll, looks at the reminders and the digest every sweep, and tells the
/// notificationAdded subscriptions what was written. With several instances on one PostgreSQL
/// database only the clock's lease holder runs it, so a notification is written once.
/// </summary>
internal sealed partial class NotificationWorker(
    NotificationFeed feed,
    NotificationDigest digest,
    ClockLease lease,
    GovernanceEventBus events,
    TimeProvider time,
    IOptions<NotificationOptions> options,
    IOptions<SmtpOptions> smtp,
    IMailSender mail,
    Database database,
    ILogger<NotificationWorker> logger) : BackgroundService
{
    private readonly SemaphoreSlim wake = new(0);
    private readonly Lock publishing = new();
    private long published;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        published = await Task.Run(() => Transactions.Read(database, c => NotificationStore.MaxId(c, null)), stoppingToken);
        feed.Written += OnWritten;
        var lastSweep = DateTimeOffset.MinValue;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await Task.Run(() =>
                    {
                        if (lease.TryHold())
                        {
                            feed.CatchUpAll();
                        }
                    }, stoppingToken);
                    var now = time.GetUtcNow();
                    if (now - lastSweep >= TimeSpan.FromSeconds(options.Value.SweepSeconds))
                    {
                        lastSweep = now;
                        if (lease.TryHold())
                        {
                            await Task.Run(() => feed.Sweep(now), stoppingToken);
                            if (smtp.Value.Enabled)
                            {
                                var sent = await digest.SendDueAsync(mail, stoppingToken);
                                if (sent > 0)
                                {
                                    LogDigests(sent);
                                }
                            }
                        }
                    }

                    PublishNew();
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    // A failing pass (a database hiccup, an SMTP server down) is retried on the next.
                    LogFailure(e);
                }

                try
                {
                    await wake.WaitAsync(TimeSpan.FromMilliseconds(options.Value.PollMilliseconds), stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
        finally
        {
            feed.Written -= OnWritten;
        }
    }

    private void OnWritten() => PublishNew();

    /// <summary>Tells subscribers of every notification written since the last time, in one message.</summary>
    private void PublishNew()
    {
        lock (publishing)
        {
            var upTo = Transactions.Read(database, c => NotificationStore.MaxId(c, null));
            if (upTo > published)
            {
                events.Publish(new NotificationsWritten(published, upTo));
                published = upTo;
            }
        }
    }

    public override void Dispose()
    {
        wake.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Notifications: sent {Count} daily digests")]
    private partial void LogDigests(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Notification pass failed and will be retried")]
    private partial void LogFailure(Exception exception);
}
