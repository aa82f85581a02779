using Governance.GraphQL.Validation.Rules;

namespace Governance.GraphQL.Tests.Validation;

/// <summary>
/// Input Object Field Names (#sec-Input-Object-Field-Names), alone. Expected messages and locations are graphql-js 16's
/// (ValuesOfCorrectTypeRule) for the same document and schema unless a test says otherwise.
/// </summary>
public sealed class InputObjectFieldNamesRuleTests
{
    [Fact]
    public void DefinedFieldsAreValid() => RuleAssert.Valid<InputObjectFieldNamesRule>("{ findDog(searchBy: {name: \"Fido\", owner: \"Ann\"}) { name } }");

    [Fact]
    public void UndefinedFieldIsNamedWithItsType() => RuleAssert.Errors<InputObjectFieldNamesRule>(
        "{ findDog(searchBy: {favoriteCookieFlavor: \"Bacon\"}) { name } }",
        "Field \"favoriteCookieFlavor\" is not defined by type \"FindDogInput\". @ 1:22");

    [Fact]
    public void UndefinedNestedFieldIsFound() => RuleAssert.Errors<InputObjectFieldNamesRule>(
        "{ arguments { oneOfArgField(lookup: {byInput: {name: \"a\", age: 3}}) } }",
        "Field \"age\" is not defined by type \"FindDogInput\". @ 1:59");
}
