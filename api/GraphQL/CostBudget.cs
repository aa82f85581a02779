using System.Collections.Concurrent;
using System.Globalization;
using Governance.GraphQL.Errors;

namespace Governance.Api.GraphQL;

/// <summary>
/// Each caller's GraphQL cost per minute (a fixed window per caller): the request rate limit
/// counts requests alike, while one operation near the cost limit is worth thousands of small
/// ones. A refusal says what is left and when the window turns (429 over HTTP, with Retry-After).
/// </summary>
public sealed class CostBudget(int perMinute, TimeProvider clock)
{
    public const string Code = "COST_BUDGET_EXCEEDED";

    private const int MaxTracked = 100_000;

    private readonly ConcurrentDictionary<string, Window> _windows = new(StringComparer.Ordinal);

    public int PerMinute { get; } = perMinute;

    /// <summary>Spends <paramref name="cost"/> of <paramref name="caller"/>'s minute; an error when it does not fit (and nothing is spent).</summary>
    public GraphQLError? Charge(string caller, int cost)
    {
        if (PerMinute <= 0)
        {
            return null;
        }

        var minute = clock.GetUtcNow().ToUnixTimeMilliseconds() / 60_000;
        if (_windows.Count > MaxTracked)
        {
            foreach (var (key, window) in _windows)
            {
                if (window.Minute != minute)
                {
                    _windows.TryRemove(key, out _);
                }
            }
        }

        var current = _windows.GetOrAdd(caller, _ => new Window(minute));
        lock (current)
        {
            if (current.Minute != minute)
            {
                current.Minute = minute;
                current.Spent = 0;
            }

            if (current.Spent + (long)cost > PerMinute)
            {
                var retryAfter = (int)Math.Ceiling(((minute + 1) * 60_000 - clock.GetUtcNow().ToUnixTimeMilliseconds()) / 1000.0);
                return new GraphQLError(
                    string.Create(CultureInfo.InvariantCulture, $"This operation costs {cost}, and {Math.Max(0, PerMinute - current.Spent)} of your budget of {PerMinute} per minute is left; try again in {retryAfter} s."),
                    extensions: new Dictionary<string, object?>
                    {
                        ["code"] = Code,
                        ["cost"] = cost,
                        ["budgetPerMinute"] = PerMinute,
                        ["retryAfterSeconds"] = retryAfter,
                    });
            }

            current.Spent += cost;
            return null;
        }
    }

    private sealed class Window(long minute)
    {
        public long Minute { get; set; } = minute;

        public long Spent { get; set; }
    }
}
