using Governance.GraphQL.Validation.Rules;

namespace Governance.GraphQL.Tests.Validation;

/// <summary>
/// Fragments On Composite Types (#sec-Fragments-On-Composite-Types), alone. Expected messages and locations are graphql-js 16's
/// (FragmentsOnCompositeTypesRule) for the same document and schema unless a test says otherwise.
/// </summary>
public sealed class FragmentsOnCompositeTypesRuleTests
{
    [Fact]
    public void ObjectInterfaceAndUnionConditionsAreValid() => RuleAssert.Valid<FragmentsOnCompositeTypesRule>("fragment fragOnObject on Dog { name } fragment fragOnInterface on Pet { name } fragment fragOnUnion on CatOrDog { __typename } { dog { ...fragOnObject ...fragOnInterface ...fragOnUnion } }");

    [Fact]
    public void FragmentOnAScalarIsInvalid() => RuleAssert.Errors<FragmentsOnCompositeTypesRule>(
        "fragment fragOnScalar on Boolean { somethingElse }\n{ dog { ...fragOnScalar } }",
        "Fragment \"fragOnScalar\" cannot condition on non composite type \"Boolean\". @ 1:26");

    [Fact]
    public void InlineFragmentOnAnEnumIsInvalid() => RuleAssert.Errors<FragmentsOnCompositeTypesRule>(
        "{ dog { ... on DogCommand { name } } }",
        "Fragment cannot condition on non composite type \"DogCommand\". @ 1:16");

    [Fact]
    public void FragmentOnAnInputObjectIsInvalid() => RuleAssert.Errors<FragmentsOnCompositeTypesRule>(
        "fragment F on FindDogInput { name }\n{ dog { ...F } }",
        "Fragment \"F\" cannot condition on non composite type \"FindDogInput\". @ 1:15");
}
