using System.Globalization;

namespace Governance.Core.Lottery;

/// <summary>
/// A lottery period: periods of whole days tile time from Monday 1970-01-05 00:00 UTC, so
/// weekly periods run Monday to Monday. The id is the start date, "yyyy-MM-dd".
/// </summary>
public readonly record struct LotteryPeriod(string Id, long StartMs, long EndMs)
{
    private static readonly long Origin = new DateTimeOffset(1970, 1, 5, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();

    public DateTimeOffset Start => DateTimeOffset.FromUnixTimeMilliseconds(StartMs);

    public DateTimeOffset End => DateTimeOffset.FromUnixTimeMilliseconds(EndMs);

    /// <summary>The period containing <paramref name="atMs"/> (its start included, its end not).</summary>
    public static LotteryPeriod Containing(long atMs, double periodDays)
    {
        var length = (long)(periodDays * 86_400_000);
        var index = Math.DivRem(atMs - Origin, length, out var rest);
        if (rest < 0)
        {
            index--;
        }

        return FromStart(Origin + (index * length), length);
    }

    /// <summary>Parses a period id back, refusing a date that does not start a period.</summary>
    public static LotteryPeriod? Parse(string id, double periodDays)
    {
        if (!DateTimeOffset.TryParseExact(id, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var start))
        {
            return null;
        }

        var period = Containing(start.ToUnixTimeMilliseconds(), periodDays);
        return period.Id == id ? period : null;
    }

    public LotteryPeriod Next() => FromStart(EndMs, EndMs - StartMs);

    private static LotteryPeriod FromStart(long startMs, long length) =>
        new(DateTimeOffset.FromUnixTimeMilliseconds(startMs).UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), startMs, startMs + length);
}
