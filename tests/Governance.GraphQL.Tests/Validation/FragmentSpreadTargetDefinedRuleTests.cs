using Governance.GraphQL.Validation.Rules;

namespace Governance.GraphQL.Tests.Validation;

/// <summary>
/// Fragment Spread Target Defined (#sec-Fragment-Spread-Target-Defined), alone. Expected messages and locations are graphql-js 16's
/// (KnownFragmentNamesRule) for the same document and schema unless a test says otherwise.
/// </summary>
public sealed class FragmentSpreadTargetDefinedRuleTests
{
    [Fact]
    public void DefinedFragmentsAreValid() => RuleAssert.Valid<FragmentSpreadTargetDefinedRule>("{ dog { ...nameFragment } } fragment nameFragment on Dog { name }");

    [Fact]
    public void UndefinedFragmentIsReportedAtItsName() => RuleAssert.Errors<FragmentSpreadTargetDefinedRule>(
        "{ dog { ...undefinedFragment } }",
        "Unknown fragment \"undefinedFragment\". @ 1:12");

    [Fact]
    public void UndefinedFragmentInsideAFragment() => RuleAssert.Errors<FragmentSpreadTargetDefinedRule>(
        "{ dog { ...A } }\nfragment A on Dog { ... on Dog { ...   Missing } }",
        "Unknown fragment \"Missing\". @ 2:40");
}
