using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Dapper;
using Governance.Core.Events;

namespace Governance.Core.Storage;

/// <summary>One row of the audit trail.</summary>
public sealed record EventEntry(long Seq, long At, long? ActorId, string Type, string Payload, byte[] Hash);

/// <summary>The outcome of recomputing the chain: intact, or the first sequence number that is not.</summary>
public sealed record LogVerification(long Entries, long? FirstBrokenSeq, string? Problem)
{
    public bool Intact => FirstBrokenSeq is null;
}

/// <summary>
/// The append-only, hash-chained event log (the audit trail). Every state change appends one
/// entry in the same transaction as the change itself, so the two commit or vanish together.
/// hash(n) = SHA-256(hash(n−1) ‖ UTF-8 of the canonical entry), hash(0) = 32 zero bytes, where
/// the canonical entry is the canonical JSON of {"actor", "at", "payload", "seq", "type"}:
/// altering any column of any row breaks the chain from that row on.
/// </summary>
public static class EventLog
{
    private static readonly byte[] Genesis = new byte[32];

    /// <summary>
    /// Appends an entry inside <paramref name="transaction"/> and returns it as written. A
    /// transaction begun by <see cref="Transactions.WriteLogged"/> also collects it, so that
    /// the command can publish what it logged once it committed.
    /// </summary>
    public static LoggedEvent Append(
        DbConnection connection,
        DbTransaction transaction,
        DateTimeOffset at,
        long? actorId,
        string type,
        object payload)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentException.ThrowIfNullOrWhiteSpace(type);
        var head = connection.QuerySingleOrDefault<(long Seq, byte[] Hash)?>(
            "SELECT seq AS Seq, hash AS Hash FROM event_log ORDER BY seq DESC LIMIT 1", transaction: transaction);
        var seq = (head?.Seq ?? 0) + 1;
        var canonicalPayload = CanonicalJson.Serialize(payload);
        var atMs = at.ToUnixTimeMilliseconds();
        var hash = ComputeHash(head?.Hash ?? Genesis, seq, atMs, actorId, type, canonicalPayload);
        connection.Execute(
            "INSERT INTO event_log (seq, at, actor_id, type, payload, hash) VALUES (@seq, @atMs, @actorId, @type, @canonicalPayload, @hash)",
            new { seq, atMs, actorId, type, canonicalPayload, hash },
            transaction);
        var logged = new LoggedEvent(seq, atMs, actorId, type, canonicalPayload);
        if (Watched.TryGetValue(transaction, out var entries))
        {
            entries.Add(logged);
        }

        return logged;
    }

    private static readonly ConditionalWeakTable<DbTransaction, List<LoggedEvent>> Watched = new();

    /// <summary>Collects every entry appended inside <paramref name="transaction"/> from now on.</summary>
    internal static List<LoggedEvent> Watch(DbTransaction transaction)
    {
        var entries = new List<LoggedEvent>();
        Watched.AddOrUpdate(transaction, entries);
        return entries;
    }

    /// <summary>The newest entry's sequence number and hash (zeros for an empty log): the lottery's public input.</summary>
    public static (long Seq, byte[] Hash) Head(DbConnection connection, DbTransaction? transaction = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var head = connection.QuerySingleOrDefault<(long Seq, byte[] Hash)?>(
            "SELECT seq AS Seq, hash AS Hash FROM event_log ORDER BY seq DESC LIMIT 1", transaction: transaction);
        return head ?? (0, Genesis);
    }

    /// <summary>Recomputes the whole chain in order, streaming, and names the first broken link.</summary>
    public static LogVerification Verify(Database database)
    {
        ArgumentNullException.ThrowIfNull(database);
        using var connection = database.Open();
        var previous = Genesis;
        long expected = 1;
        long count = 0;
        var rows = connection.Query<EventEntry>(
            "SELECT seq AS Seq, at AS At, actor_id AS ActorId, type AS Type, payload AS Payload, hash AS Hash FROM event_log ORDER BY seq",
            buffered: false);
        foreach (var row in rows)
        {
            if (row.Seq != expected)
            {
                return new LogVerification(count, expected, $"entry {expected} is missing (next entry is {row.Seq})");
            }

            string canonicalPayload;
            try
            {
                canonicalPayload = CanonicalJson.Canonicalize(row.Payload);
            }
            catch (System.Text.Json.JsonException)
            {
                return new LogVerification(count, row.Seq, $"entry {row.Seq} has a payload that is not JSON");
            }

            var hash = ComputeHash(previous, row.Seq, row.At, row.ActorId, row.Type, canonicalPayload);
            if (canonicalPayload != row.Payload || !CryptographicOperations.FixedTimeEquals(hash, row.Hash))
            {
                return new LogVerification(count, row.Seq, $"entry {row.Seq} does not match its hash");
            }

            previous = row.Hash;
            expected++;
            count++;
        }

        return new LogVerification(count, null, null);
    }

    internal static byte[] ComputeHash(byte[] previous, long seq, long at, long? actorId, string type, string canonicalPayload)
    {
        var entry = new JsonObject
        {
            ["actor"] = actorId,
            ["at"] = at,
            ["payload"] = JsonNode.Parse(canonicalPayload),
            ["seq"] = seq,
            ["type"] = type,
        };
        var bytes = Encoding.UTF8.GetBytes(CanonicalJson.Canonicalize(entry));
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(previous);
        sha.AppendData(bytes);
        return sha.GetHashAndReset();
    }
}
