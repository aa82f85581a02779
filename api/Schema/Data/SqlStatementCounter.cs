using Microsoft.Data.Sqlite;

namespace Governance.Api.Schema.Data;

/// <summary>
/// Counts the SQL statements SQLite itself runs on the schema's read connections (its trace
/// hook fires as each statement starts), so a test can prove that a page of proposals costs a
/// fixed number of queries whatever its size. Off unless <see cref="Enabled"/>; PRAGMAs that
/// every connection runs when opened are not queries and are not counted.
/// </summary>
public sealed class SqlStatementCounter
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _statements = new();
    private long _count;

    public bool Enabled { get; set; }

    public long Count => Interlocked.Read(ref _count);

    /// <summary>The statements counted since the last reset, for a failing test to show.</summary>
    public IReadOnlyList<string> Statements => [.. _statements];

    public void Reset()
    {
        Interlocked.Exchange(ref _count, 0);
        _statements.Clear();
    }

    internal void Attach(System.Data.Common.DbConnection connection)
    {
        // SQLite's trace hook only: the count is a property of the SQL the schema sends, which
        // is the same text on PostgreSQL, so proving it on one database proves it on both.
        if (!Enabled || connection is not SqliteConnection sqlite)
        {
            return;
        }

        SQLitePCL.raw.sqlite3_trace(sqlite.Handle, (_, statement) =>
        {
            var text = statement.utf8_to_string();
            if (Enabled && !text.TrimStart().StartsWith("PRAGMA", StringComparison.OrdinalIgnoreCase))
            {
                Interlocked.Increment(ref _count);
                _statements.Enqueue(text);
            }
        }, null);
    }
}
