using Governance.GraphQL.Validation.Rules;

namespace Governance.GraphQL.Tests.Validation;

/// <summary>
/// Input Object Required Fields (#sec-Input-Object-Required-Fields), alone. Expected messages and locations are graphql-js 16's
/// (ValuesOfCorrectTypeRule) for the same document and schema unless a test says otherwise.
/// </summary>
public sealed class InputObjectRequiredFieldsRuleTests
{
    [Fact]
    public void RequiredFieldsGivenAndDefaultedFieldsOmittedAreValid() => RuleAssert.Valid<InputObjectRequiredFieldsRule>("{ arguments { complexArgField(complexArg: {requiredField: true}) } }");

    [Fact]
    public void MissingRequiredFieldIsNamedWithItsType() => RuleAssert.Errors<InputObjectRequiredFieldsRule>(
        "{ arguments { complexArgField(complexArg: {intField: 4}) } }",
        "Field \"ComplexInput.requiredField\" of required type \"Boolean!\" was not provided. @ 1:43");

    [Fact]
    public void RequiredFieldsAreCheckedInVariableDefaults() => RuleAssert.Errors<InputObjectRequiredFieldsRule>(
        "query ($c: ComplexInput = {intField: 1}) { arguments { complexArgField(complexArg: $c) } }",
        "Field \"ComplexInput.requiredField\" of required type \"Boolean!\" was not provided. @ 1:27");

    [Fact]
    public void EveryObjectMissingAFieldIsReported() => RuleAssert.Errors<InputObjectRequiredFieldsRule>(
        "query ($c: ComplexInput = {intField: 1}) { arguments { complexArgField(complexArg: {stringField: \"s\"}) } }",
        "Field \"ComplexInput.requiredField\" of required type \"Boolean!\" was not provided. @ 1:27",
        "Field \"ComplexInput.requiredField\" of required type \"Boolean!\" was not provided. @ 1:84");
}
