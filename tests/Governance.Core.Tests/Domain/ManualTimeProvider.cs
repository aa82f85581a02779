namespace Governance.Core.Tests.Domain;

/// <summary>A clock the test moves by hand (Microsoft.Extensions.TimeProvider.Testing is not in the package set).</summary>
internal sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;

    public void AdvanceDays(double days) => _now += TimeSpan.FromDays(days);
}
