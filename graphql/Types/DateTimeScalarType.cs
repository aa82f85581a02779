using System.Globalization;
using Governance.GraphQL.Language;

namespace Governance.GraphQL.Types;

/// <summary>
/// An opt-in DateTime scalar: RFC 3339 date-times with an offset, as the GraphQL Scalars
/// project specifies (https://scalars.graphql.org/andimarek/date-time). Values are
/// <see cref="DateTimeOffset"/> both ways; output is always UTC with a "Z".
/// </summary>
public sealed class DateTimeScalarType() : ScalarType("DateTime", "A date-time with an offset, as RFC 3339 writes it: `2026-11-21T23:20:00Z`.", "https://scalars.graphql.org/andimarek/date-time")
{
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'";

    public override object Serialize(object value) => value switch
    {
        DateTimeOffset o => o.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture),
        DateTime d when d.Kind != DateTimeKind.Unspecified => d.ToUniversalTime().ToString(Format, CultureInfo.InvariantCulture),
        string s => Serialize(ParseValue(s)),
        _ => throw Invalid($"DateTime cannot represent value: {Inspect(value)}"),
    };

    public override object ParseValue(object value) =>
        value is string s ? Parse(s) : throw Invalid($"DateTime cannot represent a non string value: {Inspect(value)}");

    public override object ParseLiteral(ValueNode literal) =>
        literal is StringValueNode s ? Parse(s.Value) : throw Invalid($"DateTime cannot represent a non string value: {Printer.Print(literal)}");

    public override ValueNode ToLiteral(object value) => new StringValueNode { Value = (string)Serialize(value) };

    private static DateTimeOffset Parse(string text)
    {
        // RFC 3339 requires the offset; a bare local time is ambiguous and refused.
        var hasOffset = text.EndsWith('Z') || text.EndsWith('z') || (text.Length > 6 && text[^6] is '+' or '-');
        if (!hasOffset || text.Length < 20 || text[10] is not ('T' or 't')
            || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var result))
        {
            throw Invalid($"DateTime cannot represent an invalid date-time string: {Inspect(text)}");
        }

        return result;
    }
}
