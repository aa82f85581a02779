using Governance.GraphQL.Validation.Rules;

namespace Governance.GraphQL.Tests.Validation;

/// <summary>
/// Fragment Spread Is Possible (#sec-Fragment-Spread-Is-Possible), alone. Expected messages and locations are graphql-js 16's
/// (PossibleFragmentSpreadsRule) for the same document and schema unless a test says otherwise.
/// </summary>
public sealed class FragmentSpreadIsPossibleRuleTests
{
    [Fact]
    public void OverlappingTypesAreValid() => RuleAssert.Valid<FragmentSpreadIsPossibleRule>("{ dog { ... on Pet { name } ... on CatOrDog { __typename } } pet { ... on Dog { barkVolume } ... on CatOrDog { __typename } } catOrDog { ... on Pet { name } } }");

    [Fact]
    public void DisjointObjectTypesAreInvalid() => RuleAssert.Errors<FragmentSpreadIsPossibleRule>(
        "fragment catInDogFragmentInvalid on Dog { ... on Cat { meowVolume } }\n{ dog { ...catInDogFragmentInvalid } }",
        "Fragment cannot be spread here as objects of type \"Dog\" can never be of type \"Cat\". @ 1:43");

    [Fact]
    public void NamedFragmentOfADisjointTypeIsNamed() => RuleAssert.Errors<FragmentSpreadIsPossibleRule>(
        "fragment catFields on Cat { meowVolume }\n{ dog { ...catFields } }",
        "Fragment \"catFields\" cannot be spread here as objects of type \"Dog\" can never be of type \"Cat\". @ 2:9");

    [Fact]
    public void ObjectOutsideAnInterfaceIsInvalid() => RuleAssert.Errors<FragmentSpreadIsPossibleRule>(
        "{ pet { ... on Human { name } } }",
        "Fragment cannot be spread here as objects of type \"Pet\" can never be of type \"Human\". @ 1:9");

    [Fact]
    public void ObjectOutsideAUnionIsInvalid() => RuleAssert.Errors<FragmentSpreadIsPossibleRule>(
        "{ catOrDog { ... on Human { name } } }",
        "Fragment cannot be spread here as objects of type \"CatOrDog\" can never be of type \"Human\". @ 1:14");

    [Fact]
    public void DisjointInterfaceAndUnionAreInvalid() => RuleAssert.Errors<FragmentSpreadIsPossibleRule>(
        "{ humanOrAlien { ... on Pet { name } } }",
        "Fragment cannot be spread here as objects of type \"HumanOrAlien\" can never be of type \"Pet\". @ 1:18");

    [Fact]
    public void InterfaceImplementingInterfaceOverlaps() => RuleAssert.Valid<FragmentSpreadIsPossibleRule>("{ canine { ... on Mammal { mother { __typename } } ... on Dog { name } } }");
}
