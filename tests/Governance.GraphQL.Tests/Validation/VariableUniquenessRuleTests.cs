using Governance.GraphQL.Validation.Rules;

namespace Governance.GraphQL.Tests.Validation;

/// <summary>
/// Variable Uniqueness (#sec-Variable-Uniqueness), alone. Expected messages and locations are graphql-js 16's
/// (UniqueVariableNamesRule) for the same document and schema unless a test says otherwise.
/// </summary>
public sealed class VariableUniquenessRuleTests
{
    [Fact]
    public void DistinctVariablesAreValid() => RuleAssert.Valid<VariableUniquenessRule>("query ($a: Int, $b: Int) { arguments { x: intArgField(intArg: $a) y: intArgField(intArg: $b) } }");

    [Fact]
    public void RepeatedVariablePointsAtEachName() => RuleAssert.Errors<VariableUniquenessRule>(
        "query houseTrainedQuery($atOtherHomes: Boolean, $atOtherHomes: Boolean) { dog { isHouseTrained(atOtherHomes: $atOtherHomes) } }",
        "There can be only one variable named \"$atOtherHomes\". @ 1:26 1:50");

    [Fact]
    public void ThreeDefinitionsAreOneError() => RuleAssert.Errors<VariableUniquenessRule>(
        "query ($a: Int, $a: Int, $a: String) { arguments { intArgField(intArg: $a) } }",
        "There can be only one variable named \"$a\". @ 1:9 1:18 1:27");
}
