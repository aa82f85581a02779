using System.Globalization;
using System.Text;
using Governance.GraphQL.Types;
using Governance.GraphQL.Validation;

namespace Governance.GraphQL.Tests.Differential;

/// <summary>
/// Random executable documents over the differential schema, mostly plausible and often
/// slightly wrong: unknown or misplaced fields, colliding aliases, arguments of the wrong type,
/// missing or repeated ones, fragments on any type, spreads of missing fragments, variables
/// defined or not, directives anywhere. Deterministic for a seed.
/// </summary>
internal sealed class RandomDocuments(Schema schema, int seed)
{
    private static readonly string[] Directives = ["@skip(if: true)", "@include(if: false)", "@cached", "@cached(ttl: 5)", "@tag(name: \"x\")", "@trace", "@sensitive", "@unknown", "@skip"];

    private readonly Random _random = new(seed);
    private bool _clean;
    private readonly List<string> _variables = [];
    private readonly List<string> _fragmentNames = [];
    private readonly List<NamedType> _composites = schema.Types.Where(t => t.IsComposite && !t.Name.StartsWith("__", StringComparison.Ordinal)).OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
    private readonly List<NamedType> _inputs = schema.Types.Where(t => t.IsInputType && !t.Name.StartsWith("__", StringComparison.Ordinal)).OrderBy(t => t.Name, StringComparer.Ordinal).ToList();

    public string Next()
    {
        _variables.Clear();
        _fragmentNames.Clear();

        // Half the documents carry no deliberate mistakes, so that many of them are valid and
        // execution is compared too; the other half are salted with errors of every kind.
        _clean = Chance(0.5);
        var fragmentCount = _clean ? 0 : _random.Next(3);
        for (var i = 0; i < fragmentCount; i++)
        {
            _fragmentNames.Add("F" + i);
        }

        var text = new StringBuilder();
        var operations = _clean || Chance(0.8) ? 1 : 2;
        for (var i = 0; i < operations; i++)
        {
            text.Append(Operation(i)).Append('\n');
        }

        foreach (var name in _fragmentNames)
        {
            var type = Pick(_composites);
            text.Append("fragment ").Append(name).Append(" on ").Append(Noise(0.05) ? "Nope" : type.Name)
                .Append(MaybeDirective()).Append(' ').Append(SelectionSet(type, 2)).Append('\n');
        }

        return text.ToString();
    }

    private string Operation(int index)
    {
        var roll = _random.NextDouble();
        var (keyword, root) = roll < 0.8 ? ("query", schema.QueryType) : roll < 0.92 ? ("mutation", schema.MutationType!) : ("subscription", schema.SubscriptionType!);
        var variableCount = _clean ? 0 : _random.Next(3);
        var definitions = new List<string>();
        for (var i = 0; i < variableCount; i++)
        {
            var name = "v" + _variables.Count;
            _variables.Add(name);
            var type = Pick(_inputs).Name;
            if (Chance(0.2))
            {
                type = "[" + type + "]";
            }

            if (Chance(0.3))
            {
                type += "!";
            }

            definitions.Add($"${name}: {(Noise(0.05) ? "Person" : type)}{(Chance(0.15) ? " = null" : string.Empty)}{(Chance(0.1) ? " @sensitive" : string.Empty)}");
        }

        var header = index == 0 && Chance(0.4) && definitions.Count == 0 && keyword == "query"
            ? string.Empty
            : keyword + (Chance(0.8) ? " Op" + (Chance(0.9) ? index : 0) : string.Empty)
                + (definitions.Count > 0 ? "(" + string.Join(", ", definitions) + ")" : string.Empty)
                + MaybeDirective() + " ";
        // A clean subscription selects one root field.
        return header + (keyword == "subscription" && _clean ? "{ " + Selection(root, 2, leafOnly: true) + " }" : SelectionSet(root, 3));
    }

    private string SelectionSet(NamedType type, int depth)
    {
        var selections = new List<string>();
        var count = 1 + _random.Next(3);
        for (var i = 0; i < count; i++)
        {
            selections.Add(Selection(type, depth));
        }

        return "{ " + string.Join(" ", selections) + " }";
    }

    private string Selection(NamedType type, int depth, bool leafOnly = false)
    {
        var roll = leafOnly ? 1 : _random.NextDouble();
        if (roll < 0.12 && _fragmentNames.Count > 0)
        {
            return "..." + (Noise(0.1) ? "Missing" : Pick(_fragmentNames)) + MaybeDirective();
        }

        if (roll < 0.25)
        {
            // A clean inline fragment names a type that can overlap the enclosing one.
            var candidates = _clean ? _composites.Where(c => schema.DoTypesOverlap(c, type)).ToList() : _composites;
            var condition = Chance(0.2) || candidates.Count == 0 ? null : Pick(candidates);
            return "..." + (condition is null ? string.Empty : " on " + condition.Name) + MaybeDirective() + " " + SelectionSet(condition ?? type, depth - 1);
        }

        var fields = (type as FieldsType)?.Fields.ToList() ?? [];
        if (fields.Count == 0 || Chance(0.08))
        {
            return _clean || Chance(0.5) ? "__typename" : "unknownField";
        }

        // Now and then the introspection meta-fields, which only the query root offers.
        var field = Chance(0.04) ? (Chance(0.5) ? schema.SchemaField : schema.TypeField) : Pick(fields);
        // No alias on meta-fields: graphql-js leaves them out of Field Selection Merging's
        // shape check, where the spec (and we) keep them (SpecOverGraphQLJsTests).
        var isMetaField = ReferenceEquals(field, schema.TypeField) || ReferenceEquals(field, schema.SchemaField);
        var alias = Noise(0.15) && !isMetaField ? Pick(["a", "b", "name", "id"]) + ": " : string.Empty;
        var arguments = Arguments(field);
        if (field.Type.GetNamedType().IsComposite && depth <= 0 && _clean)
        {
            return "__typename";
        }

        var sub = field.Type.GetNamedType().IsComposite
            ? (depth > 0 && !Noise(0.05) ? " " + SelectionSet(field.Type.GetNamedType(), depth - 1) : string.Empty)
            : (Noise(0.03) ? " { x }" : string.Empty);
        return alias + field.Name + arguments + MaybeDirective() + sub;
    }

    private string Arguments(FieldDefinition field)
    {
        var given = new List<string>();
        if (ReferenceEquals(field, schema.TypeField))
        {
            return "(name: " + (Noise(0.1) ? "1" : "\"" + Pick(_composites).Name + "\"") + ")";
        }

        foreach (var argument in field.Arguments)
        {
            if (argument.IsRequired() ? !Noise(0.05) : Chance(0.4))
            {
                given.Add(argument.Name + ": " + Value(argument.Type, 2));
            }
        }

        if (Noise(0.05))
        {
            given.Add("bogus: 1");
        }

        if (given.Count > 0 && Noise(0.04))
        {
            given.Add(given[0]);
        }

        return given.Count == 0 ? string.Empty : "(" + string.Join(", ", given) + ")";
    }

    /// <param name="variableAllowed">
    /// False inside a OneOf object under a non-null argument: there graphql-js 16 misses the
    /// spec's IsNonNullPosition check (SpecOverGraphQLJsTests), so the engines must disagree.
    /// </param>
    private string Value(GraphQLType type, int depth, bool variableAllowed = true)
    {
        if (variableAllowed && _variables.Count > 0 && Chance(0.15))
        {
            return "$" + Pick(_variables);
        }

        if (variableAllowed && Noise(0.06))
        {
            return "$undefined";
        }

        if (Noise(0.08))
        {
            return Pick(["1", "2.5", "\"text\"", "true", "null", "ADMIN", "[1]", "{a: 1}", "2147483648"]);
        }

        if (!type.IsNonNull && Chance(0.1))
        {
            return "null";
        }

        var nullable = type.Nullable;
        if (nullable is ListType list)
        {
            return Chance(0.3) ? Value(list.OfType, depth, variableAllowed) : "[" + Value(list.OfType, depth, variableAllowed) + ", " + Value(list.OfType, depth, variableAllowed) + "]";
        }

        var named = nullable.GetNamedType();
        switch (named)
        {
            case EnumType enumType:
                return Noise(0.1) ? "NOT_A_VALUE" : Pick(enumType.Values.Select(v => v.Name).ToList());
            case InputObjectType inputType:
                {
                    var fields = new List<string>();
                    var inputFields = inputType.Fields.ToList();
                    if (inputType.IsOneOf)
                    {
                        var take = !Noise(0.2) ? 1 : _random.Next(3);
                        foreach (var field in inputFields.OrderBy(_ => _random.Next()).Take(take))
                        {
                            var value = depth > 0 ? Value(new NonNullType(field.Type.Nullable), depth - 1, variableAllowed: !type.IsNonNull) : "\"x\"";
                            fields.Add(field.Name + ": " + value);
                        }
                    }
                    else
                    {
                        foreach (var field in inputFields)
                        {
                            if (field.IsRequired() ? !Noise(0.1) : Chance(0.3) && depth > 0)
                            {
                                fields.Add(field.Name + ": " + (depth > 0 ? Value(field.Type, depth - 1) : "\"x\""));
                            }
                        }
                    }

                    if (Noise(0.05))
                    {
                        fields.Add("extra: 1");
                    }

                    return "{" + string.Join(", ", fields) + "}";
                }

            default:
                return named.Name switch
                {
                    "Int" => _random.Next(-3, 100).ToString(CultureInfo.InvariantCulture),
                    "Float" => Chance(0.5) ? "1.5" : "2",
                    "Boolean" => Chance(0.5) ? "true" : "false",
                    "ID" => Chance(0.5) ? "\"p1\"" : "7",
                    "DateTime" => "\"2020-01-01T00:00:00Z\"",
                    _ => "\"s\"",
                };
        }
    }

    private string MaybeDirective() =>
        Chance(0.1) ? " " + (_clean ? Pick(["@include(if: true)", "@skip(if: false)", "@skip(if: true)"]) : Pick(Directives)) : string.Empty;

    private bool Chance(double p) => _random.NextDouble() < p;

    /// <summary>A deliberate mistake: never in a clean document.</summary>
    private bool Noise(double p) => !_clean && Chance(p);

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];
}
