namespace Governance.GraphQL.Errors;

/// <summary>
/// Carries GraphQL errors out of a phase that cannot go on (a syntax error, a schema that does
/// not build, a value that does not coerce). Callers turn it back into response errors.
/// </summary>
public sealed class GraphQLException : Exception
{
    public GraphQLException(GraphQLError error)
        : base(error.Message) => Errors = [error];

    public GraphQLException(IReadOnlyList<GraphQLError> errors)
        : base(string.Join(Environment.NewLine, errors.Select(e => e.Message))) => Errors = errors;

    public GraphQLException(string message)
        : this(new GraphQLError(message))
    {
    }

    public IReadOnlyList<GraphQLError> Errors { get; }
}
