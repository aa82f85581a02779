using Governance.Api.Schema;
using Governance.Api.Storage;
using Governance.GraphQL.Errors;
using Governance.GraphQL.Execution;

namespace Governance.Api.GraphQL;

/// <summary>Turns <see cref="GraphQLApiOptions"/> into the engine's switches.</summary>
public static class GraphQLApiSwitches
{
    public static IntrospectionMode IntrospectionOf(GraphQLApiOptions options, DemoOptions demo)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(demo);
        return options.Introspection switch
        {
            "on" => IntrospectionMode.On,
            "signed-in" => IntrospectionMode.SignedIn,
            "off" => IntrospectionMode.Off,
            _ => demo.SeedOnEmptyDatabase ? IntrospectionMode.On : IntrospectionMode.SignedIn,
        };
    }

    /// <summary>
    /// The limits (every scalar counts 1, so that the cost bounds the response's size too),
    /// introspection and its hints, each caller's cost budget, and the log of unexpected errors.
    /// </summary>
    public static ExecutorOptions Apply(ExecutorOptions engine, GraphQLApiOptions options, IntrospectionMode introspection, CostBudget budget, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(budget);
        return engine with
        {
            MaxCost = options.MaxCost,
            LeafFieldCost = 1,
            EnableIntrospection = introspection != IntrospectionMode.Off,
            EnableSuggestions = introspection == IntrospectionMode.On,
            AllowIntrospection = introspection == IntrospectionMode.SignedIn ? context => CallerOf(context).IsAuthenticated : null,
            ChargeCost = budget.PerMinute > 0 ? (context, cost) => budget.Charge(BudgetKey(context), cost) : null,
            OnUnexpectedError = GraphQLErrorLog.For(logger),
            MapException = StorageUnavailableError,
        };
    }

    /// <summary>
    /// A read that fails because the database is down, full or read-only (a payload's fields read
    /// after its write, a query, a subscription's event) is not a bug: the client gets the same
    /// STORAGE_UNAVAILABLE error a failed write gets, which /graphql answers with 503 and
    /// Retry-After, not "Unexpected Execution Error" with 200. A PostgreSQL crash run saw the latter.
    /// </summary>
    public static GraphQLError? StorageUnavailableError(Exception exception) =>
        StorageUnavailable.Reason(exception) is { } reason
            ? new GraphQLError(StorageUnavailable.Message(reason), extensions: new Dictionary<string, object?> { ["code"] = StorageUnavailable.Code })
            : null;

    private static Caller CallerOf(object? context) => context switch
    {
        Caller caller => caller,
        HttpContext http => Caller.From(http.User),
        _ => Caller.Anonymous,
    };

    /// <summary>A member's own budget, wherever they connect from; anonymous callers share one per IP address.</summary>
    private static string BudgetKey(object? context) => CallerOf(context).MemberId is { } member
        ? "member:" + member.ToString(System.Globalization.CultureInfo.InvariantCulture)
        : "ip:" + ((context as HttpContext)?.Connection.RemoteIpAddress?.ToString() ?? "websocket");
}
