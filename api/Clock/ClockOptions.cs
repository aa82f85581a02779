namespace Governance.Api.Clock;

/// <summary>How often the clock looks for due transitions. Bound from the "Clock" section.</summary>
public sealed record ClockOptions
{
    /// <summary>Seconds between passes; a transition happens at most this late.</summary>
    public int IntervalSeconds { get; init; } = 30;

    /// <summary>Off for tests and tools that drive <c>GovernanceClock.RunDue</c> themselves.</summary>
    public bool Enabled { get; init; } = true;
}
