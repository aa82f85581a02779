using Governance.GraphQL.Validation.Rules;

namespace Governance.GraphQL.Tests.Validation;

/// <summary>
/// Variables Are Input Types (#sec-Variables-Are-Input-Types), alone. Expected messages and locations are graphql-js 16's
/// (VariablesAreInputTypesRule) for the same document and schema unless a test says otherwise.
/// </summary>
public sealed class VariablesAreInputTypesRuleTests
{
    [Fact]
    public void InputTypesAreValid() => RuleAssert.Valid<VariablesAreInputTypesRule>("query ($a: Boolean, $b: [Boolean!]!, $c: FindDogInput, $d: DogCommand, $e: Instant) { arguments { booleanArgField(booleanArg: $a) booleanListArgField(booleanListArg: $b) enumArgField(enumArg: $d) instantArgField(instantArg: $e) } findDog(searchBy: $c) { name } }");

    [Fact]
    public void ObjectTypeIsInvalid() => RuleAssert.Errors<VariablesAreInputTypesRule>(
        "query takesCat($cat: Cat) { dog { name } }",
        "Variable \"$cat\" cannot be non-input type \"Cat\". @ 1:22");

    [Fact]
    public void WrappedInterfaceAndUnionAreInvalid() => RuleAssert.Errors<VariablesAreInputTypesRule>(
        "query takesDogBang($dog: Dog!, $pets: [Pet], $cats: [CatOrDog!]!) { dog { name } }",
        "Variable \"$dog\" cannot be non-input type \"Dog!\". @ 1:26",
        "Variable \"$pets\" cannot be non-input type \"[Pet]\". @ 1:39",
        "Variable \"$cats\" cannot be non-input type \"[CatOrDog!]!\". @ 1:53");
}
