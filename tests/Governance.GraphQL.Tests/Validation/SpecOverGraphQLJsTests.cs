using Governance.GraphQL.Validation.Rules;

namespace Governance.GraphQL.Tests.Validation;

/// <summary>
/// Where the September 2025 spec and graphql-js 16 part ways, we follow the spec. These cases
/// are left out of the differential corpus because there the two engines must disagree.
/// </summary>
public sealed class SpecOverGraphQLJsTests
{
    // IsNonNullPosition: a OneOf field is a non-null position whatever the argument's own type.
    // graphql-js 16 only notices when the OneOf argument is nullable.
    [Fact]
    public void NullableVariableInANonNullOneOfArgumentIsInvalid() => RuleAssert.Errors<AllVariableUsagesAreAllowedRule>(
        "query ($d: String) { arguments { oneOfArgField(lookup: {dogName: $d}) } }",
        "Variable \"$d\" is of type \"String\" but must be non-nullable to be used for OneOf Input Object \"PetLookup\". @ 1:8 1:66");

    // A non-null default makes a nullable variable acceptable in a non-null position; graphql-js
    // refuses every nullable variable in a OneOf field.
    [Fact]
    public void NullableVariableWithANonNullDefaultMayFillAOneOfField() => RuleAssert.Valid<AllVariableUsagesAreAllowedRule>(
        "query ($d: String = \"Rex\") { arguments { nullableOneOfArgField(lookup: {dogName: $d}) } }");

    [Fact]
    public void NonNullVariableFillsAOneOfField() => RuleAssert.Valid<AllVariableUsagesAreAllowedRule>(
        "query ($d: String!) { arguments { oneOfArgField(lookup: {dogName: $d}) nullableOneOfArgField(lookup: {catName: $d}) } }");

    // SameResponseShape compares the fields' return types, meta-fields included: __typename
    // returns String!. graphql-js 16 looks fields up without the meta-fields and so skips them.
    [Fact]
    public void MetaFieldTakesPartInResponseShape() => RuleAssert.Errors<FieldSelectionMergingRule>(
        "{ dogOrHuman { ... on Dog { x: barkVolume } ... on Human { x: __typename } } }",
        "Fields \"x\" conflict because they return conflicting types \"Int\" and \"String!\". Use different aliases on the fields to fetch both if this was intentional. @ 1:29 1:60");
}
