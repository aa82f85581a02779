using Governance.GraphQL.Validation.Rules;

namespace Governance.GraphQL.Tests.Validation;

/// <summary>
/// Input Object Field Uniqueness (#sec-Input-Object-Field-Uniqueness), alone. Expected messages and locations are graphql-js 16's
/// (UniqueInputFieldNamesRule) for the same document and schema unless a test says otherwise.
/// </summary>
public sealed class InputObjectFieldUniquenessRuleTests
{
    [Fact]
    public void DistinctFieldsAreValid() => RuleAssert.Valid<InputObjectFieldUniquenessRule>("{ findDog(searchBy: {name: \"a\", owner: \"b\"}) { name } }");

    [Fact]
    public void RepeatedFieldPointsAtBothNames() => RuleAssert.Errors<InputObjectFieldUniquenessRule>(
        "{ findDog(searchBy: {name: \"a\", name: \"b\"}) { name } }",
        "There can be only one input field named \"name\". @ 1:22 1:33");

    [Fact]
    public void EachRepeatIsReportedAgainstTheFirst() => RuleAssert.Errors<InputObjectFieldUniquenessRule>(
        "{ findDog(searchBy: {name: \"a\", name: \"b\", name: \"c\"}) { name } }",
        "There can be only one input field named \"name\". @ 1:22 1:33",
        "There can be only one input field named \"name\". @ 1:22 1:44");

    [Fact]
    public void NestedObjectsHaveTheirOwnNames() => RuleAssert.Errors<InputObjectFieldUniquenessRule>(
        "{ arguments { oneOfArgField(lookup: {byInput: {name: \"a\", name: \"b\"}}) } }",
        "There can be only one input field named \"name\". @ 1:48 1:59");
}
