using System.Globalization;
using System.Text;
using Governance.GraphQL.Errors;
using Governance.GraphQL.Execution;

namespace Governance.GraphQL.Relay;

/// <summary>The Relay cursor connection arguments (Cursor Connections Specification §4).</summary>
public sealed record ConnectionArguments(int? First = null, string? After = null, int? Last = null, string? Before = null)
{
    /// <summary>Reads first/after/last/before from a field's coerced arguments.</summary>
    public static ConnectionArguments From(ResolveContext context) => new(
        context.Argument<int?>("first"),
        context.Argument<string>("after"),
        context.Argument<int?>("last"),
        context.Argument<string>("before"));
}

/// <summary>PageInfo (Cursor Connections Specification §5).</summary>
public sealed record PageInfo(bool HasPreviousPage, bool HasNextPage, string? StartCursor, string? EndCursor);

/// <summary>An edge: a node and the cursor that points at it.</summary>
public sealed record Edge<T>(T Node, string Cursor);

/// <summary>
/// A page of a connection. Bind it in SDL with <c>BindType&lt;Connection&lt;Member&gt;&gt;("MemberConnection")</c>:
/// edges, nodes, pageInfo and totalCount resolve by property.
/// </summary>
public sealed record Connection<T>(IReadOnlyList<Edge<T>> Edges, PageInfo PageInfo, int TotalCount)
{
    public IEnumerable<T> Nodes => Edges.Select(e => e.Node);
}

/// <summary>
/// Builds connections over a list with offset cursors (graphql-relay-js connectionFromArray's
/// algorithm, #sec-Pagination-algorithm), refusing negative or oversized pages.
/// </summary>
public static class ConnectionBuilder
{
    /// <summary>The page size when a request gives neither first nor last, and the largest one allowed.</summary>
    public const int DefaultMaxPageSize = 50;

    private const string Prefix = "arrayconnection:";

    public static Connection<T> FromList<T>(IReadOnlyList<T> items, ConnectionArguments arguments, int maxPageSize = DefaultMaxPageSize)
    {
        if (arguments.First is < 0 || arguments.Last is < 0)
        {
            throw new GraphQLException($"Argument \"{(arguments.First is < 0 ? "first" : "last")}\" must be a non-negative integer.");
        }

        if (arguments.First > maxPageSize || arguments.Last > maxPageSize)
        {
            throw new GraphQLException($"Requesting more than {maxPageSize} items per page is not allowed.");
        }

        // ApplyCursorsToEdges: after and before narrow the slice first.
        var start = 0;
        var end = items.Count;
        if (arguments.After is not null)
        {
            start = Math.Clamp(DecodeCursor(arguments.After) + 1, 0, items.Count);
        }

        if (arguments.Before is not null)
        {
            end = Math.Clamp(DecodeCursor(arguments.Before), start, items.Count);
        }

        // Then first keeps the head, last keeps the tail; with neither, the default page size applies.
        var first = arguments.First ?? (arguments.Last is null ? maxPageSize : null);
        var sliceStart = start;
        var sliceEnd = end;
        if (first is { } f)
        {
            sliceEnd = Math.Min(sliceEnd, sliceStart + f);
        }

        if (arguments.Last is { } l)
        {
            sliceStart = Math.Max(sliceStart, sliceEnd - l);
        }

        var edges = new List<Edge<T>>(sliceEnd - sliceStart);
        for (var i = sliceStart; i < sliceEnd; i++)
        {
            edges.Add(new Edge<T>(items[i], EncodeCursor(i)));
        }

        var pageInfo = new PageInfo(
            HasPreviousPage: arguments.Last is not null ? sliceStart > start : arguments.After is not null && start > 0,
            HasNextPage: first is not null ? sliceEnd < end : arguments.Before is not null && end < items.Count,
            StartCursor: edges.Count > 0 ? edges[0].Cursor : null,
            EndCursor: edges.Count > 0 ? edges[^1].Cursor : null);
        return new Connection<T>(edges, pageInfo, items.Count);
    }

    /// <summary>
    /// Keyset pages over a list sorted ascending by a unique key: a cursor holds its item's key,
    /// so the page after it starts right after that key whatever was inserted or removed
    /// meanwhile, where an offset would shift and repeat or skip an item. The slice rules are
    /// the offset builder's (after/before narrow, then first keeps the head and last the tail);
    /// hasPreviousPage and hasNextPage say whether any item lies outside the page on that side.
    /// </summary>
    public static Connection<T> FromKeyedList<T>(IReadOnlyList<T> items, Func<T, long> keyOf, string kind, ConnectionArguments arguments, int maxPageSize = DefaultMaxPageSize)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(keyOf);
        if (arguments.First is < 0 || arguments.Last is < 0)
        {
            throw new GraphQLException($"Argument \"{(arguments.First is < 0 ? "first" : "last")}\" must be a non-negative integer.");
        }

        if (arguments.First > maxPageSize || arguments.Last > maxPageSize)
        {
            throw new GraphQLException($"Requesting more than {maxPageSize} items per page is not allowed.");
        }

        // The first index whose key is above (after) or at least (before) the cursor's key.
        int IndexAbove(long key, bool inclusive)
        {
            int low = 0, high = items.Count;
            while (low < high)
            {
                var mid = (low + high) / 2;
                var k = keyOf(items[mid]);
                if (k > key || (inclusive && k == key))
                {
                    high = mid;
                }
                else
                {
                    low = mid + 1;
                }
            }

            return low;
        }

        var start = arguments.After is { } after ? IndexAbove(DecodeKey(after, kind), inclusive: false) : 0;
        var end = arguments.Before is { } before ? Math.Max(start, IndexAbove(DecodeKey(before, kind), inclusive: true)) : items.Count;
        var first = arguments.First ?? (arguments.Last is null ? maxPageSize : null);
        var sliceStart = start;
        var sliceEnd = first is { } f ? Math.Min(end, start + f) : end;
        if (arguments.Last is { } l)
        {
            sliceStart = Math.Max(sliceStart, sliceEnd - l);
        }

        var edges = new List<Edge<T>>(sliceEnd - sliceStart);
        for (var i = sliceStart; i < sliceEnd; i++)
        {
            edges.Add(new Edge<T>(items[i], EncodeKey(kind, keyOf(items[i]))));
        }

        return new Connection<T>(
            edges,
            new PageInfo(sliceStart > 0, sliceEnd < items.Count, edges.Count > 0 ? edges[0].Cursor : null, edges.Count > 0 ? edges[^1].Cursor : null),
            items.Count);
    }

    /// <summary>A keyset cursor: the kind of list it belongs to and its item's key.</summary>
    public static string EncodeKey(string kind, long key) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{kind}:{key}")));

    /// <summary>Reads a keyset cursor of <paramref name="kind"/>; any other cursor is a client error.</summary>
    public static long DecodeKey(string cursor, string kind)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        ArgumentNullException.ThrowIfNull(kind);
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
            if (text.Length > kind.Length && text.StartsWith(kind, StringComparison.Ordinal) && text[kind.Length] == ':'
                && long.TryParse(text.AsSpan(kind.Length + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var key))
            {
                return key;
            }
        }
        catch (FormatException)
        {
        }

        throw new GraphQLException($"Invalid cursor \"{cursor}\".");
    }

    public static string EncodeCursor(int offset) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(Prefix + offset.ToString(CultureInfo.InvariantCulture)));

    /// <summary>Reads an offset cursor; a cursor this builder did not make is a client error.</summary>
    public static int DecodeCursor(string cursor)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
            if (text.StartsWith(Prefix, StringComparison.Ordinal)
                && int.TryParse(text.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
            {
                return offset;
            }
        }
        catch (FormatException)
        {
        }

        throw new GraphQLException($"Invalid cursor \"{cursor}\".");
    }
}
