using Governance.GraphQL.Validation.Rules;

namespace Governance.GraphQL.Tests.Validation;

/// <summary>
/// Directives Are Unique Per Location (#sec-Directives-Are-Unique-Per-Location), alone. Expected messages and locations are graphql-js 16's
/// (UniqueDirectivesPerLocationRule) for the same document and schema unless a test says otherwise.
/// </summary>
public sealed class DirectivesAreUniquePerLocationRuleTests
{
    [Fact]
    public void DifferentAndRepeatableDirectivesAreValid() => RuleAssert.Valid<DirectivesAreUniquePerLocationRule>("{ dog @cached { name @cached @tag(name: \"a\") @tag(name: \"b\") } }");

    [Fact]
    public void RepeatedDirectiveOnAFieldPointsAtBoth() => RuleAssert.Errors<DirectivesAreUniquePerLocationRule>(
        "{ dog { name @cached @cached } }",
        "The directive \"@cached\" can only be used once at this location. @ 1:14 1:22");

    [Fact]
    public void RepeatedSkipOnAFragmentSpread() => RuleAssert.Errors<DirectivesAreUniquePerLocationRule>(
        "{ dog { ...F @skip(if: true) @skip(if: false) } } fragment F on Dog { name }",
        "The directive \"@skip\" can only be used once at this location. @ 1:14 1:30");

    [Fact]
    public void EachRepeatIsReportedAgainstTheFirst() => RuleAssert.Errors<DirectivesAreUniquePerLocationRule>(
        "query Q @onQuery @onQuery @onQuery { dog { name } }",
        "The directive \"@onQuery\" can only be used once at this location. @ 1:9 1:18",
        "The directive \"@onQuery\" can only be used once at this location. @ 1:9 1:27");

    [Fact]
    public void UnknownDirectivesAreLeftToDirectivesAreDefined() => RuleAssert.Valid<DirectivesAreUniquePerLocationRule>("{ dog { name @unknown @unknown } }");
}
