using Governance.GraphQL.Validation.Rules;

namespace Governance.GraphQL.Tests.Validation;

/// <summary>
/// Argument Uniqueness (#sec-Argument-Uniqueness), alone. Expected messages and locations are graphql-js 16's
/// (UniqueArgumentNamesRule) for the same document and schema unless a test says otherwise.
/// </summary>
public sealed class ArgumentUniquenessRuleTests
{
    [Fact]
    public void DistinctArgumentsAreValid() => RuleAssert.Valid<ArgumentUniquenessRule>("{ arguments { multipleRequirements(x: 1, y: 2) } dog { name @include(if: true) } }");

    [Fact]
    public void RepeatedFieldArgumentPointsAtEveryUse() => RuleAssert.Errors<ArgumentUniquenessRule>(
        "{ arguments { multipleRequirements(x: 1, y: 2, x: 3) } }",
        "There can be only one argument named \"x\". @ 1:36 1:48");

    [Fact]
    public void RepeatedDirectiveArgument() => RuleAssert.Errors<ArgumentUniquenessRule>(
        "{ dog { name @skip(if: true, if: false) } }",
        "There can be only one argument named \"if\". @ 1:20 1:30");

    [Fact]
    public void ThreeUsesAreOneError() => RuleAssert.Errors<ArgumentUniquenessRule>(
        "{ arguments { intArgField(intArg: 1, intArg: 2, intArg: 3) } }",
        "There can be only one argument named \"intArg\". @ 1:27 1:38 1:49");
}
