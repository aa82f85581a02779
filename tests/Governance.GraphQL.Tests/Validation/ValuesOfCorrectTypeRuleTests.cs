using Governance.GraphQL.Validation.Rules;

namespace Governance.GraphQL.Tests.Validation;

/// <summary>
/// Values of Correct Type (#sec-Values-of-Correct-Type), alone. Expected messages and locations are graphql-js 16's
/// (ValuesOfCorrectTypeRule) for the same document and schema, except the wording for a
/// literal a scalar or enum refuses: graphql-js repeats its scalar's parseLiteral message, ours
/// always reads "Expected value of type "T", found v." (same locations).
/// </summary>
public sealed class ValuesOfCorrectTypeRuleTests
{
    [Fact]
    public void LiteralsOfTheRightTypeAreValid() => RuleAssert.Valid<ValuesOfCorrectTypeRule>("{ arguments { intArgField(intArg: 1) floatArgField(floatArg: 1) idArgField(idArg: 1) stringArgField(stringArg: \"s\") booleanArgField(booleanArg: null) enumArgField(enumArg: SIT) instantArgField(instantArg: {any: [1]}) booleanListArgField(booleanListArg: true) } }");

    [Fact]
    public void StringIntoIntIsInvalid() => RuleAssert.Errors<ValuesOfCorrectTypeRule>(
        "{ arguments { intArgField(intArg: \"3\") } }",
        "Expected value of type \"Int\", found \"3\". @ 1:35");

    [Fact]
    public void IntOutOfRangeIsInvalid() => RuleAssert.Errors<ValuesOfCorrectTypeRule>(
        "{ arguments { intArgField(intArg: 2147483648) } }",
        "Expected value of type \"Int\", found 2147483648. @ 1:35");

    [Fact]
    public void FloatIntoIntAndIdAreInvalid() => RuleAssert.Errors<ValuesOfCorrectTypeRule>(
        "{ arguments { intArgField(intArg: 1.0) idArgField(idArg: 1.5) } }",
        "Expected value of type \"Int\", found 1.0. @ 1:35",
        "Expected value of type \"ID\", found 1.5. @ 1:58");

    [Fact]
    public void StringEnumAndUnknownEnumValueAreInvalid() => RuleAssert.Errors<ValuesOfCorrectTypeRule>(
        "{ arguments { a: enumArgField(enumArg: \"SIT\") b: enumArgField(enumArg: JUGGLE) } }",
        "Expected value of type \"DogCommand\", found \"SIT\". @ 1:40",
        "Expected value of type \"DogCommand\", found JUGGLE. @ 1:72");

    [Fact]
    public void NullIntoNonNullIsInvalid() => RuleAssert.Errors<ValuesOfCorrectTypeRule>(
        "{ arguments { nonNullBooleanArgField(nonNullBooleanArg: null) } }",
        "Expected value of type \"Boolean!\", found null. @ 1:57");

    [Fact]
    public void BadListItemIsLocatedInTheList() => RuleAssert.Errors<ValuesOfCorrectTypeRule>(
        "{ arguments { booleanListArgField(booleanListArg: [true, 2, false]) } }",
        "Expected value of type \"Boolean\", found 2. @ 1:58");

    [Fact]
    public void ListWhereAScalarIsExpectedIsReportedOnce() => RuleAssert.Errors<ValuesOfCorrectTypeRule>(
        "{ arguments { intArgField(intArg: [1, \"x\"]) } }",
        "Expected value of type \"Int\", found [1, \"x\"]. @ 1:35");

    [Fact]
    public void ScalarWhereAnInputObjectIsExpected() => RuleAssert.Errors<ValuesOfCorrectTypeRule>(
        "{ findDog(searchBy: \"Rex\") { name } }",
        "Expected value of type \"FindDogInput\", found \"Rex\". @ 1:21");

    [Fact]
    public void OneOfNeedsExactlyOneField() => RuleAssert.Errors<ValuesOfCorrectTypeRule>(
        "{ arguments { a: oneOfArgField(lookup: {}) b: oneOfArgField(lookup: {dogName: \"a\", catName: \"b\"}) } }",
        "OneOf Input Object \"PetLookup\" must specify exactly one key. @ 1:40",
        "OneOf Input Object \"PetLookup\" must specify exactly one key. @ 1:69");

    [Fact]
    public void OneOfFieldMustNotBeNull() => RuleAssert.Errors<ValuesOfCorrectTypeRule>(
        "{ arguments { oneOfArgField(lookup: {dogName: null}) } }",
        "Field \"PetLookup.dogName\" must be non-null. @ 1:37");

    [Fact]
    public void VariableDefaultsAreChecked() => RuleAssert.Errors<ValuesOfCorrectTypeRule>(
        "query ($a: Int = \"one\", $b: Boolean! = null) { arguments { intArgField(intArg: $a) nonNullBooleanArgField(nonNullBooleanArg: $b) } }",
        "Expected value of type \"Int\", found \"one\". @ 1:18",
        "Expected value of type \"Boolean!\", found null. @ 1:40");
}
