using Governance.GraphQL.Errors;
using Governance.GraphQL.Execution;
using Governance.GraphQL.Relay;
using Governance.GraphQL.Types;
using static Governance.GraphQL.Tests.Fixtures.Run;

namespace Governance.GraphQL.Tests.Relay;

public class RelayTests
{
    [Fact]
    public void GlobalIdsAreBase64OfTypeAndIdAndRoundTrip()
    {
        Assert.Equal("TWVtYmVyOjQy", GlobalId.Encode("Member", "42"));
        Assert.True(GlobalId.TryDecode(GlobalId.Encode("Member", "a:b"), out var type, out var id));
        Assert.Equal(("Member", "a:b"), (type, id));
        Assert.False(GlobalId.TryDecode("not base64!", out _, out _));
        Assert.False(GlobalId.TryDecode(Convert.ToBase64String("nocolon"u8.ToArray()), out _, out _));
    }

    /// <summary>
    /// The Relay Cursor Connections algorithm as the specification words it (ApplyCursorsToEdges,
    /// then EdgesToReturn), written for clarity over speed.
    /// </summary>
    private static List<int> Reference(int count, int? first, int? after, int? last, int? before)
    {
        var all = Enumerable.Range(0, count).ToList();
        var edges = all.ToList();
        if (after is { } a && all.Contains(a))
        {
            edges = edges.Where(e => e > a).ToList();
        }

        if (before is { } b && all.Contains(b))
        {
            edges = edges.Where(e => e < b).ToList();
        }

        if (first is null && last is null)
        {
            first = ConnectionBuilder.DefaultMaxPageSize;
        }

        if (first is { } f && edges.Count > f)
        {
            edges = edges.Take(f).ToList();
        }

        if (last is { } l && edges.Count > l)
        {
            edges = edges.Skip(edges.Count - l).ToList();
        }

        return edges;
    }

    [Fact]
    public void ConnectionsAgreeWithTheSpecAlgorithmOnRandomPages()
    {
        var random = new Random(8);
        for (var n = 0; n < 3_000; n++)
        {
            var count = random.Next(0, 12);
            int? Maybe(int max) => random.Next(3) == 0 ? null : random.Next(0, max);
            var first = Maybe(8);
            var last = Maybe(8);
            var after = count == 0 ? null : Maybe(count);
            var before = count == 0 ? null : Maybe(count);
            var items = Enumerable.Range(0, count).ToList();
            var connection = ConnectionBuilder.FromList(items, new ConnectionArguments(
                first, after is null ? null : ConnectionBuilder.EncodeCursor(after.Value), last, before is null ? null : ConnectionBuilder.EncodeCursor(before.Value)));
            Assert.Equal(Reference(count, first, after, last, before), connection.Nodes.ToList());
            Assert.Equal(connection.Edges.Count > 0 ? connection.Edges[0].Cursor : null, connection.PageInfo.StartCursor);
            Assert.Equal(connection.Edges.Count > 0 ? connection.Edges[^1].Cursor : null, connection.PageInfo.EndCursor);
            Assert.All(connection.Edges, e => Assert.Equal(e.Node, ConnectionBuilder.DecodeCursor(e.Cursor)));
        }
    }

    [Fact]
    public void PageInfoTellsWhetherMoreItemsExist()
    {
        var items = Enumerable.Range(0, 10).ToList();
        var firstPage = ConnectionBuilder.FromList(items, new ConnectionArguments(First: 3));
        Assert.Equal(new PageInfo(false, true, ConnectionBuilder.EncodeCursor(0), ConnectionBuilder.EncodeCursor(2)), firstPage.PageInfo);
        var nextPage = ConnectionBuilder.FromList(items, new ConnectionArguments(First: 10, After: firstPage.PageInfo.EndCursor));
        Assert.Equal([3, 4, 5, 6, 7, 8, 9], nextPage.Nodes);
        Assert.False(nextPage.PageInfo.HasNextPage);
        var lastTwo = ConnectionBuilder.FromList(items, new ConnectionArguments(Last: 2));
        Assert.Equal([8, 9], lastTwo.Nodes);
        Assert.True(lastTwo.PageInfo.HasPreviousPage);
    }

    [Fact]
    public void OversizedNegativeOrForeignPagesAreClientErrors()
    {
        var items = Enumerable.Range(0, 100).ToList();
        Assert.Equal("Requesting more than 50 items per page is not allowed.", Assert.Throws<GraphQLException>(() => ConnectionBuilder.FromList(items, new ConnectionArguments(First: 51))).Message);
        Assert.Equal("Argument \"last\" must be a non-negative integer.", Assert.Throws<GraphQLException>(() => ConnectionBuilder.FromList(items, new ConnectionArguments(Last: -1))).Message);
        Assert.Equal("Invalid cursor \"bad\".", Assert.Throws<GraphQLException>(() => ConnectionBuilder.FromList(items, new ConnectionArguments(After: "bad"))).Message);
        Assert.Equal(50, ConnectionBuilder.FromList(items, new ConnectionArguments()).Edges.Count);
    }

    private sealed record Member(string Id, string Name);

    private static GraphQLExecutor NodeExecutor() =>
        new(new SchemaBuilder()
            .AddTypeDefinitions("""
                interface Node { id: ID! }
                type Member implements Node { id: ID! name: String! }
                type MemberEdge { node: Member! cursor: String! }
                type PageInfo { hasNextPage: Boolean! hasPreviousPage: Boolean! startCursor: String endCursor: String }
                type MemberConnection { edges: [MemberEdge!]! nodes: [Member!]! pageInfo: PageInfo! totalCount: Int! }
                type Query {
                  node(id: ID!): Node
                  nodes(ids: [ID!]!): [Node]!
                  members(first: Int, after: String, last: Int, before: String): MemberConnection!
                }
                """)
            .AddNodeResolution(new Dictionary<string, NodeFetcher>
            {
                ["Member"] = (id, _) => Task.FromResult<object?>(id == "1" ? new Member("1", "Ada") : null),
            })
            .ResolveGlobalId<Member>("Member", m => m.Id)
            .BindType<Member>("Member")
            .BindType<Edge<Member>>("MemberEdge")
            .BindType<PageInfo>("PageInfo")
            .BindType<Connection<Member>>("MemberConnection")
            .Resolve("Query.members", c => ConnectionBuilder.FromList([new Member("1", "Ada"), new Member("2", "Grace")], ConnectionArguments.From(c)))
            .Build());

    [Fact]
    public async Task NodeAndNodesRefetchObjectsByGlobalId()
    {
        var ada = GlobalId.Encode("Member", "1");
        var json = await Json(NodeExecutor(), $"{{ node(id: \"{ada}\") {{ id __typename ... on Member {{ name }} }} nodes(ids: [\"{ada}\", \"{GlobalId.Encode("Member", "9")}\", \"junk\"]) {{ id }} }}");
        Assert.Equal(Q($"{{'data':{{'node':{{'id':'{ada}','__typename':'Member','name':'Ada'}},'nodes':[{{'id':'{ada}'}},null,null]}}}}"), json);
    }

    [Fact]
    public async Task NodesIsCapped()
    {
        var ids = string.Join(", ", Enumerable.Range(0, 51).Select(i => $"\"{GlobalId.Encode("Member", "1")}\""));
        var result = await Result(NodeExecutor(), $"{{ nodes(ids: [{ids}]) {{ id }} }}");
        Assert.Equal("The nodes field accepts at most 50 ids.", Assert.Single(result.Errors).Message);
    }

    [Fact]
    public async Task ConnectionsResolveThroughBoundRecords()
    {
        var json = await Json(NodeExecutor(), "{ members(first: 1) { totalCount edges { cursor node { name } } nodes { name } pageInfo { hasNextPage hasPreviousPage endCursor } } }");
        var cursor = ConnectionBuilder.EncodeCursor(0);
        Assert.Equal(Q($"{{'data':{{'members':{{'totalCount':2,'edges':[{{'cursor':'{cursor}','node':{{'name':'Ada'}}}}],'nodes':[{{'name':'Ada'}}],'pageInfo':{{'hasNextPage':true,'hasPreviousPage':false,'endCursor':'{cursor}'}}}}}}}}"), json);
    }
}
