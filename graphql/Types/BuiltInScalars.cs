using System.Globalization;
using Governance.GraphQL.Language;

namespace Governance.GraphQL.Types;

/// <summary>The five specified scalars (#sec-Scalars.Built-in-Scalars), with graphql-js's messages.</summary>
public static class BuiltInScalars
{
    public static ScalarType Int { get; } = new IntScalar();

    public static ScalarType Float { get; } = new FloatScalar();

    public static ScalarType String { get; } = new StringScalar();

    public static ScalarType Boolean { get; } = new BooleanScalar();

    public static ScalarType ID { get; } = new IdScalar();

    public static IReadOnlyList<ScalarType> All { get; } = [Int, Float, String, Boolean, ID];

    public static bool IsBuiltIn(NamedType type) => All.Contains(type);

    /// <summary>Numbers as a JSON reader hands them over, widened to double; null when not a number.</summary>
    internal static double? AsNumber(object value) => value switch
    {
        int i => i,
        long l => l,
        double d => d,
        float f => f,
        decimal m => (double)m,
        short s => s,
        byte b => b,
        sbyte sb => sb,
        ushort us => us,
        uint ui => ui,
        ulong ul => ul,
        _ => null,
    };

    /// <summary>#sec-Int: a signed 32-bit integer; anything else, fractional or out of range, is an error.</summary>
    private sealed class IntScalar() : ScalarType("Int", "The `Int` scalar type represents non-fractional signed whole numeric values. Int can represent values between -(2^31) and 2^31 - 1.")
    {
        public override object Serialize(object value)
        {
            double number;
            switch (value)
            {
                case int:
                    return value;
                case bool b:
                    return b ? 1 : 0;
                case string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed):
                    number = parsed;
                    break;
                default:
                    number = AsNumber(value) ?? throw Invalid($"Int cannot represent non-integer value: {Inspect(value)}");
                    break;
            }

            if (number != Math.Floor(number) || double.IsInfinity(number))
            {
                throw Invalid($"Int cannot represent non-integer value: {Inspect(value)}");
            }

            return number is > int.MaxValue or < int.MinValue
                ? throw Invalid($"Int cannot represent non 32-bit signed integer value: {Inspect(value)}")
                : (int)number;
        }

        public override object ParseValue(object value)
        {
            var number = value is bool ? null : AsNumber(value);
            if (number is not { } n || n != Math.Floor(n) || double.IsInfinity(n))
            {
                throw Invalid($"Int cannot represent non-integer value: {Inspect(value)}");
            }

            return n is > int.MaxValue or < int.MinValue
                ? throw Invalid($"Int cannot represent non 32-bit signed integer value: {Inspect(value)}")
                : (int)n;
        }

        public override object ParseLiteral(ValueNode literal)
        {
            if (literal is not IntValueNode i)
            {
                throw Invalid($"Int cannot represent non-integer value: {Printer.Print(literal)}");
            }

            return int.TryParse(i.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)
                ? n
                : throw Invalid($"Int cannot represent non 32-bit signed integer value: {i.Value}");
        }
    }

    /// <summary>#sec-Float: a finite double; integers are accepted as input.</summary>
    private sealed class FloatScalar() : ScalarType("Float", "The `Float` scalar type represents signed double-precision fractional values as specified by [IEEE 754](https://en.wikipedia.org/wiki/IEEE_floating_point).")
    {
        public override object Serialize(object value)
        {
            var number = value switch
            {
                bool b => b ? 1 : 0,
                string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
                _ => AsNumber(value),
            };
            return number is { } n && double.IsFinite(n) ? n : throw Invalid($"Float cannot represent non numeric value: {Inspect(value)}");
        }

        public override object ParseValue(object value)
        {
            var number = value is bool ? null : AsNumber(value);
            return number is { } n && double.IsFinite(n) ? n : throw Invalid($"Float cannot represent non numeric value: {Inspect(value)}");
        }

        public override object ParseLiteral(ValueNode literal) => literal switch
        {
            IntValueNode i => double.Parse(i.Value, CultureInfo.InvariantCulture),
            FloatValueNode f => double.Parse(f.Value, CultureInfo.InvariantCulture) is var d && double.IsFinite(d)
                ? d
                : throw Invalid($"Float cannot represent non numeric value: {f.Value}"),
            _ => throw Invalid($"Float cannot represent non numeric value: {Printer.Print(literal)}"),
        };

        public override ValueNode ToLiteral(object value) =>
            value is double d && d == Math.Floor(d) && Math.Abs(d) < 1e21
                ? new IntValueNode { Value = d.ToString("F0", CultureInfo.InvariantCulture) }
                : base.ToLiteral(value);
    }

    /// <summary>#sec-String: text; result coercion also turns booleans and numbers into text.</summary>
    private sealed class StringScalar() : ScalarType("String", "The `String` scalar type represents textual data, represented as UTF-8 character sequences. The String type is most often used by GraphQL to represent free-form human-readable text.")
    {
        public override object Serialize(object value) => value switch
        {
            string s => s,
            bool b => b ? "true" : "false",
            char c => c.ToString(),
            Enum e => e.ToString(),
            Guid g => g.ToString(),
            _ when AsNumber(value) is { } n && double.IsFinite(n) => Convert.ToString(value, CultureInfo.InvariantCulture)!,
            _ => throw Invalid($"String cannot represent value: {Inspect(value)}"),
        };

        public override object ParseValue(object value) =>
            value as string ?? throw Invalid($"String cannot represent a non string value: {Inspect(value)}");

        public override object ParseLiteral(ValueNode literal) =>
            literal is StringValueNode s ? s.Value : throw Invalid($"String cannot represent a non string value: {Printer.Print(literal)}");
    }

    /// <summary>#sec-Boolean: true or false; numbers coerce on output only.</summary>
    private sealed class BooleanScalar() : ScalarType("Boolean", "The `Boolean` scalar type represents `true` or `false`.")
    {
        public override object Serialize(object value) => value switch
        {
            bool => value,
            _ when AsNumber(value) is { } n && double.IsFinite(n) => n != 0,
            _ => throw Invalid($"Boolean cannot represent a non boolean value: {Inspect(value)}"),
        };

        public override object ParseValue(object value) =>
            value is bool b ? b : throw Invalid($"Boolean cannot represent a non boolean value: {Inspect(value)}");

        public override object ParseLiteral(ValueNode literal) =>
            literal is BooleanValueNode b ? b.Value : throw Invalid($"Boolean cannot represent a non boolean value: {Printer.Print(literal)}");
    }

    /// <summary>#sec-ID: serialized as a string; accepts strings and integers as input.</summary>
    private sealed class IdScalar() : ScalarType("ID", "The `ID` scalar type represents a unique identifier, often used to refetch an object or as key for a cache. The ID type appears in a JSON response as a String; however, it is not intended to be human-readable. When expected as an input type, any string (such as `\"4\"`) or integer (such as `4`) input value will be accepted as an ID.")
    {
        public override object Serialize(object value) => value switch
        {
            string s => s,
            Guid g => g.ToString(),
            int or long or short or byte or uint or ulong or ushort or sbyte => Convert.ToString(value, CultureInfo.InvariantCulture)!,

            // graphql-js accepts any integral number; JSON readers may hand those over as doubles.
            double d when d == Math.Floor(d) && Math.Abs(d) < 9.007199254740992e15 => ((long)d).ToString(CultureInfo.InvariantCulture),
            _ => throw Invalid($"ID cannot represent value: {Inspect(value)}"),
        };

        public override object ParseValue(object value) => value switch
        {
            string s => s,
            int or long or short or byte => Convert.ToString(value, CultureInfo.InvariantCulture)!,
            double d when d == Math.Floor(d) && Math.Abs(d) < 9.007199254740992e15 => ((long)d).ToString(CultureInfo.InvariantCulture),
            _ => throw Invalid($"ID cannot represent value: {Inspect(value)}"),
        };

        public override object ParseLiteral(ValueNode literal) => literal switch
        {
            StringValueNode s => s.Value,
            IntValueNode i => i.Value,
            _ => throw Invalid($"ID cannot represent a non-string and non-integer value: {Printer.Print(literal)}"),
        };

        public override ValueNode ToLiteral(object value) => new StringValueNode { Value = (string)value };
    }
}
