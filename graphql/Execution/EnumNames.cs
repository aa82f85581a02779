using System.Collections.Concurrent;
using System.Text;

namespace Governance.GraphQL.Execution;

/// <summary>
/// Maps C# enum members to GraphQL enum value names: the exact name, or the conventional
/// SCREAMING_SNAKE_CASE form of a PascalCase member (<c>OpenForVoting</c> ↔ <c>OPEN_FOR_VOTING</c>).
/// </summary>
internal static class EnumNames
{
    private static readonly ConcurrentDictionary<Enum, string> Names = new();

    public static string ToGraphQLName(Enum value) => Names.GetOrAdd(value, static v => ScreamingSnake(v.ToString()));

    public static object Parse(Type enumType, string name)
    {
        foreach (var value in Enum.GetValues(enumType))
        {
            var member = (Enum)value;
            if (member.ToString() == name || ToGraphQLName(member) == name)
            {
                return member;
            }
        }

        throw new InvalidCastException($"{name} is not a member of {enumType.Name}.");
    }

    private static string ScreamingSnake(string name)
    {
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (i > 0 && char.IsUpper(c) && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]))) && name[i - 1] != '_')
            {
                builder.Append('_');
            }

            builder.Append(char.ToUpperInvariant(c));
        }

        return builder.ToString();
    }
}
