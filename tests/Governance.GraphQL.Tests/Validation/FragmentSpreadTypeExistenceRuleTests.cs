using Governance.GraphQL.Validation.Rules;

namespace Governance.GraphQL.Tests.Validation;

/// <summary>
/// Fragment Spread Type Existence (#sec-Fragment-Spread-Type-Existence), alone. Expected messages and locations are graphql-js 16's
/// (KnownTypeNamesRule) for the same document and schema unless a test says otherwise.
/// </summary>
public sealed class FragmentSpreadTypeExistenceRuleTests
{
    [Fact]
    public void KnownTypeConditionsAreValid() => RuleAssert.Valid<FragmentSpreadTypeExistenceRule>("fragment correctType on Dog { name } fragment inlineFragment on Dog { ... on Dog { name } } fragment inlineFragment2 on Dog { ... @include(if: true) { name } } { dog { ...correctType ...inlineFragment ...inlineFragment2 } }");

    [Fact]
    public void UnknownFragmentTypeIsNamed() => RuleAssert.Errors<FragmentSpreadTypeExistenceRule>(
        "fragment notOnExistingType on NotInSchema { name }\n{ dog { ...notOnExistingType } }",
        "Unknown type \"NotInSchema\". @ 1:31");

    [Fact]
    public void UnknownInlineFragmentTypeIsNamed() => RuleAssert.Errors<FragmentSpreadTypeExistenceRule>(
        "{ dog { ... on NotInSchema { name } } }",
        "Unknown type \"NotInSchema\". @ 1:16");
}
