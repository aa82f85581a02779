using Governance.GraphQL.Validation.Rules;

namespace Governance.GraphQL.Tests.Validation;

/// <summary>
/// All Variable Usages Are Allowed (#sec-All-Variable-Usages-Are-Allowed), alone. Expected messages and locations are graphql-js 16's
/// (VariablesInAllowedPositionRule) for the same document and schema unless a test says otherwise.
/// </summary>
public sealed class AllVariableUsagesAreAllowedRuleTests
{
    [Fact]
    public void MatchingAndStricterTypesAreValid() => RuleAssert.Valid<AllVariableUsagesAreAllowedRule>("query ($a: Int, $b: Int!, $c: [Boolean!]!, $d: DogCommand!) { arguments { x: intArgField(intArg: $a) y: intArgField(intArg: $b) booleanListArgField(booleanListArg: $c) doesKnow: enumArgField(enumArg: $d) } }");

    [Fact]
    public void NullableIntoNonNullIsInvalid() => RuleAssert.Errors<AllVariableUsagesAreAllowedRule>(
        "query intCannotGoIntoBoolean($booleanArg: Boolean) { arguments { nonNullBooleanArgField(nonNullBooleanArg: $booleanArg) } }",
        "Variable \"$booleanArg\" of type \"Boolean\" used in position expecting type \"Boolean!\". @ 1:30 1:108");

    [Fact]
    public void WrongScalarIsInvalid() => RuleAssert.Errors<AllVariableUsagesAreAllowedRule>(
        "query intCannotGoIntoBoolean($intArg: Int) { arguments { booleanArgField(booleanArg: $intArg) } }",
        "Variable \"$intArg\" of type \"Int\" used in position expecting type \"Boolean\". @ 1:30 1:86");

    [Fact]
    public void ListIntoScalarIsInvalid() => RuleAssert.Errors<AllVariableUsagesAreAllowedRule>(
        "query booleanListCannotGoIntoBoolean($booleanListArg: [Boolean]) { arguments { booleanArgField(booleanArg: $booleanListArg) } }",
        "Variable \"$booleanListArg\" of type \"[Boolean]\" used in position expecting type \"Boolean\". @ 1:38 1:108");

    [Fact]
    public void NullableItemsIntoNonNullItemsAreInvalid() => RuleAssert.Errors<AllVariableUsagesAreAllowedRule>(
        "query listToNonNullList($l: [String]) { arguments { stringListNonNullArgField(stringListNonNullArg: $l) } }",
        "Variable \"$l\" of type \"[String]\" used in position expecting type \"[String!]\". @ 1:25 1:101");

    [Fact]
    public void NonNullDefaultAllowsNullableIntoNonNull() => RuleAssert.Valid<AllVariableUsagesAreAllowedRule>("query ($b: Boolean = true) { arguments { nonNullBooleanArgField(nonNullBooleanArg: $b) } }");

    [Fact]
    public void LocationDefaultAllowsNullableIntoNonNull() => RuleAssert.Valid<AllVariableUsagesAreAllowedRule>("query ($b: Boolean) { arguments { optionalNonNullBooleanArgField(optionalBooleanArg: $b) } }");

    [Fact]
    public void NullDefaultDoesNotAllowNullableIntoNonNull() => RuleAssert.Errors<AllVariableUsagesAreAllowedRule>(
        "query ($b: Boolean = null) { arguments { nonNullBooleanArgField(nonNullBooleanArg: $b) } }",
        "Variable \"$b\" of type \"Boolean\" used in position expecting type \"Boolean!\". @ 1:8 1:84");

    [Fact]
    public void UsageInAFragmentIsCheckedForTheOperation() => RuleAssert.Errors<AllVariableUsagesAreAllowedRule>(
        "query ($b: Boolean) { dog { ...F } } fragment F on Dog { name @include(if: $b) }",
        "Variable \"$b\" of type \"Boolean\" used in position expecting type \"Boolean!\". @ 1:8 1:76");

    [Fact]
    public void NullableVariableInANullableOneOfArgumentIsInvalid() => RuleAssert.Errors<AllVariableUsagesAreAllowedRule>(
        "query ($d: String) { arguments { nullableOneOfArgField(lookup: {dogName: $d}) } }",
        "Variable \"$d\" is of type \"String\" but must be non-nullable to be used for OneOf Input Object \"PetLookup\". @ 1:8 1:74");

    // Found by the random differential test: a wrong type and a nullable variable in a OneOf
    // field are two problems, and graphql-js reports both.
    [Fact]
    public void WrongTypeInAOneOfFieldIsReportedBesideNullability() => RuleAssert.Errors<AllVariableUsagesAreAllowedRule>(
        "query ($d: Int) { arguments { nullableOneOfArgField(lookup: {dogName: $d}) } }",
        "Variable \"$d\" of type \"Int\" used in position expecting type \"String\". @ 1:8 1:71",
        "Variable \"$d\" is of type \"Int\" but must be non-nullable to be used for OneOf Input Object \"PetLookup\". @ 1:8 1:71");
}
