namespace Governance.Core.Storage;

/// <summary>Where the data lives. Bound from the "Storage" configuration section.</summary>
public sealed record StorageOptions
{
    /// <summary>The default folder, created on first start; any other folder must already exist.</summary>
    public const string DefaultDataDirectory = "data";

    public string DataDirectory { get; init; } = DefaultDataDirectory;

    /// <summary>
    /// A full connection string; overrides <see cref="DataDirectory"/> when set. A SQLite one
    /// (Data Source=…) or an Npgsql one (Host=…;Database=…), told apart by its keys unless
    /// <see cref="Provider"/> says.
    /// </summary>
    public string? ConnectionString { get; init; }

    /// <summary>sqlite or postgres; unset means: as the connection string says (SQLite without one).</summary>
    public string? Provider { get; init; }

    public string DatabaseFileName { get; init; } = "governance.db";

    /// <summary>
    /// Votes are committed in groups (one fsync for every vote waiting, <see cref="GroupCommitter"/>);
    /// false commits each vote alone. Only the vote-load benchmark turns it off, to measure the difference.
    /// </summary>
    public bool GroupCommit { get; init; } = true;

    /// <summary>
    /// Writers of this instance wait for the write lock in an asynchronous queue, holding no
    /// thread, and only the one at its head takes the database's lock (issue 21, <see cref="Transactions.WriteLoggedAsync{T}"/>);
    /// false lets every writer take the lock on its own thread, as before. Only the PostgreSQL
    /// load run turns it off, to measure the difference.
    /// </summary>
    public bool WriteQueue { get; init; } = true;
}
