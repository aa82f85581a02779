namespace Governance.Core.Domain;

/// <summary>Instants are stored as Unix milliseconds (0001_initial.sql); these convert both ways.</summary>
internal static class Millis
{
    public const long Day = 86_400_000;

    public static long Of(DateTimeOffset at) => at.ToUnixTimeMilliseconds();

    public static DateTimeOffset At(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);

    public static long Days(double days) => (long)Math.Round(days * Day);
}
