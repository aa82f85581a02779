namespace Governance.GraphQL.Validation;

/// <summary>
/// How <see cref="DocumentValidator"/> reports. Safe by default, as HotChocolate is: a handful
/// of errors is enough to fix a document, and suggestions would reveal schema names.
/// </summary>
public sealed record ValidationOptions
{
    public static ValidationOptions Default { get; } = new();

    /// <summary>
    /// Validation stops once this many errors are found: a hostile document cannot make the
    /// server build a response of thousands of errors. Default 5.
    /// </summary>
    public int MaxErrors { get; init; } = 5;

    /// <summary>
    /// Whether messages may end "Did you mean …?" naming fields, arguments and types. Those
    /// names are schema knowledge, so turn this on only where introspection is enabled.
    /// </summary>
    public bool IncludeSuggestions { get; init; }

    /// <summary>
    /// Work allowed to Field Selection Merging's comparisons before it gives up with an error;
    /// caching keeps real documents far below it (graphql-js uses the same budget).
    /// </summary>
    public int MaxFieldComparisons { get; init; } = 500_000;
}
