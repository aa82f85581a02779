using Governance.GraphQL.Language;

namespace Governance.GraphQL.Types;

/// <summary>A directive the schema declares (#sec-Type-System.Directives); locations are the spec's names, e.g. FIELD.</summary>
public sealed class DirectiveDefinition
{
    internal DirectiveDefinition(string name, string? description, IReadOnlyList<InputValueDefinition> arguments, IReadOnlyList<string> locations, bool isRepeatable, DirectiveDefinitionNode? syntax)
    {
        Name = name;
        Description = description;
        Arguments = arguments;
        Locations = locations;
        IsRepeatable = isRepeatable;
        Syntax = syntax;
        ArgumentsByName = arguments.ToDictionary(a => a.Name, StringComparer.Ordinal);
    }

    public string Name { get; }

    public string? Description { get; }

    public IReadOnlyList<InputValueDefinition> Arguments { get; }

    public IReadOnlyDictionary<string, InputValueDefinition> ArgumentsByName { get; }

    public IReadOnlyList<string> Locations { get; }

    public bool IsRepeatable { get; }

    public DirectiveDefinitionNode? Syntax { get; }

    /// <summary>The directives every schema has (#sec-Type-System.Directives.Built-in-Directives).</summary>
    public static bool IsSpecified(string name) => name is "skip" or "include" or "deprecated" or "specifiedBy" or "oneOf";

    /// <summary>
    /// True when the directive is deprecated; SDL has no syntax for it yet, so this is only ever
    /// false, but introspection answers it as graphql-js 16.11+ does.
    /// </summary>
    public bool IsDeprecated => DeprecationReason is not null;

    public string? DeprecationReason { get; }

    /// <summary>The directive definitions as graphql-js 16 (16.15) declares them, in SDL.</summary>
    internal const string SpecifiedDirectivesSdl = """
        "Directs the executor to include this field or fragment only when the `if` argument is true."
        directive @include(
          "Included when true."
          if: Boolean!
        ) on FIELD | FRAGMENT_SPREAD | INLINE_FRAGMENT

        "Directs the executor to skip this field or fragment when the `if` argument is true."
        directive @skip(
          "Skipped when true."
          if: Boolean!
        ) on FIELD | FRAGMENT_SPREAD | INLINE_FRAGMENT

        "Marks an element of a GraphQL schema as no longer supported."
        directive @deprecated(
          "Explains why this element was deprecated, usually also including a suggestion for how to access supported similar data. Formatted using the Markdown syntax, as specified by [CommonMark](https://commonmark.org/)."
          reason: String = "No longer supported"
        ) on FIELD_DEFINITION | ARGUMENT_DEFINITION | INPUT_FIELD_DEFINITION | ENUM_VALUE | DIRECTIVE_DEFINITION

        "Exposes a URL that specifies the behavior of this scalar."
        directive @specifiedBy(
          "The URL that specifies the behavior of this scalar."
          url: String!
        ) on SCALAR

        "Indicates exactly one field must be supplied and this field must not be `null`."
        directive @oneOf on INPUT_OBJECT
        """;
}
