using Governance.GraphQL.Validation.Rules;

namespace Governance.GraphQL.Tests.Validation;

/// <summary>
/// Required Arguments (#sec-Required-Arguments), alone. Expected messages and locations are graphql-js 16's
/// (ProvidedRequiredArgumentsRule) for the same document and schema unless a test says otherwise.
/// </summary>
public sealed class RequiredArgumentsRuleTests
{
    [Fact]
    public void GivenAndDefaultedRequiredArgumentsAreValid() => RuleAssert.Valid<RequiredArgumentsRule>("{ arguments { multipleRequirements(x: 1, y: 2) optionalNonNullBooleanArgField } dog { doesKnowCommand(dogCommand: SIT) } }");

    [Fact]
    public void MissingRequiredArgumentIsNamedWithItsType() => RuleAssert.Errors<RequiredArgumentsRule>(
        "{ arguments { nonNullBooleanArgField } }",
        "Field \"nonNullBooleanArgField\" argument \"nonNullBooleanArg\" of type \"Boolean!\" is required, but it was not provided. @ 1:15");

    [Fact]
    public void EachMissingArgumentIsReported() => RuleAssert.Errors<RequiredArgumentsRule>(
        "{ arguments { multipleRequirements } }",
        "Field \"multipleRequirements\" argument \"x\" of type \"Int!\" is required, but it was not provided. @ 1:15",
        "Field \"multipleRequirements\" argument \"y\" of type \"Int!\" is required, but it was not provided. @ 1:15");

    [Fact]
    public void RequiredDirectiveArgument() => RuleAssert.Errors<RequiredArgumentsRule>(
        "{ dog { name @include } }",
        "Directive \"@include\" argument \"if\" of type \"Boolean!\" is required, but it was not provided. @ 1:14");

    [Fact]
    public void ExplicitNullIsLeftToValuesOfCorrectType() => RuleAssert.Valid<RequiredArgumentsRule>("{ arguments { nonNullBooleanArgField(nonNullBooleanArg: null) } }");
}
