using System.Globalization;
using System.Text;
using Governance.GraphQL.Execution;

namespace Governance.GraphQL.Language;

/// <summary>
/// Prints a syntax tree as canonical GraphQL text, line for line what graphql-js 16's
/// <c>print</c> produces, so documents and SDL can be compared across the two engines.
/// </summary>
public static class Printer
{
    private const int MaxLineLength = 80;

    public static string Print(SyntaxNode node) => node switch
    {
        DocumentNode d => string.Join("\n\n", d.Definitions.Select(Print)),
        OperationDefinitionNode o => PrintOperation(o),
        FragmentDefinitionNode f =>
            Description(f.Description) + $"fragment {f.Name}{Wrap("(", Join(f.VariableDefinitions.Select(Print), ", "), ")")} on {f.TypeCondition.Name} {Wrap("", Join(f.Directives.Select(Print), " "), " ")}{Print(f.SelectionSet)}",
        VariableDefinitionNode v =>
            Description(v.Description) + Print(v.Variable) + ": " + Print(v.Type) + Wrap(" = ", v.DefaultValue is null ? null : Print(v.DefaultValue)) + Wrap(" ", Join(v.Directives.Select(Print), " ")),
        SelectionSetNode s => Block(s.Selections.Select(Print)),
        FieldNode f => PrintField(f),
        FragmentSpreadNode s => "..." + s.Name + Wrap(" ", Join(s.Directives.Select(Print), " ")),
        InlineFragmentNode i => Join(["...", Wrap("on ", i.TypeCondition?.Name), Join(i.Directives.Select(Print), " "), Print(i.SelectionSet)], " "),
        ArgumentNode a => a.Name + ": " + Print(a.Value),
        DirectiveNode d => "@" + d.Name + Wrap("(", Join(d.Arguments.Select(Print), ", "), ")"),
        VariableNode v => "$" + v.Name,
        IntValueNode i => i.Value,
        FloatValueNode f => f.Value,
        StringValueNode s => s.Block ? BlockString.Print(s.Value) : PrintString(s.Value),
        BooleanValueNode b => b.Value ? "true" : "false",
        NullValueNode => "null",
        EnumValueNode e => e.Value,
        ListValueNode l => "[" + Join(l.Values.Select(Print), ", ") + "]",
        ObjectValueNode o => "{" + Join(o.Fields.Select(Print), ", ") + "}",
        ObjectFieldNode f => f.Name + ": " + Print(f.Value),
        NamedTypeNode n => n.Name,
        ListTypeNode l => "[" + Print(l.Type) + "]",
        NonNullTypeNode n => Print(n.Type) + "!",
        SchemaDefinitionNode s => PrintSchemaDefinition(s),
        OperationTypeDefinitionNode o => Keyword(o.Operation) + ": " + o.Type.Name,
        TypeDefinitionNode t => PrintTypeDefinition(t),
        FieldDefinitionNode f =>
            Description(f.Description) + f.Name + PrintArgumentDefinitions(f.Arguments) + ": " + Print(f.Type) + Wrap(" ", Join(f.Directives.Select(Print), " ")),
        InputValueDefinitionNode i =>
            Description(i.Description) + Join([i.Name + ": " + Print(i.Type), Wrap("= ", i.DefaultValue is null ? null : Print(i.DefaultValue)), Join(i.Directives.Select(Print), " ")], " "),
        EnumValueDefinitionNode e => Description(e.Description) + Join([e.Name, Join(e.Directives.Select(Print), " ")], " "),
        DirectiveDefinitionNode d =>
            Description(d.Description) + "directive @" + d.Name + PrintArgumentDefinitions(d.Arguments) + (d.Repeatable ? " repeatable" : "") + " on " + string.Join(" | ", d.Locations),
        _ => throw new ArgumentException($"Cannot print {node.GetType().Name}.", nameof(node)),
    };

    /// <summary>graphql-js printString: a JSON-style string with control characters escaped.</summary>
    public static string PrintString(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\b': builder.Append("\\b"); break;
                case '\f': builder.Append("\\f"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case < ' ' or (>= '\u007F' and <= '\u009F'):
                    builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    break;
                default: builder.Append(c); break;
            }
        }

        return builder.Append('"').ToString();
    }

    public static string Keyword(OperationType operation) => operation switch
    {
        OperationType.Mutation => "mutation",
        OperationType.Subscription => "subscription",
        _ => "query",
    };

    private static string PrintOperation(OperationDefinitionNode o)
    {
        // Variables go one per line, unindented as graphql-js 16.15 prints them, once any spans lines.
        var printed = o.VariableDefinitions.Select(Print).ToList();
        var variables = printed.Any(v => v.Contains('\n', StringComparison.Ordinal))
            ? Wrap("(\n", Join(printed, "\n"), "\n)")
            : Wrap("(", Join(printed, ", "), ")");
        var prefix = Description(o.Description) + Join([Keyword(o.Operation), Join([o.Name, variables], ""), Join(o.Directives.Select(Print), " ")], " ");

        // An anonymous query with no variables or directives prints in the shorthand form.
        return (prefix == "query" ? "" : prefix + " ") + Print(o.SelectionSet);
    }

    private static string PrintField(FieldNode f)
    {
        var prefix = Wrap("", f.Alias, ": ") + f.Name;
        var arguments = f.Arguments.Select(Print).ToList();
        var line = prefix + Wrap("(", Join(arguments, ", "), ")");
        if (line.Length > MaxLineLength)
        {
            line = prefix + Wrap("(\n", Indent(Join(arguments, "\n")), "\n)");
        }

        return Join([line, Join(f.Directives.Select(Print), " "), f.SelectionSet is null ? null : Print(f.SelectionSet)], " ");
    }

    private static string PrintSchemaDefinition(SchemaDefinitionNode s) =>
        s.IsExtension
            ? Join(["extend schema", Join(s.Directives.Select(Print), " "), Block(s.OperationTypes.Select(Print))], " ")
            : Description(s.Description) + Join(["schema", Join(s.Directives.Select(Print), " "), Block(s.OperationTypes.Select(Print))], " ");

    private static string PrintTypeDefinition(TypeDefinitionNode t)
    {
        var directives = Join(t.Directives.Select(Print), " ");
        var extend = t.IsExtension ? "extend " : "";
        var body = t switch
        {
            ScalarTypeDefinitionNode => Join(["scalar", t.Name, directives], " "),
            ObjectTypeDefinitionNode o => Join(["type", t.Name, Wrap("implements ", Join(o.Interfaces.Select(Print), " & ")), directives, Block(o.Fields.Select(Print))], " "),
            InterfaceTypeDefinitionNode i => Join(["interface", t.Name, Wrap("implements ", Join(i.Interfaces.Select(Print), " & ")), directives, Block(i.Fields.Select(Print))], " "),
            UnionTypeDefinitionNode u => Join(["union", t.Name, directives, Wrap("= ", Join(u.Types.Select(Print), " | "))], " "),
            EnumTypeDefinitionNode e => Join(["enum", t.Name, directives, Block(e.Values.Select(Print))], " "),
            InputObjectTypeDefinitionNode i => Join(["input", t.Name, directives, Block(i.Fields.Select(Print))], " "),
            _ => throw new ArgumentException($"Cannot print {t.GetType().Name}.", nameof(t)),
        };
        return Description(t.Description) + extend + body;
    }

    /// <summary>Arguments go one per line as soon as any of them spans lines (a description does).</summary>
    private static string PrintArgumentDefinitions(IReadOnlyList<InputValueDefinitionNode> arguments)
    {
        var printed = arguments.Select(Print).ToList();
        return printed.Any(a => a.Contains('\n', StringComparison.Ordinal))
            ? Wrap("(\n", Indent(Join(printed, "\n")), "\n)")
            : Wrap("(", Join(printed, ", "), ")");
    }

    private static string Description(StringValueNode? description) => description is null ? "" : Print(description) + "\n";

    private static string Block(IEnumerable<string> items) => Wrap("{\n", Indent(Join(items, "\n")), "\n}");

    private static string Indent(string text) => Wrap("  ", text.Replace("\n", "\n  ", StringComparison.Ordinal));

    private static string Wrap(string start, string? text, string end = "") => string.IsNullOrEmpty(text) ? "" : start + text + end;

    private static string Join(IEnumerable<string?> parts, string separator) =>
        string.Join(separator, parts.Where(p => !string.IsNullOrEmpty(p)));
}
