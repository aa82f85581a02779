namespace Governance.Api.GraphQL;

/// <summary>
/// The production switches of /graphql (bound from "GraphQL", beside the transport's limits):
/// who may introspect, the most one operation may cost, and each caller's cost per minute.
/// </summary>
public sealed record GraphQLApiOptions
{
    /// <summary>
    /// "on" (anyone; "Did you mean …" hints included), "signed-in" (members only; no hints, as
    /// they would name schema members to anonymous callers) or "off". Unset: "on" while the demo
    /// organisation is seeded (Demo:SeedOnEmptyDatabase), "signed-in" otherwise.
    /// </summary>
    public string? Introspection { get; init; }

    /// <summary>The most one operation may cost (its upper bound, docs/api.md).</summary>
    public int MaxCost { get; init; } = 70_000;

    /// <summary>The cost one member (or, anonymous, one IP address) may spend per minute, on top of the request rate limit; 0 turns it off.</summary>
    public int CostBudgetPerMinute { get; init; } = 1_000_000;
}

/// <summary>Who may use __schema, __type and the SDL.</summary>
public enum IntrospectionMode
{
    On,
    SignedIn,
    Off,
}
