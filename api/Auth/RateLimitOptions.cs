namespace Governance.Api.Auth;

/// <summary>
/// Request budgets (bound from "RateLimits"): per signed-in member, per IP address for anonymous
/// callers, and a much smaller one for sign-in attempts per IP. A load test on loopback raises
/// the anonymous budget rather than turning limits off.
/// </summary>
public sealed record RateLimitOptions
{
    public int MemberRequestsPerSecond { get; init; } = 100;

    public int AnonymousRequestsPerSecond { get; init; } = 200;

    public int SignInAttemptsPerMinute { get; init; } = 10;
}
