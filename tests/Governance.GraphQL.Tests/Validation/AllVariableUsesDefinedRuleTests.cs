using Governance.GraphQL.Validation.Rules;

namespace Governance.GraphQL.Tests.Validation;

/// <summary>
/// All Variable Uses Defined (#sec-All-Variable-Uses-Defined), alone. Expected messages and locations are graphql-js 16's
/// (NoUndefinedVariablesRule) for the same document and schema unless a test says otherwise.
/// </summary>
public sealed class AllVariableUsesDefinedRuleTests
{
    [Fact]
    public void DefinedVariablesAreValid() => RuleAssert.Valid<AllVariableUsesDefinedRule>("query variableIsDefined($atOtherHomes: Boolean) { dog { isHouseTrained(atOtherHomes: $atOtherHomes) } }");

    [Fact]
    public void UndefinedVariableNamesTheOperation() => RuleAssert.Errors<AllVariableUsesDefinedRule>(
        "query variableIsNotDefined { dog { isHouseTrained(atOtherHomes: $atOtherHomes) } }",
        "Variable \"$atOtherHomes\" is not defined by operation \"variableIsNotDefined\". @ 1:65 1:1");

    [Fact]
    public void UndefinedVariableInAnAnonymousOperation() => RuleAssert.Errors<AllVariableUsesDefinedRule>(
        "{ dog { isHouseTrained(atOtherHomes: $atOtherHomes) } }",
        "Variable \"$atOtherHomes\" is not defined. @ 1:38 1:1");

    [Fact]
    public void UndefinedVariableReachedThroughAFragment() => RuleAssert.Errors<AllVariableUsesDefinedRule>(
        "query variableIsNotDefinedUsedInSingleFragment { dog { ...isHouseTrainedFragment } }\nfragment isHouseTrainedFragment on Dog { isHouseTrained(atOtherHomes: $atOtherHomes) }",
        "Variable \"$atOtherHomes\" is not defined by operation \"variableIsNotDefinedUsedInSingleFragment\". @ 2:71 1:1");

    [Fact]
    public void FragmentSharedByTwoOperationsIsCheckedForEach() => RuleAssert.Errors<AllVariableUsesDefinedRule>(
        "query housetrainedQueryOne($atOtherHomes: Boolean) { dog { ...isHouseTrainedFragment } }\nquery housetrainedQueryTwoNotDefined { dog { ...isHouseTrainedFragment } }\nfragment isHouseTrainedFragment on Dog { isHouseTrained(atOtherHomes: $atOtherHomes) }",
        "Variable \"$atOtherHomes\" is not defined by operation \"housetrainedQueryTwoNotDefined\". @ 3:71 2:1");

    [Fact]
    public void VariablesInDirectivesAndInputObjects() => RuleAssert.Errors<AllVariableUsesDefinedRule>(
        "{ dog { name @skip(if: $s) } findDog(searchBy: {name: $n}) { name } }",
        "Variable \"$s\" is not defined. @ 1:24 1:1",
        "Variable \"$n\" is not defined. @ 1:55 1:1");
}
