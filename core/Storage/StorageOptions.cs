namespace Governance.Core.Storage;

/// <summary>Where the data lives. Bound from the "Storage" configuration section.</summary>
public sealed record StorageOptions
{
    /// <summary>The default folder, created on first start; any other folder must already exist.</summary>
    public const string DefaultDataDirectory = "data";

    public string DataDirectory { get; init; } = DefaultDataDirectory;

    /// <summary>A full Microsoft.Data.Sqlite connection string; overrides <see cref="DataDirectory"/> when set.</summary>
    public string? ConnectionString { get; init; }

    public string DatabaseFileName { get; init; } = "governance.db";

    /// <summary>
    /// Votes are committed in groups (one fsync for every vote waiting, <see cref="GroupCommitter"/>);
    /// false commits each vote alone. Only the vote-load benchmark turns it off, to measure the difference.
    /// </summary>
    public bool GroupCommit { get; init; } = true;
}
