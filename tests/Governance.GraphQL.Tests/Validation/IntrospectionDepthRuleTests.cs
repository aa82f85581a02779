using Governance.GraphQL.Validation.Rules;

namespace Governance.GraphQL.Tests.Validation;

/// <summary>
/// The introspection depth limit graphql-js 16 validates (MaxIntrospectionDepthRule); expected
/// locations are graphql-js's, the message is ours.
/// </summary>
public sealed class IntrospectionDepthRuleTests
{
    [Fact]
    public void TwoNestedListsAreAllowed() => RuleAssert.Valid<IntrospectionDepthRule>(
        "{ __schema { types { fields { type { fields { name } } } } } }");

    [Fact]
    public void ThreeNestedListsAreRefusedAtTheIntrospectionField() => RuleAssert.Errors<IntrospectionDepthRule>(
        "{ __type(name: \"Dog\") { fields { type { interfaces { possibleTypes { name } } } } } }",
        "Maximum introspection depth exceeded. @ 1:3");

    [Fact]
    public void DepthCountsThroughFragments() => RuleAssert.Errors<IntrospectionDepthRule>(
        "{ __schema { types { ...T } } }\nfragment T on __Type { fields { type { ...U } } }\nfragment U on __Type { interfaces { possibleTypes { name } } }",
        "Maximum introspection depth exceeded. @ 1:3");

    [Fact]
    public void FragmentCycleUnderIntrospectionIsRefusedNotLooped() => RuleAssert.Errors<IntrospectionDepthRule>(
        "{ __type(name: \"Dog\") { ...T } }\nfragment T on __Type { possibleTypes { ...T } }",
        "Maximum introspection depth exceeded. @ 1:3");
}
