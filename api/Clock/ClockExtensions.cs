using Governance.Core.Clock;
using Governance.Core.Storage;

namespace Governance.Api.Clock;

public static class ClockExtensions
{
    /// <summary>Runs every time-based transition (expiry, votes opening and closing, lottery draws) in the background.</summary>
    public static WebApplicationBuilder AddGovernanceClock(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ClockOptions>().BindConfiguration("Clock")
            .Validate(o => o.IntervalSeconds is >= 1 and <= 3600, "Clock:IntervalSeconds must be between 1 and 3600.")
            .ValidateOnStart();
        builder.Services.AddSingleton(sp => new GovernanceClock(sp.GetRequiredService<Database>()));
        builder.Services.AddSingleton(sp => new ClockLease(sp.GetRequiredService<Database>()));
        builder.Services.AddHostedService<ClockService>();
        return builder;
    }
}
