namespace Governance.Api.Schema;

/// <summary>How subscriptions are paced. Bound from the "Subscriptions" configuration section.</summary>
public sealed record SubscriptionOptions
{
    /// <summary>
    /// The shortest time between two updates of one proposalChanged, tallyChanged or
    /// agendaChanged subscription (0–60000; 0 sends every change a watcher keeps up with).
    /// </summary>
    public int StateIntervalMilliseconds { get; init; } = 100;
}
