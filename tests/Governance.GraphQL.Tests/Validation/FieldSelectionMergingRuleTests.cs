using Governance.GraphQL.Validation.Rules;

namespace Governance.GraphQL.Tests.Validation;

/// <summary>
/// Field Selection Merging (#sec-Field-Selection-Merging), alone. Expected messages and locations are graphql-js 16's
/// (OverlappingFieldsCanBeMergedRule) for the same document and schema unless a test says otherwise.
/// </summary>
public sealed class FieldSelectionMergingRuleTests
{
    [Fact]
    public void IdenticalFieldsMerge() => RuleAssert.Valid<FieldSelectionMergingRule>("fragment mergeIdenticalFields on Dog { name name }\n{ dog { ...mergeIdenticalFields } }");

    [Fact]
    public void IdenticalAliasesAndArgumentsMerge() => RuleAssert.Valid<FieldSelectionMergingRule>("{ dog { otherName: name otherName: name doesKnowCommand(dogCommand: SIT) doesKnowCommand(dogCommand: SIT) } }");

    [Fact]
    public void DifferentFieldsUnderOneAliasConflict() => RuleAssert.Errors<FieldSelectionMergingRule>(
        "{ dog { name: nickname name } }",
        "Fields \"name\" conflict because \"nickname\" and \"name\" are different fields. Use different aliases on the fields to fetch both if this was intentional. @ 1:9 1:24");

    [Fact]
    public void DifferentArgumentsConflict() => RuleAssert.Errors<FieldSelectionMergingRule>(
        "{ dog { doesKnowCommand(dogCommand: SIT) doesKnowCommand(dogCommand: HEEL) } }",
        "Fields \"doesKnowCommand\" conflict because they have differing arguments. Use different aliases on the fields to fetch both if this was intentional. @ 1:9 1:42");

    [Fact]
    public void ArgumentAgainstNoArgumentConflicts() => RuleAssert.Errors<FieldSelectionMergingRule>(
        "{ dog { isHouseTrained(atOtherHomes: true) isHouseTrained } }",
        "Fields \"isHouseTrained\" conflict because they have differing arguments. Use different aliases on the fields to fetch both if this was intentional. @ 1:9 1:44");

    [Fact]
    public void DifferentVariablesConflict() => RuleAssert.Errors<FieldSelectionMergingRule>(
        "query ($a: DogCommand!, $b: DogCommand!) { dog { doesKnowCommand(dogCommand: $a) doesKnowCommand(dogCommand: $b) } }",
        "Fields \"doesKnowCommand\" conflict because they have differing arguments. Use different aliases on the fields to fetch both if this was intentional. @ 1:50 1:82");

    [Fact]
    public void InputObjectFieldOrderDoesNotMatter() => RuleAssert.Valid<FieldSelectionMergingRule>("{ arguments { complexArgField(complexArg: {requiredField: true, intField: 1}) complexArgField(complexArg: {intField: 1, requiredField: true}) } }");

    [Fact]
    public void DisjointObjectTypesMayAliasDifferentFieldsOfOneShape() => RuleAssert.Valid<FieldSelectionMergingRule>("{ catOrDog { ... on Dog { volume: barkVolume } ... on Cat { volume: meowVolume } } }");

    [Fact]
    public void DisjointObjectTypesMustStillAgreeOnShape() => RuleAssert.Errors<FieldSelectionMergingRule>(
        "{ catOrDog { ... on Dog { someValue: nickname } ... on Cat { someValue: meowVolume } } }",
        "Fields \"someValue\" conflict because they return conflicting types \"String\" and \"Int\". Use different aliases on the fields to fetch both if this was intentional. @ 1:27 1:62");

    [Fact]
    public void NullabilityDifferenceConflictsOnDisjointTypes() => RuleAssert.Errors<FieldSelectionMergingRule>(
        "{ dogOrHuman { ... on Dog { n: nickname } ... on Human { n: name } } }",
        "Fields \"n\" conflict because they return conflicting types \"String\" and \"String!\". Use different aliases on the fields to fetch both if this was intentional. @ 1:29 1:58");

    [Fact]
    public void InterfaceParentsMayOverlapSoArgumentsMustAgree() => RuleAssert.Errors<FieldSelectionMergingRule>(
        "{ pet { ... on Dog { doesKnowCommand(dogCommand: SIT) } ... on Dog { doesKnowCommand(dogCommand: DOWN) } } }",
        "Fields \"doesKnowCommand\" conflict because they have differing arguments. Use different aliases on the fields to fetch both if this was intentional. @ 1:22 1:70");

    [Fact]
    public void ConflictInSubselectionsIsReportedAtBothPaths() => RuleAssert.Errors<FieldSelectionMergingRule>(
        "{ dog { owner { x: name } owner { x: iq } } }",
        "Fields \"owner\" conflict because subfields \"x\" conflict because \"name\" and \"iq\" are different fields. Use different aliases on the fields to fetch both if this was intentional. @ 1:9 1:17 1:27 1:35");

    [Fact]
    public void ConflictBetweenFragmentsIsFound() => RuleAssert.Errors<FieldSelectionMergingRule>(
        "{ dog { ...A ...B } }\nfragment A on Dog { x: name }\nfragment B on Dog { x: barkVolume }",
        "Fields \"x\" conflict because \"name\" and \"barkVolume\" are different fields. Use different aliases on the fields to fetch both if this was intentional. @ 2:21 3:21");

    [Fact]
    public void ConflictThroughNestedFragmentsIsFound() => RuleAssert.Errors<FieldSelectionMergingRule>(
        "{ dog { ...A } dog { ...C } }\nfragment A on Dog { ...B }\nfragment B on Dog { x: name }\nfragment C on Dog { x: nickname }",
        "Fields \"dog\" conflict because subfields \"x\" conflict because \"name\" and \"nickname\" are different fields. Use different aliases on the fields to fetch both if this was intentional. @ 1:3 3:21 1:16 4:21");

    [Fact]
    public void DirectivesDoNotPreventMerging() => RuleAssert.Valid<FieldSelectionMergingRule>("{ dog { name @include(if: true) name @skip(if: false) } }");
}
