using Governance.GraphQL.Errors;
using Governance.GraphQL.Language;
using Governance.GraphQL.Validation;
using Governance.GraphQL.Validation.Model;

namespace Governance.GraphQL.Tests.Differential;

/// <summary>
/// The parse and validation half of the differential suite: for every corpus document our
/// parser and validator must agree with graphql-js 16 on whether it is valid and on the
/// locations of every error (as a multiset: the two engines may order errors differently).
/// The validator runs with graphql-js's error limit (100) so that all errors are compared.
/// </summary>
public sealed class DifferentialValidationTests
{
    private static readonly Lazy<ValidationSchema> Schema = new(() => ValidationSchemaBuilder.FromSdl(DifferentialSuite.SchemaSdl));

    public static TheoryData<string> CaseNames()
    {
        var data = new TheoryData<string>();
        foreach (var c in DifferentialSuite.Corpus)
        {
            data.Add(c.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void ParsesAndValidatesAsGraphQLJsDoes(string name)
    {
        var corpusCase = DifferentialSuite.Case(name);
        var reference = DifferentialSuite.Reference[name];

        var (phase, errors) = ParseAndValidate(corpusCase.Query);

        var referenceFailed = reference.Phase is "parse" or "validation";
        Assert.True(
            (phase is not null) == referenceFailed,
            $"graphql-js: {(referenceFailed ? reference.Phase + " errors " + string.Join(", ", reference.Errors.Select(e => e.Describe())) : "valid")}; " +
            $"ours: {(phase is null ? "valid" : phase + " errors " + string.Join(" | ", errors.Select(Describe)))}");
        if (phase is null)
        {
            return;
        }

        Assert.Equal(reference.Phase, phase);
        var expected = reference.Errors.Select(e => e.Describe()).Order(StringComparer.Ordinal).ToList();
        var actual = errors.Select(e => new ErrorShape(null, (e.Locations ?? []).Select(l => (l.Line, l.Column)).ToList()).Describe())
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.True(
            expected.SequenceEqual(actual),
            $"locations differ. graphql-js: [{string.Join(", ", expected)}]; ours: [{string.Join(" | ", errors.Select(Describe))}]");
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

        var errors = DocumentValidator.Validate(Schema.Value, document, new ValidationOptions { MaxErrors = 100 });
        return errors.Count > 0 ? ("validation", errors) : (null, errors);
    }

    private static string Describe(GraphQLError error) =>
        error.Message + " @ " + string.Join(" ", (error.Locations ?? []).Select(l => $"{l.Line}:{l.Column}"));
}
