using Governance.GraphQL.Validation.Rules;

namespace Governance.GraphQL.Tests.Validation;

/// <summary>
/// Leaf Field Selections (#sec-Leaf-Field-Selections), alone. Expected messages and locations are graphql-js 16's
/// (ScalarLeafsRule) for the same document and schema unless a test says otherwise.
/// </summary>
public sealed class LeafFieldSelectionsRuleTests
{
    [Fact]
    public void ScalarsWithoutAndObjectsWithSelectionsAreValid() => RuleAssert.Valid<LeafFieldSelectionsRule>("{ dog { barkVolume owner { name } } }");

    [Fact]
    public void SelectionOnAScalarIsInvalid() => RuleAssert.Errors<LeafFieldSelectionsRule>(
        "{ dog { barkVolume { sinceWhen } } }",
        "Field \"barkVolume\" must not have a selection since type \"Int\" has no subfields. @ 1:20");

    [Fact]
    public void SelectionOnAnEnumIsInvalid() => RuleAssert.Errors<LeafFieldSelectionsRule>(
        "{ dog { favouriteCommand { x } } }",
        "Field \"favouriteCommand\" must not have a selection since type \"DogCommand\" has no subfields. @ 1:26");

    [Fact]
    public void ObjectWithoutSelectionIsInvalid() => RuleAssert.Errors<LeafFieldSelectionsRule>(
        "{ human }",
        "Field \"human\" of type \"Human\" must have a selection of subfields. Did you mean \"human { ... }\"? @ 1:3");

    [Fact]
    public void InterfaceAndUnionWithoutSelectionAreInvalid() => RuleAssert.Errors<LeafFieldSelectionsRule>(
        "{ pet catOrDog }",
        "Field \"pet\" of type \"Pet\" must have a selection of subfields. Did you mean \"pet { ... }\"? @ 1:3",
        "Field \"catOrDog\" of type \"CatOrDog\" must have a selection of subfields. Did you mean \"catOrDog { ... }\"? @ 1:7");

    [Fact]
    public void ListOfInterfacesWithoutSelectionIsInvalid() => RuleAssert.Errors<LeafFieldSelectionsRule>(
        "{ human { pets } }",
        "Field \"pets\" of type \"[Pet!]\" must have a selection of subfields. Did you mean \"pets { ... }\"? @ 1:11");
}
