using Dapper;
using Npgsql;

namespace Governance.Core.Storage;

/// <summary>
/// Which instance runs the clock. On SQLite there is one process, which always holds it. On
/// PostgreSQL the holder keeps a session-level advisory lock on a connection of its own: the
/// lock lasts exactly as long as that session, so when the holder stops or dies (its
/// connection closes) the next instance to ask takes over, and two never hold it at once.
/// The clock's transitions are also each guarded in their own transaction, so even a pass run
/// twice does each thing once; the lease keeps the instances from racing for nothing.
/// </summary>
public sealed class ClockLease(Database database) : IDisposable
{
    /// <summary>The advisory lock key of the clock ("Gov1" + 1).</summary>
    public const long LockKey = Database.ApplicationId + 1L;

    private readonly Lock gate = new();
    private NpgsqlConnection? held;

    public bool IsHeld
    {
        get
        {
            lock (gate)
            {
                return !database.IsPostgres || held is not null;
            }
        }
    }

    /// <summary>True when this instance holds (or now takes) the clock; false while another does.</summary>
    public bool TryHold()
    {
        if (!database.IsPostgres)
        {
            return true;
        }

        lock (gate)
        {
            if (held is not null)
            {
                try
                {
                    held.ExecuteScalar<int>("SELECT 1");
                    return true;
                }
                catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException)
                {
                    // The session is gone, and the lock with it: ask again below.
                    held.Dispose();
                    held = null;
                }
            }

            var connection = (NpgsqlConnection)database.Open();
            if (connection.ExecuteScalar<bool>("SELECT pg_try_advisory_lock(@LockKey)", new { LockKey }))
            {
                held = connection;
                return true;
            }

            connection.Dispose();
            return false;
        }
    }

    /// <summary>Gives the clock up (on shutdown), so another instance takes it at once.</summary>
    public void Release()
    {
        lock (gate)
        {
            if (held is null)
            {
                return;
            }

            try
            {
                held.ExecuteScalar<bool>("SELECT pg_advisory_unlock(@LockKey)", new { LockKey });
            }
            catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException)
            {
                // A broken session has released the lock already.
            }

            held.Dispose();
            held = null;
        }
    }

    public void Dispose() => Release();
}
