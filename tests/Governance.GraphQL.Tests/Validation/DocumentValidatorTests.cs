using Governance.GraphQL.Language;
using Governance.GraphQL.Validation;

namespace Governance.GraphQL.Tests.Validation;

/// <summary>The validator as a whole: all rules together, the error cap, suggestions, and what each error carries.</summary>
public sealed class DocumentValidatorTests
{
    private static string[] Validate(string query, ValidationOptions? options = null) =>
        DocumentValidator.Validate(RuleAssert.Schema, Parser.Parse(query), options).Select(RuleAssert.Describe).ToArray();

    [Fact]
    public void ValidDocumentHasNoErrors() =>
        Assert.Empty(Validate("query Q ($id: ID) { dog { ...F owner { name } } human(id: $id) { pets { name } } } fragment F on Dog { name barkVolume }"));

    [Fact]
    public void AtMostFiveErrorsAreReportedByDefault() =>
        Assert.Equal(5, Validate("{ a b c d e f g h }").Length);

    [Fact]
    public void ErrorCapIsConfigurable()
    {
        Assert.Equal(2, Validate("{ a b c d e f g h }", new ValidationOptions { MaxErrors = 2 }).Length);
        Assert.Equal(8, Validate("{ a b c d e f g h }", new ValidationOptions { MaxErrors = 100 }).Length);
    }

    [Fact]
    public void ErrorCapBelowOneIsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Validate("{ dog { name } }", new ValidationOptions { MaxErrors = 0 }));

    [Fact]
    public void NoSuggestionsUnlessAskedFor()
    {
        Assert.Equal(["Cannot query field \"nam\" on type \"Dog\". @ 1:9"], Validate("{ dog { nam } }"));
        Assert.Equal(
            ["Cannot query field \"nam\" on type \"Dog\". Did you mean \"name\"? @ 1:9"],
            Validate("{ dog { nam } }", new ValidationOptions { IncludeSuggestions = true }));
    }

    [Fact]
    public void SuggestionsCoverArgumentsTypesEnumValuesAndInputFields()
    {
        var withSuggestions = new ValidationOptions { IncludeSuggestions = true, MaxErrors = 100 };
        string[] expected =
            [
                "Field \"doesKnowCommand\" argument \"dogCommand\" of type \"DogCommand!\" is required, but it was not provided. @ 1:9",
                "Unknown argument \"dogComand\" on field \"Dog.doesKnowCommand\". Did you mean \"dogCommand\"? @ 1:25",
                "Unknown type \"Dgo\". Did you mean \"Dog\"? @ 2:28",
                "Expected value of type \"DogCommand\", found SITT. Did you mean the enum value \"SIT\"? @ 3:46",
                "Field \"nme\" is not defined by type \"FindDogInput\". Did you mean \"name\"? @ 4:31",
            ];
        var actual = Validate(
                "{ dog { doesKnowCommand(dogComand: SIT) } }\n" +
                "fragment F on Dog { ... on Dgo { name } }\n" +
                "query Q2 { arguments { enumArgField(enumArg: SITT) } }\n" +
                "query Q3 { findDog(searchBy: {nme: \"x\"}) { name } }",
                withSuggestions).Where(e => !e.Contains("anonymous", StringComparison.Ordinal) && !e.Contains("never used", StringComparison.Ordinal));
        Assert.Equal(string.Join("\n", expected), string.Join("\n", actual));
    }

    [Fact]
    public void InlineFragmentIsSuggestedForAFieldOfAPossibleType() =>
        Assert.Equal(
            ["Cannot query field \"barkVolume\" on type \"Pet\". Did you mean to use an inline fragment on \"Dog\"? @ 1:9"],
            Validate("{ pet { barkVolume } }", new ValidationOptions { IncludeSuggestions = true }));

    [Fact]
    public void EveryErrorNamesItsSpecSection()
    {
        var errors = DocumentValidator.Validate(RuleAssert.Schema, Parser.Parse("{ dog { nam } }"));
        var error = Assert.Single(errors);
        Assert.Equal("https://spec.graphql.org/September2025/#sec-Field-Selections", error.Extensions!["specifiedBy"]);
        Assert.Equal("GRAPHQL_VALIDATION_FAILED", error.Extensions["code"]);
        Assert.Null(error.Path);
    }

    [Fact]
    public void ErrorsFromSeveralRulesAreAllReported() =>
        Assert.Equal(
            [
                "Cannot query field \"nope\" on type \"Dog\". @ 1:25",
                "Unknown fragment \"Missing\". @ 1:33",
                "Variable \"$u\" is never used. @ 1:8",
                "Fragment \"Lonely\" is never used. @ 1:45",
            ],
            Validate("query ($u: Int) { dog { nope ...Missing } } fragment Lonely on Dog { name }"));
}
