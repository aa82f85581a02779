using System.Globalization;
using System.Text;
using Governance.Api.Schema.Data;
using Governance.GraphQL.Errors;

namespace Governance.Api.Schema;

/// <summary>A cursor of Query.members: the member's directory key (handle, id), so it stays put when others join or leave.</summary>
internal static class MemberCursor
{
    private const string Prefix = "members:";

    public static string Encode(MemberRow member) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{Prefix}{member.Id}:{member.Handle}")));

    /// <summary>The key in a members cursor; null for no cursor; anything else is a client error.</summary>
    public static MemberKey? Decode(string? cursor)
    {
        if (cursor is null)
        {
            return null;
        }

        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
            var colon = text.StartsWith(Prefix, StringComparison.Ordinal) ? text.IndexOf(':', Prefix.Length) : -1;
            if (colon > Prefix.Length
                && long.TryParse(text.AsSpan(Prefix.Length, colon - Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                && colon + 1 < text.Length)
            {
                return new MemberKey(text[(colon + 1)..], id);
            }
        }
        catch (FormatException)
        {
        }

        throw new GraphQLException($"Invalid cursor \"{cursor}\".");
    }
}
