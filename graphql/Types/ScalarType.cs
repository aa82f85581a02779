using Governance.GraphQL.Errors;
using Governance.GraphQL.Language;

namespace Governance.GraphQL.Types;

/// <summary>
/// A scalar (#sec-Scalars) and its three coercions: result coercion (<see cref="Serialize"/>),
/// input coercion of a JSON variable value (<see cref="ParseValue"/>) and of a literal
/// (<see cref="ParseLiteral"/>). Each throws <see cref="GraphQLException"/> with the reason
/// when a value does not coerce. Subclass it to add a custom scalar, then register it with
/// <c>SchemaBuilder.AddScalar</c>.
/// </summary>
public abstract class ScalarType : NamedType
{
    protected ScalarType(string name, string? description = null, string? specifiedByUrl = null)
        : base(name, description)
    {
        SpecifiedByUrl = specifiedByUrl;
    }

    public override TypeKind Kind => TypeKind.Scalar;

    /// <summary>The URL of the scalar's specification (#sec--specifiedBy).</summary>
    public string? SpecifiedByUrl { get; internal set; }

    /// <summary>Result coercion: a resolver's value to a JSON-shaped value.</summary>
    public abstract object Serialize(object value);

    /// <summary>Input coercion of a variable value (null, bool, string, long, double, list, map).</summary>
    public abstract object ParseValue(object value);

    /// <summary>Input coercion of a literal; never a variable or null (the executor handles those).</summary>
    public abstract object ParseLiteral(ValueNode literal);

    /// <summary>Prints a coerced value as a literal, for default values in SDL and introspection.</summary>
    public virtual ValueNode ToLiteral(object value) => value switch
    {
        string s => new StringValueNode { Value = s },
        bool b => new BooleanValueNode { Value = b },
        int or long or short or byte => new IntValueNode { Value = Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)! },
        double d => new FloatValueNode { Value = d.ToString("R", System.Globalization.CultureInfo.InvariantCulture) },
        _ => new StringValueNode { Value = Convert.ToString(Serialize(value), System.Globalization.CultureInfo.InvariantCulture) ?? "" },
    };

    /// <summary>The error a scalar raises when a value does not fit.</summary>
    protected static GraphQLException Invalid(string message) => new(message);

    /// <summary>How graphql-js's inspect shows a value in coercion messages.</summary>
    protected internal static string Inspect(object? value) => value switch
    {
        null => "null",
        string s => Printer.PrintString(s),
        bool b => b ? "true" : "false",
        double d => d.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        float f => f.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        IReadOnlyDictionary<string, object?> { Count: 0 } => "{}",
        IReadOnlyDictionary<string, object?> map => "{ " + string.Join(", ", map.Select(kv => kv.Key + ": " + Inspect(kv.Value))) + " }",
        System.Collections.IEnumerable list => "[" + string.Join(", ", list.Cast<object?>().Select(Inspect)) + "]",
        ValueNode node => Printer.Print(node),
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };
}

/// <summary>A custom scalar built from delegates, for hosts that prefer not to subclass.</summary>
public sealed class DelegateScalarType(
    string name,
    Func<object, object> serialize,
    Func<object, object> parseValue,
    Func<ValueNode, object> parseLiteral,
    string? description = null,
    string? specifiedByUrl = null) : ScalarType(name, description, specifiedByUrl)
{
    public override object Serialize(object value) => serialize(value);

    public override object ParseValue(object value) => parseValue(value);

    public override object ParseLiteral(ValueNode literal) => parseLiteral(literal);
}
