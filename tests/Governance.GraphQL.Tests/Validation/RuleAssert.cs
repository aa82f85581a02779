using Governance.GraphQL.Errors;
using Governance.GraphQL.Language;
using Governance.GraphQL.Validation;
using Governance.GraphQL.Types;

namespace Governance.GraphQL.Tests.Validation;

/// <summary>Runs one rule alone over <see cref="ValidationTestSchema"/> and compares "message @ line:column …" lines.</summary>
internal static class RuleAssert
{
    public static readonly Schema Schema = TestSchemas.FromSdl(ValidationTestSchema.Sdl);

    public static IReadOnlyList<GraphQLError> Run<TRule>(string query, ValidationOptions? options = null)
        where TRule : ValidationRule, new() =>
        DocumentValidator.Validate(Schema, Parser.Parse(query), options ?? new ValidationOptions { MaxErrors = 100 }, [new TRule()]);

    public static void Valid<TRule>(string query)
        where TRule : ValidationRule, new() =>
        Assert.Empty(Run<TRule>(query).Select(Describe));

    public static void Errors<TRule>(string query, params string[] expected)
        where TRule : ValidationRule, new() =>
        Assert.Equal(expected, Run<TRule>(query).Select(Describe));

    public static string Describe(GraphQLError error) =>
        error.Message + " @ " + string.Join(" ", (error.Locations ?? []).Select(l => $"{l.Line}:{l.Column}"));
}
