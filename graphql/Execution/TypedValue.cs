namespace Governance.GraphQL.Execution;

/// <summary>
/// A resolver's value tagged with its object type: returned for an interface or union field it
/// decides the runtime type directly, and the executor passes <see cref="Value"/> on to the
/// object's own field resolvers.
/// </summary>
public sealed record TypedValue(string TypeName, object Value);
