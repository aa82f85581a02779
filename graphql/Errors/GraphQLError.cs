namespace Governance.GraphQL.Errors;

/// <summary>A location in a GraphQL document, 1-based, as the spec's response format gives it (#sec-Errors).</summary>
public readonly record struct SourceLocation(int Line, int Column);

/// <summary>
/// One error in a GraphQL response (spec §7.1.2, #sec-Errors): a message, the document
/// locations it concerns, the response path of the field that raised it, and extensions.
/// </summary>
public sealed class GraphQLError
{
    public GraphQLError(
        string message,
        IReadOnlyList<SourceLocation>? locations = null,
        IReadOnlyList<object>? path = null,
        IReadOnlyDictionary<string, object?>? extensions = null)
    {
        Message = message;
        Locations = locations;
        Path = path;
        Extensions = extensions;
    }

    public string Message { get; }

    public IReadOnlyList<SourceLocation>? Locations { get; }

    /// <summary>Response path: field names (string) and list indices (int).</summary>
    public IReadOnlyList<object>? Path { get; }

    public IReadOnlyDictionary<string, object?>? Extensions { get; }
}
