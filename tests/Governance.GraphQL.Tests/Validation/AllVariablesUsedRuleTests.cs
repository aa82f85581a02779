using Governance.GraphQL.Validation.Rules;

namespace Governance.GraphQL.Tests.Validation;

/// <summary>
/// All Variables Used (#sec-All-Variables-Used), alone. Expected messages and locations are graphql-js 16's
/// (NoUnusedVariablesRule) for the same document and schema unless a test says otherwise.
/// </summary>
public sealed class AllVariablesUsedRuleTests
{
    [Fact]
    public void VariablesUsedDirectlyOrThroughFragmentsAreValid() => RuleAssert.Valid<AllVariablesUsedRule>("query ($a: Boolean, $b: Boolean) { dog { isHouseTrained(atOtherHomes: $a) ...F } } fragment F on Dog { name @skip(if: $b) }");

    [Fact]
    public void UnusedVariableNamesTheOperation() => RuleAssert.Errors<AllVariablesUsedRule>(
        "query variableUnused($atOtherHomes: Boolean) { dog { isHouseTrained } }",
        "Variable \"$atOtherHomes\" is never used in operation \"variableUnused\". @ 1:22");

    [Fact]
    public void UnusedVariableInAnAnonymousOperation() => RuleAssert.Errors<AllVariablesUsedRule>(
        "query ($a: Int, $b: Int) { arguments { intArgField(intArg: $a) } }",
        "Variable \"$b\" is never used. @ 1:17");

    [Fact]
    public void UseInAnotherOperationDoesNotCount() => RuleAssert.Errors<AllVariablesUsedRule>(
        "query A ($x: Int) { dog { name } } query B ($x: Int) { arguments { intArgField(intArg: $x) } }",
        "Variable \"$x\" is never used in operation \"A\". @ 1:10");
}
