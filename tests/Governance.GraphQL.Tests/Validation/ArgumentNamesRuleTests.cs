using Governance.GraphQL.Validation.Rules;

namespace Governance.GraphQL.Tests.Validation;

/// <summary>
/// Argument Names (#sec-Argument-Names), alone. Expected messages and locations are graphql-js 16's
/// (KnownArgumentNamesRule) for the same document and schema unless a test says otherwise.
/// </summary>
public sealed class ArgumentNamesRuleTests
{
    [Fact]
    public void DefinedArgumentsAreValid() => RuleAssert.Valid<ArgumentNamesRule>("{ dog { doesKnowCommand(dogCommand: SIT) isHouseTrained(atOtherHomes: true) name @include(if: true) } }");

    [Fact]
    public void UndefinedFieldArgumentIsNamedWithTheField() => RuleAssert.Errors<ArgumentNamesRule>(
        "{ dog { doesKnowCommand(command: CLEAN_UP_HOUSE, dogCommand: SIT) } }",
        "Unknown argument \"command\" on field \"Dog.doesKnowCommand\". @ 1:25");

    [Fact]
    public void UndefinedDirectiveArgumentIsNamedWithTheDirective() => RuleAssert.Errors<ArgumentNamesRule>(
        "{ dog { isHouseTrained(atOtherHomes: true) @include(unless: false, if: true) } }",
        "Unknown argument \"unless\" on directive \"@include\". @ 1:53");

    [Fact]
    public void ArgumentsOfUnknownFieldsAreNotReported() => RuleAssert.Valid<ArgumentNamesRule>("{ dog { unknown(x: 1) } }");

    [Fact]
    public void ArgumentsOfUnknownDirectivesAreNotReported() => RuleAssert.Valid<ArgumentNamesRule>("{ dog { name @unknown(x: 1) } }");

    [Fact]
    public void SeveralUnknownArguments() => RuleAssert.Errors<ArgumentNamesRule>(
        "{ arguments { multipleRequirements(x: 1, y: 2, z: 3, w: 4) } }",
        "Unknown argument \"z\" on field \"Arguments.multipleRequirements\". @ 1:48",
        "Unknown argument \"w\" on field \"Arguments.multipleRequirements\". @ 1:54");
}
