using Governance.GraphQL.Validation.Rules;

namespace Governance.GraphQL.Tests.Validation;

/// <summary>
/// Operation Name Uniqueness (#sec-Operation-Name-Uniqueness), alone. Expected messages and locations are graphql-js 16's
/// (UniqueOperationNamesRule) for the same document and schema unless a test says otherwise.
/// </summary>
public sealed class OperationNameUniquenessRuleTests
{
    [Fact]
    public void DistinctNamesAreValid() => RuleAssert.Valid<OperationNameUniquenessRule>("query A { dog { name } } query B { cat { name } } { dog { name } }");

    [Fact]
    public void TwoQueriesOfOneNamePointAtBothNames() => RuleAssert.Errors<OperationNameUniquenessRule>(
        "query getName { dog { name } }\nquery getName { dog { owner { name } } }",
        "There can be only one operation named \"getName\". @ 1:7 2:7");

    [Fact]
    public void NameClashAcrossOperationTypes() => RuleAssert.Errors<OperationNameUniquenessRule>(
        "query dogOperation { dog { name } }\nmutation dogOperation { adoptDog(name: \"x\") { name } }",
        "There can be only one operation named \"dogOperation\". @ 1:7 2:10");

    [Fact]
    public void EveryRepeatIsReportedAgainstTheFirst() => RuleAssert.Errors<OperationNameUniquenessRule>(
        "query A { dog { name } } query A { cat { name } } query A { pet { name } }",
        "There can be only one operation named \"A\". @ 1:7 1:32",
        "There can be only one operation named \"A\". @ 1:7 1:57");
}
