using Governance.GraphQL.Errors;
using Governance.GraphQL.Execution;
using Governance.GraphQL.Language;
using Governance.GraphQL.Validation;
using Governance.GraphQL.Types;

namespace Governance.GraphQL.Tests.Differential;

/// <summary>
/// One document through our engine, compared with graphql-js's outcome; each method returns
/// null when the two agree, else what differs.
/// </summary>
internal static class Comparison
{
    public static readonly Lazy<Schema> Schema = new(() => DifferentialEngine.Executor.Schema);

    /// <summary>Parse and validate: validity, failing phase, and the multiset of error locations.</summary>
    public static string? Validation(string query, ReferenceOutcome reference)
    {
        var (phase, errors) = ParseAndValidate(query);
        var referenceFailed = reference.Phase is "parse" or "validation";
        if ((phase is not null) != referenceFailed || (phase is not null && phase != reference.Phase))
        {
            return $"graphql-js: {(referenceFailed ? reference.Phase + " errors " + string.Join(", ", reference.Errors.Select(e => e.Describe())) : "valid")}; " +
                $"ours: {(phase is null ? "valid" : phase + " errors " + Describe(errors))}";
        }

        if (phase is null)
        {
            return null;
        }

        var expected = reference.Errors.Select(e => e.Describe()).Order(StringComparer.Ordinal).ToList();
        var actual = errors.Select(Shape).Order(StringComparer.Ordinal).ToList();
        return expected.SequenceEqual(actual)
            ? null
            : $"locations differ. graphql-js: [{string.Join(", ", expected)}]; ours: [{Describe(errors)}]";
    }

    /// <summary>Prepare and execute a document both engines accept: data presence, data, error paths and locations.</summary>
    public static async Task<string?> Execution(GraphQLRequest request, ReferenceOutcome reference)
    {
        var prepared = DifferentialEngine.Executor.Prepare(request);
        if (reference.Phase == "subscription")
        {
            return prepared.Succeeded && prepared.Operation!.OperationType == OperationType.Subscription
                ? null
                : "graphql-js accepts the subscription; we refuse it: " + Describe(prepared.Errors);
        }

        var result = prepared.Succeeded
            ? await DifferentialEngine.Executor.ExecuteAsync(prepared.Operation!, request, context: null, CancellationToken.None)
            : ExecutionResult.RequestError(prepared.Errors);
        if (reference.HasData != result.HasData)
        {
            return $"graphql-js {(reference.HasData ? "has" : "has no")} data; ours {(result.HasData ? "has" : "has no")}. Our errors: {Describe(result.Errors)}";
        }

        if (reference.HasData)
        {
            var expectedData = DifferentialEngine.Canonical(reference.Data);
            var actualData = DifferentialEngine.Canonical(result.Data);
            if (expectedData != actualData)
            {
                return $"data differs. graphql-js: {expectedData}; ours: {actualData}; our errors: {Describe(result.Errors)}";
            }
        }

        var expected = reference.Errors.Select(e => e.Describe()).Order(StringComparer.Ordinal).ToList();
        var actual = result.Errors.Select(Shape).Order(StringComparer.Ordinal).ToList();
        if (expected.SequenceEqual(actual))
        {
            return null;
        }

        return $"errors differ. graphql-js: [{string.Join(", ", expected)}]; ours: [{Describe(result.Errors)}]";
    }

    private static (string? Phase, IReadOnlyList<GraphQLError> Errors) ParseAndValidate(string query)
    {
        DocumentNode document;
        try
        {
            document = Parser.Parse(query);
        }
        catch (GraphQLException exception)
        {
            return ("parse", exception.Errors);
        }

        // graphql-js's own error limit, so that every error is compared.
        var errors = DocumentValidator.Validate(Schema.Value, document, new ValidationOptions { MaxErrors = 100 });
        return errors.Count > 0 ? ("validation", errors) : (null, errors);
    }

    private static string Shape(GraphQLError error) =>
        new ErrorShape(error.Path, (error.Locations ?? []).Select(l => (l.Line, l.Column)).ToList()).Describe();

    private static string Describe(IReadOnlyList<GraphQLError> errors) =>
        string.Join(" | ", errors.Select(e => e.Message + " " + Shape(e)));
}
