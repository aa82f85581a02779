using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Governance.Core.Lottery;

/// <summary>
/// The verifiable draw of DESIGN §4, from public data alone (docs/karma-and-agenda.md gives
/// the byte encodings):
/// seed = SHA-256(UTF-8(period id) ‖ head hash), the 32-byte hash of the last event-log entry
/// at or before the period's end; member m is drawn iff the first 8 bytes of
/// SHA-256(seed ‖ m's id as 8 bytes big-endian), read as an unsigned big-endian integer
/// over 2^64, are below p.
/// </summary>
public static class LotteryDraw
{
    public static byte[] Seed(string periodId, ReadOnlySpan<byte> headHash)
    {
        ArgumentNullException.ThrowIfNull(periodId);
        var id = Encoding.UTF8.GetBytes(periodId);
        var input = new byte[id.Length + headHash.Length];
        id.CopyTo(input, 0);
        headHash.CopyTo(input.AsSpan(id.Length));
        return SHA256.HashData(input);
    }

    /// <summary>The member's uniform number in [0, 1): first 8 bytes of SHA-256(seed ‖ id) / 2^64.</summary>
    public static double Ticket(ReadOnlySpan<byte> seed, long memberId) => Raw(seed, memberId) / TwoTo64;

    /// <summary>
    /// Drawn iff ticket &lt; p, compared exactly in integers: value &lt; ⌈p · 2^64⌉ (p · 2^64 is
    /// exact in binary floating point), so no rounding of a double ticket can flip a draw.
    /// </summary>
    public static bool IsDrawn(ReadOnlySpan<byte> seed, long memberId, double probability)
    {
        if (probability <= 0)
        {
            return false;
        }

        if (probability >= 1)
        {
            return true;
        }

        return Raw(seed, memberId) < (ulong)Math.Ceiling(probability * TwoTo64);
    }

    /// <summary>The ticket as the unsigned integer it is read as: the first 8 bytes of SHA-256(seed ‖ id), big-endian (metamoderation ranks by it).</summary>
    public static ulong TicketValue(ReadOnlySpan<byte> seed, long id) => Raw(seed, id);

    private const double TwoTo64 = 18446744073709551616.0;

    private static ulong Raw(ReadOnlySpan<byte> seed, long memberId)
    {
        Span<byte> input = stackalloc byte[seed.Length + 8];
        seed.CopyTo(input);
        BinaryPrimitives.WriteInt64BigEndian(input[seed.Length..], memberId);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(input, hash);
        return BinaryPrimitives.ReadUInt64BigEndian(hash);
    }
}
