using System.Globalization;
using System.Text;
using Governance.Api.Schema.Data;
using Governance.GraphQL.Errors;
using Governance.GraphQL.Relay;

namespace Governance.Api.Schema;

/// <summary>
/// Keyset pages of Query.proposals. A cursor holds the sort key of its proposal (NEW: created,
/// id; TOP: score, created, id; HOT: hotness, created, id, and the instant the walk was ranked
/// at), ties broken by id, so the page after it starts right after that key whatever was added
/// or removed meanwhile: an offset shifted under a new proposal and repeated one (issue 20).
/// Later pages of a HOT walk rank at its first page's instant, so time alone cannot reorder it.
/// </summary>
internal static class ProposalPages
{
    private const string Prefix = "proposals:";

    /// <summary>The walk's order, strictly descending by the key; ties impossible (the id is in it).</summary>
    private readonly record struct Key(double Primary, long CreatedAt, long Id)
    {
        /// <summary>Below zero when this key comes before <paramref name="other"/> in the walk.</summary>
        public int CompareInWalk(Key other)
        {
            var c = other.Primary.CompareTo(Primary);
            if (c != 0)
            {
                return c;
            }

            c = other.CreatedAt.CompareTo(CreatedAt);
            return c != 0 ? c : other.Id.CompareTo(Id);
        }
    }

    public static async Task<Connection<ProposalRow>> PageAsync(
        IReadOnlyList<ProposalRank> ranks, string order, ConnectionArguments arguments, DateTimeOffset now, double gravity, Func<long, Task<ProposalRow?>> load)
    {
        if (arguments.First is < 0 || arguments.Last is < 0)
        {
            throw new GraphQLException($"Argument \"{(arguments.First is < 0 ? "first" : "last")}\" must be a non-negative integer.");
        }

        if (arguments.First > ConnectionBuilder.DefaultMaxPageSize || arguments.Last > ConnectionBuilder.DefaultMaxPageSize)
        {
            throw new GraphQLException($"Requesting more than {ConnectionBuilder.DefaultMaxPageSize} items per page is not allowed.");
        }

        var after = arguments.After is { } a ? Decode(a, order) : null;
        var before = arguments.Before is { } b ? Decode(b, order) : null;
        // A HOT walk ranks at its first page's instant (never in the future).
        var at = (after ?? before)?.At is { } pinned && pinned < now ? pinned : now;
        Key KeyOf(ProposalRank r) => order switch
        {
            "NEW" => new Key(0, r.CreatedAt, r.Id),
            "TOP" => new Key(r.Score, r.CreatedAt, r.Id),
            _ => new Key(ProposalResolvers.Hotness(r.Score, r.CreatedAt, at, gravity), r.CreatedAt, r.Id),
        };

        var ordered = ranks.Select(r => KeyOf(r)).ToList();
        ordered.Sort((x, y) => x.CompareInWalk(y));
        var start = after is { } from ? ordered.FindIndex(k => k.CompareInWalk(from.Key) > 0) : 0;
        start = start < 0 ? ordered.Count : start;
        var end = before is { } to ? ordered.FindIndex(k => k.CompareInWalk(to.Key) >= 0) : ordered.Count;
        end = Math.Max(start, end < 0 ? ordered.Count : end);

        // first keeps the head, last the tail; with neither, a page of the largest size.
        var first = arguments.First ?? (arguments.Last is null ? ConnectionBuilder.DefaultMaxPageSize : null);
        var sliceStart = start;
        var sliceEnd = first is { } f ? Math.Min(end, start + f) : end;
        if (arguments.Last is { } l)
        {
            sliceStart = Math.Max(sliceStart, sliceEnd - l);
        }

        var keys = ordered.GetRange(sliceStart, sliceEnd - sliceStart);
        var rows = await Task.WhenAll(keys.Select(k => load(k.Id)));
        var edges = keys.Zip(rows).Where(p => p.Second is not null).Select(p => new Edge<ProposalRow>(p.Second!, Encode(order, at, p.First))).ToList();
        return new Connection<ProposalRow>(
            edges,
            new PageInfo(sliceStart > 0, sliceEnd < ordered.Count, edges.FirstOrDefault()?.Cursor, edges.LastOrDefault()?.Cursor),
            ordered.Count);
    }

    private static string Encode(string order, DateTimeOffset at, Key key) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
            $"{Prefix}{order}:{at.ToUnixTimeMilliseconds()}:{key.Primary:R}:{key.CreatedAt}:{key.Id}")));

    /// <summary>A cursor of this order; anything else (another order's, an offset, garbage) is a client error.</summary>
    private static (DateTimeOffset At, Key Key)? Decode(string cursor, string order)
    {
        string text;
        try
        {
            text = Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
        }
        catch (FormatException)
        {
            throw Invalid(cursor);
        }

        var parts = text.StartsWith(Prefix, StringComparison.Ordinal) ? text[Prefix.Length..].Split(':') : [];
        if (parts.Length != 5 || parts[0] != order
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
            || ms > DateTimeOffset.MaxValue.ToUnixTimeMilliseconds()
            || !double.TryParse(parts[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var primary) || !double.IsFinite(primary)
            || !long.TryParse(parts[3], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var createdAt)
            || !long.TryParse(parts[4], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            throw Invalid(cursor);
        }

        return (DateTimeOffset.FromUnixTimeMilliseconds(ms), new Key(primary, createdAt, id));
    }

    private static GraphQLException Invalid(string cursor) => new($"Invalid cursor \"{cursor}\".");
}
