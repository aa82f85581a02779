namespace Governance.GraphQL.Errors;

/// <summary>
/// The one place that builds the engine's errors, so every message, location and path follows
/// the same shape (#sec-Errors). Each factory names the spec section it enforces.
/// </summary>
public static class GraphQLErrors
{
    /// <summary>#sec-Language: the document is not in the grammar.</summary>
    public static GraphQLError Syntax(string description, SourceLocation location) =>
        new("Syntax Error: " + description, [location]);
}
