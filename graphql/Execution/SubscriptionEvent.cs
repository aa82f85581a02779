namespace Governance.GraphQL.Execution;

/// <summary>
/// An item of a subscription's source stream that carries, besides the root value its selection
/// set runs on, entries for the response's "extensions" (spec §7.1: reserved for implementors to
/// extend the protocol; clients that do not know them ignore them) — when the event happened,
/// say, so a client can measure how late it hears of it.
/// </summary>
public sealed record SubscriptionEvent(object? Value, IReadOnlyDictionary<string, object?> Extensions);
