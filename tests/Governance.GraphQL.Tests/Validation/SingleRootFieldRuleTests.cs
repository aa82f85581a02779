using Governance.GraphQL.Validation.Rules;

namespace Governance.GraphQL.Tests.Validation;

/// <summary>
/// Single Root Field (#sec-Single-Root-Field), alone. Expected messages and locations are graphql-js 16's
/// (SingleFieldSubscriptionsRule) for the same document and schema unless a test says otherwise.
/// </summary>
public sealed class SingleRootFieldRuleTests
{
    [Fact]
    public void OneRootFieldIsValid() => RuleAssert.Valid<SingleRootFieldRule>("subscription sub { newDog { name } }");

    [Fact]
    public void OneRootFieldThroughFragmentsIsValid() => RuleAssert.Valid<SingleRootFieldRule>("subscription sub { ...newDogFields }\nfragment newDogFields on SubscriptionRoot { newDog { name } ... on SubscriptionRoot { newDog { nickname } } }");

    [Fact]
    public void TwoRootFieldsAreInvalidAndTheExtraOneIsLocated() => RuleAssert.Errors<SingleRootFieldRule>(
        "subscription sub { newDog { name } disallowedSecondRootField }",
        "Subscription \"sub\" must select only one top level field. @ 1:36");

    [Fact]
    public void TwoRootFieldsThroughAFragmentAreInvalid() => RuleAssert.Errors<SingleRootFieldRule>(
        "subscription sub { ...multipleSubscriptions }\nfragment multipleSubscriptions on SubscriptionRoot { newDog { name } disallowedSecondRootField }",
        "Subscription \"sub\" must select only one top level field. @ 2:70");

    [Fact]
    public void AliasesMakeTwoRootFields() => RuleAssert.Errors<SingleRootFieldRule>(
        "subscription { a: newDog { name } b: newDog { name } }",
        "Anonymous Subscription must select only one top level field. @ 1:35");

    [Fact]
    public void IntrospectionRootFieldIsInvalid() => RuleAssert.Errors<SingleRootFieldRule>(
        "subscription sub { __typename }",
        "Subscription \"sub\" must not select an introspection top level field. @ 1:20");

    [Fact]
    public void LiterallySkippedFieldDoesNotCount() => RuleAssert.Valid<SingleRootFieldRule>("subscription { newDog { name } disallowedSecondRootField @skip(if: true) }");
}
