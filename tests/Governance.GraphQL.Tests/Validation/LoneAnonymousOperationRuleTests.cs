using Governance.GraphQL.Validation.Rules;

namespace Governance.GraphQL.Tests.Validation;

/// <summary>
/// Lone Anonymous Operation (#sec-Lone-Anonymous-Operation), alone. Expected messages and locations are graphql-js 16's
/// (LoneAnonymousOperationRule) for the same document and schema unless a test says otherwise.
/// </summary>
public sealed class LoneAnonymousOperationRuleTests
{
    [Fact]
    public void OneAnonymousOperationIsValid() => RuleAssert.Valid<LoneAnonymousOperationRule>("{ dog { name } } fragment F on Dog { name }");

    [Fact]
    public void AnonymousOperationBesideANamedOneIsInvalid() => RuleAssert.Errors<LoneAnonymousOperationRule>(
        "{ dog { name } }\nquery getName { dog { owner { name } } }",
        "This anonymous operation must be the only defined operation. @ 1:1");

    [Fact]
    public void EachOfTwoAnonymousOperationsIsReported() => RuleAssert.Errors<LoneAnonymousOperationRule>(
        "{ dog { name } }\n{ cat { name } }",
        "This anonymous operation must be the only defined operation. @ 1:1",
        "This anonymous operation must be the only defined operation. @ 2:1");

    [Fact]
    public void AnonymousMutationBesideAQuery() => RuleAssert.Errors<LoneAnonymousOperationRule>(
        "mutation { adoptDog(name: \"x\") { name } } { dog { name } }",
        "This anonymous operation must be the only defined operation. @ 1:1",
        "This anonymous operation must be the only defined operation. @ 1:43");
}
