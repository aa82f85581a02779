using System.Globalization;
using System.Text;
using Governance.GraphQL.Errors;
using Governance.GraphQL.Relay;

namespace Governance.Api.Schema;

/// <summary>
/// Cursors of the HOT order carry the instant the ranking was computed at. Hotness falls with
/// age, so the order moves with time alone: with plain offsets, the next page, ranked a minute
/// later, could repeat a proposal or skip one. A page asked for after (or before) a HOT cursor
/// is ranked at that cursor's instant, so walking the pages gives one consistent order; a
/// first page, without a cursor, ranks now. The offset inside is the connection's own.
/// </summary>
internal static class HotCursors
{
    private const string Prefix = "hot:";

    /// <summary>
    /// The instant to rank at, and the arguments with any HOT cursor turned back into the
    /// plain offset cursor it wraps. An instant in the future is taken as now.
    /// </summary>
    public static (DateTimeOffset At, ConnectionArguments Arguments) Unpin(ConnectionArguments arguments, DateTimeOffset now)
    {
        DateTimeOffset? at = null;
        var after = Unwrap(arguments.After, ref at);
        var before = Unwrap(arguments.Before, ref at);
        var instant = at is { } pinned && pinned < now ? pinned : now;
        return (instant, arguments with { After = after, Before = before });
    }

    /// <summary>The page with every cursor wrapped to carry <paramref name="at"/>.</summary>
    public static Connection<T> Pin<T>(Connection<T> page, DateTimeOffset at)
    {
        string Wrap(string cursor) => Encode(at, ConnectionBuilder.DecodeCursor(cursor));
        var info = page.PageInfo;
        return new Connection<T>(
            [.. page.Edges.Select(e => e with { Cursor = Wrap(e.Cursor) })],
            info with
            {
                StartCursor = info.StartCursor is { } start ? Wrap(start) : null,
                EndCursor = info.EndCursor is { } end ? Wrap(end) : null,
            },
            page.TotalCount);
    }

    public static string Encode(DateTimeOffset at, int offset) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(
            string.Create(CultureInfo.InvariantCulture, $"{Prefix}{at.ToUnixTimeMilliseconds()}:{offset}")));

    /// <summary>A HOT cursor's offset cursor, noting its instant; any other cursor as it is (the connection checks it).</summary>
    private static string? Unwrap(string? cursor, ref DateTimeOffset? at)
    {
        if (cursor is null || Decode(cursor) is not { } text || !text.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return cursor;
        }

        var parts = text[Prefix.Length..].Split(':');
        if (parts.Length != 2
            || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
            || ms > DateTimeOffset.MaxValue.ToUnixTimeMilliseconds()
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
        {
            throw new GraphQLException($"Invalid cursor \"{cursor}\".");
        }

        at ??= DateTimeOffset.FromUnixTimeMilliseconds(ms);
        return ConnectionBuilder.EncodeCursor(offset);
    }

    private static string? Decode(string cursor)
    {
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
