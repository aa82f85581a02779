using Governance.GraphQL.Execution;
using Governance.GraphQL.Relay;

namespace Governance.Api.Schema;

internal static class Paging
{
    /// <summary>
    /// Pages a list of ids with offset cursors, then loads the page's rows through a DataLoader:
    /// every row of the page is queued before any is awaited, so the page costs one query.
    /// </summary>
    public static Task<Connection<TRow>> PageAsync<TRow>(IReadOnlyList<long> ids, ResolveContext context, Func<long, Task<TRow?>> load)
        where TRow : class =>
        PageAsync(ids, ConnectionArguments.From(context), load);

    public static async Task<Connection<TRow>> PageAsync<TRow>(IReadOnlyList<long> ids, ConnectionArguments arguments, Func<long, Task<TRow?>> load)
        where TRow : class
    {
        var page = ConnectionBuilder.FromList(ids, arguments);
        var rows = await Task.WhenAll(page.Edges.Select(e => load(e.Node)));
        var edges = page.Edges.Zip(rows).Where(p => p.Second is not null).Select(p => new Edge<TRow>(p.Second!, p.First.Cursor)).ToList();
        return new Connection<TRow>(edges, page.PageInfo, page.TotalCount);
    }
}
