namespace Governance.Api.Notifications;

/// <summary>
/// The SMTP server the daily digest goes through, bound from "Email:Smtp". Email is off while
/// Host is unset: notifications set to email then wait in the app.
/// </summary>
public sealed record SmtpOptions
{
    public string? Host { get; init; }

    public int Port { get; init; } = 587;

    /// <summary>"auto" (STARTTLS when the server offers it), "starttls", "tls" (implicit, port 465) or "none".</summary>
    public string Security { get; init; } = "auto";

    public string? User { get; init; }

    public string? Password { get; init; }

    public string From { get; init; } = "governance@localhost";

    public string FromName { get; init; } = "Governance";

    public bool Enabled => !string.IsNullOrWhiteSpace(Host);
}

/// <summary>The notification feed's pace, bound from "Notifications".</summary>
public sealed record NotificationOptions
{
    /// <summary>Whether the background feed runs at all (off: no notifications are written; tests that count SQL statements turn it off).</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>How often the feed looks for new event-log entries (it also wakes on every command).</summary>
    public int PollMilliseconds { get; init; } = 500;

    /// <summary>How often the reminders and the digest are looked at.</summary>
    public int SweepSeconds { get; init; } = 60;
}
