using System.Security.Cryptography;
using System.Text.Json;

namespace Governance.Core.Storage;

/// <summary>
/// The public form of the event log (docs/storage.md, "The public export"): every entry in
/// order, each with its hash and its predecessor's (<c>prev</c>). An entry the reader may see
/// carries its columns; one they may not (a private entry: who delegates to whom, sign-ins,
/// tokens) carries only <c>seq</c>, <c>hidden: true</c>, <c>prev</c> and <c>hash</c>. A hidden
/// entry's hash commits to its content without revealing it: the chain stays checkable by
/// anyone, since every visible entry's hash is recomputed from its predecessor's hash, hidden
/// or not, and every link's <c>prev</c> must equal the hash before it.
/// </summary>
public static class PublicLogExport
{
    /// <summary>
    /// Recomputes the chain from an export alone, NDJSON one entry a line. The first entry's
    /// <c>prev</c> is taken as given unless it is entry 1 (whose predecessor is 32 zero bytes):
    /// an export may start after a sequence number.
    /// </summary>
    public static PublicLogVerification Verify(TextReader export)
    {
        ArgumentNullException.ThrowIfNull(export);
        byte[]? previous = null;
        long? expected = null;
        long count = 0;
        long hidden = 0;
        string? line;
        var number = 0;
        while ((line = export.ReadLine()) is not null)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            long seq;
            byte[] prev;
            byte[] hash;
            try
            {
                using var entry = JsonDocument.Parse(line);
                var root = entry.RootElement;
                seq = root.GetProperty("seq").GetInt64();
                prev = Convert.FromHexString(root.GetProperty("prev").GetString()!);
                hash = Convert.FromHexString(root.GetProperty("hash").GetString()!);
                if (expected is { } want && seq != want)
                {
                    return new(count, hidden, want, $"entry {want} is missing (line {number} is entry {seq})");
                }

                var predecessor = previous ?? (seq == 1 ? new byte[32] : prev);
                if (!CryptographicOperations.FixedTimeEquals(prev, predecessor))
                {
                    return new(count, hidden, seq, $"entry {seq} names a predecessor hash that is not the hash of entry {seq - 1}");
                }

                if (root.TryGetProperty("hidden", out var isHidden) && isHidden.ValueKind == JsonValueKind.True)
                {
                    hidden++;
                }
                else
                {
                    var actor = root.GetProperty("actor").ValueKind == JsonValueKind.Null ? (long?)null : root.GetProperty("actor").GetInt64();
                    var payload = CanonicalJson.Canonicalize(root.GetProperty("payload").GetRawText());
                    var recomputed = EventLog.ComputeHash(prev, seq, root.GetProperty("at").GetInt64(), actor, root.GetProperty("type").GetString()!, payload);
                    if (!CryptographicOperations.FixedTimeEquals(recomputed, hash))
                    {
                        return new(count, hidden, seq, $"entry {seq} does not match its hash");
                    }
                }
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or FormatException or InvalidOperationException or ArgumentNullException)
            {
                return new(count, hidden, expected, $"line {number} is not an entry of a public export ({e.Message})");
            }

            previous = hash;
            expected = seq + 1;
            count++;
        }

        return new(count, hidden, null, null);
    }
}

/// <summary>The outcome of <see cref="PublicLogExport.Verify"/>: entries checked, how many were hidden, the first broken one.</summary>
public sealed record PublicLogVerification(long Entries, long Hidden, long? FirstBrokenSeq, string? Problem)
{
    public bool Intact => Problem is null;
}
