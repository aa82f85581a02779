using Governance.GraphQL.Errors;

namespace Governance.GraphQL.Language;

/// <summary>
/// Where a token or node sits in its source: UTF-16 offsets [Start, End) plus the 1-based line
/// and column of Start, counted the way graphql-js counts them (#sec-Line-Terminators: CR LF,
/// CR and LF each end a line), so error locations agree between the two engines.
/// </summary>
public readonly record struct Location(int Start, int End, int Line, int Column)
{
    public SourceLocation ToSourceLocation() => new(Line, Column);
}
