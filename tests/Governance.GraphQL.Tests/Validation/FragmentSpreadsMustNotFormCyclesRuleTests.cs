using Governance.GraphQL.Validation.Rules;

namespace Governance.GraphQL.Tests.Validation;

/// <summary>
/// Fragment Spreads Must Not Form Cycles (#sec-Fragment-Spreads-Must-Not-Form-Cycles), alone. Expected messages and locations are graphql-js 16's
/// (NoFragmentCyclesRule) for the same document and schema unless a test says otherwise.
/// </summary>
public sealed class FragmentSpreadsMustNotFormCyclesRuleTests
{
    [Fact]
    public void SpreadingTheSameFragmentTwiceIsNotACycle() => RuleAssert.Valid<FragmentSpreadsMustNotFormCyclesRule>("{ dog { ...A } } fragment A on Dog { ...B ...B } fragment B on Dog { name }");

    [Fact]
    public void SelfSpreadIsACycle() => RuleAssert.Errors<FragmentSpreadsMustNotFormCyclesRule>(
        "{ dog { ...nameFragment } }\nfragment nameFragment on Dog { name ...nameFragment }",
        "Cannot spread fragment \"nameFragment\" within itself. @ 2:37");

    [Fact]
    public void TwoFragmentCycleNamesThePath() => RuleAssert.Errors<FragmentSpreadsMustNotFormCyclesRule>(
        "{ dog { ...nameFragment } }\nfragment nameFragment on Dog { name ...barkVolumeFragment }\nfragment barkVolumeFragment on Dog { barkVolume ...nameFragment }",
        "Cannot spread fragment \"nameFragment\" within itself via \"barkVolumeFragment\". @ 2:37 3:49");

    [Fact]
    public void CycleThroughNestedFieldsIsACycle() => RuleAssert.Errors<FragmentSpreadsMustNotFormCyclesRule>(
        "{ dog { ...dogFragment } }\nfragment dogFragment on Dog { name owner { ...ownerFragment } }\nfragment ownerFragment on Human { name pets { ...on Dog { ...dogFragment } } }",
        "Cannot spread fragment \"dogFragment\" within itself via \"ownerFragment\". @ 2:44 3:59");

    [Fact]
    public void CycleReachedThroughATailIsReportedOnce() => RuleAssert.Errors<FragmentSpreadsMustNotFormCyclesRule>(
        "{ dog { ...A } } fragment A on Dog { ...B } fragment B on Dog { ...C } fragment C on Dog { ...B }",
        "Cannot spread fragment \"B\" within itself via \"C\". @ 1:65 1:92");
}
