using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Governance.Api.Auth;

public static class RateLimitingExtensions
{
    public const string SignInPolicy = "sign-in";

    public static WebApplicationBuilder AddGovernanceRateLimits(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<RateLimitOptions>().BindConfiguration("RateLimits")
            .Validate(o => o.MemberRequestsPerSecond > 0 && o.AnonymousRequestsPerSecond > 0 && o.SignInAttemptsPerMinute > 0, "Rate limits must be positive.")
            .ValidateOnStart();
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }

                await TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests", detail: "Slow down and try again shortly.")
                    .ExecuteAsync(context.HttpContext);
            };

            // Everyone: a token bucket per member when signed in, per IP address otherwise.
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                var limits = context.RequestServices.GetRequiredService<IOptionsMonitor<RateLimitOptions>>().CurrentValue;
                var member = context.User.IsAuthenticated() ? context.User.MemberId().ToString(CultureInfo.InvariantCulture) : null;
                var perSecond = member is null ? limits.AnonymousRequestsPerSecond : limits.MemberRequestsPerSecond;
                return RateLimitPartition.GetTokenBucketLimiter(member is null ? "ip:" + Ip(context) : "member:" + member, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = perSecond * 2,
                    TokensPerPeriod = perSecond,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });

            // Sign-in and registration: few attempts per IP address, to slow password guessing.
            limiter.AddPolicy(SignInPolicy, context =>
            {
                var limits = context.RequestServices.GetRequiredService<IOptionsMonitor<RateLimitOptions>>().CurrentValue;
                return RateLimitPartition.GetFixedWindowLimiter("sign-in:" + Ip(context), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = limits.SignInAttemptsPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                });
            });
        });
        return builder;
    }

    private static string Ip(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
