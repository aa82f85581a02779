using System.Text;
using Governance.GraphQL.Language;
using Governance.GraphQL.Types.Introspection;

namespace Governance.GraphQL.Types;

/// <summary>
/// Prints a schema as SDL the way graphql-js 16's printSchema does (for <c>GET /graphql?sdl</c>):
/// the schema definition only when root names are not the conventional ones, custom directives,
/// then every type except built-in scalars and introspection types, in definition order.
/// </summary>
public static class SchemaPrinter
{
    public static string Print(Schema schema)
    {
        var parts = new List<string>();
        if (PrintSchemaDefinition(schema) is { } definition)
        {
            parts.Add(definition);
        }

        parts.AddRange(schema.Directives.Where(d => !DirectiveDefinition.IsSpecified(d.Name)).Select(PrintDirective));
        parts.AddRange(schema.Types
            .Where(t => !BuiltInScalars.IsBuiltIn(t) && !IntrospectionTypes.IsIntrospectionType(t))
            .Select(PrintType));
        return string.Join("\n\n", parts);
    }

    private static string? PrintSchemaDefinition(Schema schema)
    {
        var conventional = schema.QueryType.Name == "Query"
            && (schema.MutationType is null || schema.MutationType.Name == "Mutation")
            && (schema.SubscriptionType is null || schema.SubscriptionType.Name == "Subscription");
        if (schema.Description is null && conventional)
        {
            return null;
        }

        var builder = new StringBuilder(Description(schema.Description, "", true)).Append("schema {\n");
        builder.Append("  query: ").Append(schema.QueryType.Name).Append('\n');
        if (schema.MutationType is not null)
        {
            builder.Append("  mutation: ").Append(schema.MutationType.Name).Append('\n');
        }

        if (schema.SubscriptionType is not null)
        {
            builder.Append("  subscription: ").Append(schema.SubscriptionType.Name).Append('\n');
        }

        return builder.Append('}').ToString();
    }

    private static string PrintType(NamedType type) => type switch
    {
        ScalarType s => Description(s.Description, "", true) + "scalar " + s.Name
            + (s.SpecifiedByUrl is null ? "" : $" @specifiedBy(url: {Printer.PrintString(s.SpecifiedByUrl)})"),
        ObjectType o => Description(o.Description, "", true) + "type " + o.Name + Implements(o) + Fields(o),
        InterfaceType i => Description(i.Description, "", true) + "interface " + i.Name + Implements(i) + Fields(i),
        UnionType u => Description(u.Description, "", true) + "union " + u.Name + (u.Types.Count == 0 ? "" : " = " + string.Join(" | ", u.Types.Select(t => t.Name))),
        EnumType e => Description(e.Description, "", true) + "enum " + e.Name + Block(e.Values.Select((v, i) =>
            Description(v.Description, "  ", i == 0) + "  " + v.Name + Deprecated(v.DeprecationReason))),
        InputObjectType i => Description(i.Description, "", true) + "input " + i.Name + (i.IsOneOf ? " @oneOf" : "") + Block(i.Fields.Select((f, n) =>
            Description(f.Description, "  ", n == 0) + "  " + InputValue(f))),
        _ => throw new ArgumentException($"Cannot print {type.Name}.", nameof(type)),
    };

    private static string Implements(FieldsType type) =>
        type.Interfaces.Count == 0 ? "" : " implements " + string.Join(" & ", type.Interfaces.Select(i => i.Name));

    private static string Fields(FieldsType type) => Block(type.Fields.Select((f, i) =>
        Description(f.Description, "  ", i == 0) + "  " + f.Name + Arguments(f.Arguments, "  ") + ": " + f.Type + Deprecated(f.DeprecationReason)));

    private static string Block(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count == 0 ? "" : " {\n" + string.Join("\n", list) + "\n}";
    }

    private static string Arguments(IReadOnlyList<InputValueDefinition> arguments, string indentation = "")
    {
        if (arguments.Count == 0)
        {
            return "";
        }

        // Arguments without descriptions stay on one line, as graphql-js prints them.
        if (arguments.All(a => a.Description is null))
        {
            return "(" + string.Join(", ", arguments.Select(InputValue)) + ")";
        }

        return "(\n" + string.Join("\n", arguments.Select((a, i) =>
            Description(a.Description, "  " + indentation, i == 0) + "  " + indentation + InputValue(a))) + "\n" + indentation + ")";
    }

    private static string InputValue(InputValueDefinition value) =>
        value.Name + ": " + value.Type
        + (value.DefaultValueLiteral is null ? "" : " = " + Printer.Print(value.DefaultValueLiteral))
        + Deprecated(value.DeprecationReason);

    private static string PrintDirective(DirectiveDefinition directive) =>
        Description(directive.Description, "", true) + "directive @" + directive.Name + Arguments(directive.Arguments)
        + (directive.IsRepeatable ? " repeatable" : "") + " on " + string.Join(" | ", directive.Locations);

    private static string Deprecated(string? reason) => reason switch
    {
        null => "",
        "No longer supported" => " @deprecated",
        _ => $" @deprecated(reason: {Printer.PrintString(reason)})",
    };

    /// <summary>graphql-js printDescription: a block string when it reads well as one, indented, a blank line before all but the first.</summary>
    private static string Description(string? description, string indentation, bool firstInBlock)
    {
        if (description is null)
        {
            return "";
        }

        var printed = BlockString.IsPrintable(description) ? BlockString.Print(description) : Printer.PrintString(description);
        var prefix = indentation.Length > 0 && !firstInBlock ? "\n" + indentation : indentation;
        return prefix + printed.Replace("\n", "\n" + indentation, StringComparison.Ordinal) + "\n";
    }
}
