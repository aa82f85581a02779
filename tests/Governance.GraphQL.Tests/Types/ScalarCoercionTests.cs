using Governance.GraphQL.Errors;
using Governance.GraphQL.Language;
using Governance.GraphQL.Types;

namespace Governance.GraphQL.Tests.Types;

public class ScalarCoercionTests
{
    private static string Fails(Func<object> coerce) => Assert.Throws<GraphQLException>(coerce).Message;

    [Fact]
    public void IntAcceptsOnly32BitWholeNumbers()
    {
        var i = BuiltInScalars.Int;
        Assert.Equal(2147483647, i.ParseValue(2147483647L));
        Assert.Equal(-2147483648, i.ParseValue(-2147483648L));
        Assert.Equal(3, i.ParseValue(3.0));
        Assert.Equal("Int cannot represent non 32-bit signed integer value: 2147483648", Fails(() => i.ParseValue(2147483648L)));
        Assert.Equal("Int cannot represent non-integer value: 1.5", Fails(() => i.ParseValue(1.5)));
        Assert.Equal("Int cannot represent non-integer value: \"1\"", Fails(() => i.ParseValue("1")));
        Assert.Equal("Int cannot represent non-integer value: true", Fails(() => i.ParseValue(true)));
        Assert.Equal(-5, i.ParseLiteral(Parser.ParseValue("-5")));
        Assert.Equal("Int cannot represent non 32-bit signed integer value: 2147483648", Fails(() => i.ParseLiteral(Parser.ParseValue("2147483648"))));
        Assert.Equal("Int cannot represent non-integer value: 1.0", Fails(() => i.ParseLiteral(Parser.ParseValue("1.0"))));
    }

    [Fact]
    public void IntResultCoercionRefusesFractionsAndOverflow()
    {
        var i = BuiltInScalars.Int;
        Assert.Equal(7, i.Serialize(7L));
        Assert.Equal(1, i.Serialize(true));
        Assert.Equal(12, i.Serialize("12"));
        Assert.Equal("Int cannot represent non-integer value: 1.5", Fails(() => i.Serialize(1.5)));
        Assert.Equal("Int cannot represent non 32-bit signed integer value: 9999999999", Fails(() => i.Serialize(9_999_999_999L)));
    }

    [Fact]
    public void FloatStringBooleanAndIdFollowTheSpec()
    {
        Assert.Equal(1.0, BuiltInScalars.Float.ParseLiteral(Parser.ParseValue("1")));
        Assert.Equal(2.5, BuiltInScalars.Float.ParseValue(2.5));
        Assert.Equal("Float cannot represent non numeric value: \"1\"", Fails(() => BuiltInScalars.Float.ParseValue("1")));
        Assert.Equal("Float cannot represent non numeric value: NaN", Fails(() => BuiltInScalars.Float.Serialize(double.NaN)));
        Assert.Equal("String cannot represent a non string value: 1", Fails(() => BuiltInScalars.String.ParseLiteral(Parser.ParseValue("1"))));
        Assert.Equal("true", BuiltInScalars.String.Serialize(true));
        Assert.Equal("Boolean cannot represent a non boolean value: 1", Fails(() => BuiltInScalars.Boolean.ParseValue(1L)));
        Assert.Equal("4", BuiltInScalars.ID.ParseValue(4L));
        Assert.Equal("4", BuiltInScalars.ID.ParseLiteral(Parser.ParseValue("4")));
        Assert.Equal("ID cannot represent a non-string and non-integer value: 1.5", Fails(() => BuiltInScalars.ID.ParseLiteral(Parser.ParseValue("1.5"))));
        Assert.Equal("ID cannot represent value: true", Fails(() => BuiltInScalars.ID.Serialize(true)));
    }

    [Fact]
    public void IntInputCoercionAgreesWithAReferenceOnRandomNumbers()
    {
        var random = new Random(3);
        for (var n = 0; n < 5_000; n++)
        {
            object input = random.Next(3) switch
            {
                0 => (long)(random.NextDouble() * 6e9) - 3_000_000_000L,
                1 => Math.Round(random.NextDouble() * 100 - 50, random.Next(2)),
                _ => (long)random.Next(),
            };
            var number = Convert.ToDouble(input, System.Globalization.CultureInfo.InvariantCulture);
            var expectedValid = number == Math.Floor(number) && number >= int.MinValue && number <= int.MaxValue;
            var actual = Record.Exception(() => BuiltInScalars.Int.ParseValue(input));
            Assert.Equal(expectedValid, actual is null);
        }
    }

    [Fact]
    public void DateTimeRequiresAnOffsetAndPrintsUtc()
    {
        var scalar = new DateTimeScalarType();
        var parsed = (DateTimeOffset)scalar.ParseValue("2026-11-21T23:20:00+01:00");
        Assert.Equal("2026-11-21T22:20:00Z", scalar.Serialize(parsed));
        Assert.Equal("DateTime cannot represent an invalid date-time string: \"2026-11-21T23:20:00\"", Fails(() => scalar.ParseValue("2026-11-21T23:20:00")));
        Assert.Equal("DateTime cannot represent a non string value: 5", Fails(() => scalar.ParseValue(5L)));
    }
}
