using Governance.GraphQL.Validation.Rules;

namespace Governance.GraphQL.Tests.Validation;

/// <summary>
/// Directives Are Defined (#sec-Directives-Are-Defined), alone. Expected messages and locations are graphql-js 16's
/// (KnownDirectivesRule) for the same document and schema unless a test says otherwise.
/// </summary>
public sealed class DirectivesAreDefinedRuleTests
{
    [Fact]
    public void DefinedDirectivesAreValid() => RuleAssert.Valid<DirectivesAreDefinedRule>("query Q @onQuery { dog @include(if: true) { name @cached(ttl: 1) @tag(name: \"a\") } }");

    [Fact]
    public void UnknownDirectiveIsNamed() => RuleAssert.Errors<DirectivesAreDefinedRule>(
        "{ dog { name @unknown } }",
        "Unknown directive \"@unknown\". @ 1:14");

    [Fact]
    public void EveryUnknownDirectiveIsReported() => RuleAssert.Errors<DirectivesAreDefinedRule>(
        "query Q @a { dog @b { ...F @c } } fragment F on Dog @d { name }",
        "Unknown directive \"@a\". @ 1:9",
        "Unknown directive \"@b\". @ 1:18",
        "Unknown directive \"@c\". @ 1:28",
        "Unknown directive \"@d\". @ 1:53");
}
