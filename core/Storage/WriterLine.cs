using System.Collections.Concurrent;
using System.Diagnostics;

namespace Governance.Core.Storage;

/// <summary>
/// The writers of this process waiting for one SQLite database's single write lock: every
/// <see cref="Transactions.BeginWrite"/> on SQLite stands in the line from the moment it asks
/// for the lock until it has it (or gave up). The notification feed, which writes a large
/// fan-out in many short transactions, reads it between two of them and hands the lock over
/// only when a writer is actually waiting (<see cref="YieldTo"/>): a fixed pause after each
/// transaction cost a 100,000-row fan-out as long again as its writing, with nobody to give
/// way to, and a waiting writer asleep in SQLite's busy handler could still miss the gap.
/// A writer in another process (the command-line tools) is not in the line.
/// </summary>
public sealed class WriterLine
{
    private static readonly ConcurrentDictionary<string, WriterLine> Lines = new(StringComparer.Ordinal);

    private readonly object gate = new();
    private int waiting;
    private long admitted;

    /// <summary>The line of the database with this connection string (one per database file in the process).</summary>
    public static WriterLine For(string connectionString) => Lines.GetOrAdd(connectionString, _ => new WriterLine());

    /// <summary>Writers asking for the lock right now.</summary>
    public int Waiting
    {
        get
        {
            lock (gate)
            {
                return waiting;
            }
        }
    }

    internal void Arrive()
    {
        lock (gate)
        {
            waiting++;
        }
    }

    /// <summary>A writer leaves the line: it has the lock (<paramref name="admitted"/>) or gave up.</summary>
    internal void Leave(bool admitted)
    {
        lock (gate)
        {
            waiting--;
            if (admitted)
            {
                this.admitted++;
            }

            Monitor.PulseAll(gate);
        }
    }

    /// <summary>
    /// Called by a writer that has just committed and is about to take the lock again: when
    /// writers are waiting, waits until one of them has taken the lock (or every one gave up),
    /// at most <paramref name="limit"/>; when none is, returns at once. Returns how long it waited.
    /// </summary>
    public TimeSpan YieldTo(TimeSpan limit)
    {
        lock (gate)
        {
            if (waiting == 0)
            {
                return TimeSpan.Zero;
            }

            var start = Stopwatch.GetTimestamp();
            var seen = admitted;
            while (admitted == seen && waiting > 0)
            {
                var left = limit - Stopwatch.GetElapsedTime(start);
                if (left <= TimeSpan.Zero)
                {
                    break;
                }

                Monitor.Wait(gate, left);
            }

            return Stopwatch.GetElapsedTime(start);
        }
    }
}
