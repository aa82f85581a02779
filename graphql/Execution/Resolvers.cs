namespace Governance.GraphQL.Execution;

/// <summary>Produces a field's value. Synchronous resolvers return a completed ValueTask, which costs nothing.</summary>
public delegate ValueTask<object?> FieldResolver(ResolveContext context);

/// <summary>Creates the source stream of a subscription root field (#sec-Source-Stream).</summary>
public delegate ValueTask<IAsyncEnumerable<object?>> SubscriptionResolver(ResolveContext context);

/// <summary>Names the object type of a value returned for an interface or union field.</summary>
public delegate string? TypeResolver(object value, ResolveContext context);
