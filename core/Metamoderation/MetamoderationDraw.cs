using System.Buffers.Binary;
using System.Security.Cryptography;
using Governance.Core.Lottery;

namespace Governance.Core.Metamoderation;

/// <summary>
/// The verifiable draw of metamoderation jurors and of each juror's sample, from public data
/// alone (docs/moderation.md):
/// seed = SHA-256(UTF-8("metamoderation " + period id) ‖ head hash), with the same head entry
/// as the period's lottery draw (the last event-log entry at or before the period's end); the
/// jurors are the <c>metamoderationJurors</c> eligible members with the smallest tickets, a
/// ticket being the lottery's: the first 8 bytes of SHA-256(seed ‖ member id as 8 bytes
/// big-endian), read as an unsigned big-endian integer (ties, which SHA-256 makes
/// improbable, by member id). A juror's sample is the period's moderator actions with the
/// smallest tickets under SHA-256(seed ‖ juror id as 8 bytes big-endian), an action's id being
/// its event-log sequence number.
/// </summary>
public static class MetamoderationDraw
{
    /// <summary>What the period id is prefixed with, so that the jurors are not the lottery's winners.</summary>
    public const string SeedPrefix = "metamoderation ";

    public static byte[] Seed(string periodId, ReadOnlySpan<byte> headHash) => LotteryDraw.Seed(SeedPrefix + periodId, headHash);

    /// <summary>The jurors among <paramref name="eligible"/>: the <paramref name="jurors"/> smallest tickets.</summary>
    public static IReadOnlySet<long> Jurors(ReadOnlySpan<byte> seed, IEnumerable<long> eligible, int jurors)
    {
        var copy = seed.ToArray();
        return eligible.Select(id => (Id: id, Ticket: LotteryDraw.TicketValue(copy, id)))
            .OrderBy(e => e.Ticket).ThenBy(e => e.Id)
            .Take(Math.Max(0, jurors)).Select(e => e.Id).ToHashSet();
    }

    /// <summary>The sample of one juror: the action sequence numbers with the smallest tickets under the juror's seed, in log order.</summary>
    public static IReadOnlyList<long> Sample(ReadOnlySpan<byte> seed, long jurorId, IEnumerable<long> actions, int size)
    {
        var jurorSeed = JurorSeed(seed, jurorId);
        return actions.Select(seq => (Seq: seq, Ticket: LotteryDraw.TicketValue(jurorSeed, seq)))
            .OrderBy(e => e.Ticket).ThenBy(e => e.Seq)
            .Take(Math.Max(0, size)).Select(e => e.Seq).Order().ToList();
    }

    /// <summary>SHA-256(seed ‖ juror id as 8 bytes big-endian).</summary>
    public static byte[] JurorSeed(ReadOnlySpan<byte> seed, long jurorId)
    {
        var input = new byte[seed.Length + 8];
        seed.CopyTo(input);
        BinaryPrimitives.WriteInt64BigEndian(input.AsSpan(seed.Length), jurorId);
        return SHA256.HashData(input);
    }
}
