namespace Governance.GraphQL.Language;

/// <summary>
/// Limits that stop a hostile document before it costs memory or stack. The defaults follow
/// graphql-js (15,000 tokens) and HotChocolate (2,048 fields); depth guards the recursion.
/// </summary>
public sealed record ParserOptions
{
    public static ParserOptions Default { get; } = new();

    public int MaxTokens { get; init; } = 15_000;

    /// <summary>Deepest nesting of selection sets, list/object values and list types.</summary>
    public int MaxDepth { get; init; } = 64;

    public int MaxFields { get; init; } = 2_048;
}
