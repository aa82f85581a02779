using Governance.GraphQL.Validation.Rules;

namespace Governance.GraphQL.Tests.Validation;

/// <summary>
/// Fragment Name Uniqueness (#sec-Fragment-Name-Uniqueness), alone. Expected messages and locations are graphql-js 16's
/// (UniqueFragmentNamesRule) for the same document and schema unless a test says otherwise.
/// </summary>
public sealed class FragmentNameUniquenessRuleTests
{
    [Fact]
    public void DistinctFragmentNamesAreValid() => RuleAssert.Valid<FragmentNameUniquenessRule>("{ dog { ...A ...B } } fragment A on Dog { name } fragment B on Dog { nickname }");

    [Fact]
    public void RepeatedFragmentNamePointsAtBothNames() => RuleAssert.Errors<FragmentNameUniquenessRule>(
        "{ dog { ...fragmentOne } }\nfragment fragmentOne on Dog { name }\nfragment fragmentOne on Dog { owner { name } }",
        "There can be only one fragment named \"fragmentOne\". @ 2:10 3:10");

    [Fact]
    public void ThirdDefinitionIsReportedAgainstTheFirst() => RuleAssert.Errors<FragmentNameUniquenessRule>(
        "{ dog { ...F } } fragment F on Dog { name } fragment F on Dog { name } fragment F on Dog { name }",
        "There can be only one fragment named \"F\". @ 1:27 1:54",
        "There can be only one fragment named \"F\". @ 1:27 1:81");
}
