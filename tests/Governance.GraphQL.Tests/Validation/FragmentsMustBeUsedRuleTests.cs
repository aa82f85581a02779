using Governance.GraphQL.Validation.Rules;

namespace Governance.GraphQL.Tests.Validation;

/// <summary>
/// Fragments Must Be Used (#sec-Fragments-Must-Be-Used), alone. Expected messages and locations are graphql-js 16's
/// (NoUnusedFragmentsRule) for the same document and schema unless a test says otherwise.
/// </summary>
public sealed class FragmentsMustBeUsedRuleTests
{
    [Fact]
    public void FragmentsUsedByAnyOperationAreValid() => RuleAssert.Valid<FragmentsMustBeUsedRule>("query A { dog { ...F } } query B { cat { name } } fragment F on Dog { ...G } fragment G on Dog { name }");

    [Fact]
    public void UnusedFragmentIsReported() => RuleAssert.Errors<FragmentsMustBeUsedRule>(
        "fragment nameFragment on Dog { name }\n{ dog { name } }",
        "Fragment \"nameFragment\" is never used. @ 1:1");

    [Fact]
    public void FragmentsReachedOnlyFromUnusedOnesAreUnused() => RuleAssert.Errors<FragmentsMustBeUsedRule>(
        "{ dog { name } }\nfragment A on Dog { ...B }\nfragment B on Dog { name }",
        "Fragment \"A\" is never used. @ 2:1",
        "Fragment \"B\" is never used. @ 3:1");
}
