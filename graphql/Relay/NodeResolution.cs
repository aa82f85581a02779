using Governance.GraphQL.Errors;
using Governance.GraphQL.Execution;
using Governance.GraphQL.Types;

namespace Governance.GraphQL.Relay;

/// <summary>Fetches one object of a type by its local id; null when there is none.</summary>
public delegate Task<object?> NodeFetcher(string id, ResolveContext context);

/// <summary>
/// Relay's Global Object Identification on top of the SDL: the host declares
/// <c>interface Node { id: ID! }</c>, <c>node(id: ID!): Node</c> and <c>nodes(ids: [ID!]!): [Node]!</c>
/// on Query, then registers a fetcher per type. Unknown or malformed ids resolve to null.
/// </summary>
public static class NodeResolution
{
    /// <summary>At most this many ids in one <c>nodes</c> call (HotChocolate's default is 50).</summary>
    public const int DefaultMaxNodes = 50;

    /// <summary>Binds Query.node and Query.nodes to the fetchers; each node comes back as a <see cref="TypedValue"/> of the type its id names.</summary>
    public static SchemaBuilder AddNodeResolution(this SchemaBuilder builder, IReadOnlyDictionary<string, NodeFetcher> fetchers, int maxNodes = DefaultMaxNodes)
    {
        async Task<object?> Fetch(string globalId, ResolveContext context)
        {
            if (!GlobalId.TryDecode(globalId, out var typeName, out var id) || !fetchers.TryGetValue(typeName, out var fetch))
            {
                return null;
            }

            var node = await fetch(id, context).ConfigureAwait(false);
            return node is null ? null : new TypedValue(typeName, node);
        }

        return builder
            .ResolveAsync("Query.node", context => Fetch(context.Argument<string>("id")!, context))
            .ResolveAsync("Query.nodes", async context =>
            {
                var ids = (IReadOnlyList<object?>)context.Arguments["ids"]!;
                if (ids.Count > maxNodes)
                {
                    throw new GraphQLException($"The nodes field accepts at most {maxNodes} ids.");
                }

                return await Task.WhenAll(ids.Select(id => Fetch((string)id!, context))).ConfigureAwait(false);
            });
    }

    /// <summary>Makes "Type.id" answer the global id built from the local one.</summary>
    public static SchemaBuilder ResolveGlobalId<T>(this SchemaBuilder builder, string typeName, Func<T, object> localId) =>
        builder.Resolve(typeName + ".id", context => GlobalId.Encode(typeName, Convert.ToString(localId((T)context.Parent!), System.Globalization.CultureInfo.InvariantCulture)!));
}
