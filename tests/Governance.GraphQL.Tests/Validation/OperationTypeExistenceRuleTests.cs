using Governance.GraphQL.Language;
using Governance.GraphQL.Validation;
using Governance.GraphQL.Types;
using Governance.GraphQL.Validation.Rules;

namespace Governance.GraphQL.Tests.Validation;

/// <summary>
/// Operation Type Existence (#sec-Operation-Type-Existence). graphql-js 16 has no such rule (it
/// fails at execution), so these expectations are ours.
/// </summary>
public sealed class OperationTypeExistenceRuleTests
{
    private static readonly Schema QueryOnly = TestSchemas.FromSdl("type Query { a: Int }");

    private static string[] Validate(string query) =>
        DocumentValidator.Validate(QueryOnly, Parser.Parse(query), null, [new OperationTypeExistenceRule()])
            .Select(RuleAssert.Describe)
            .ToArray();

    [Fact]
    public void QueryOnASchemaWithAQueryTypeIsValid() => Assert.Empty(Validate("{ a } query Q { a }"));

    [Fact]
    public void MutationWithoutAMutationTypeIsInvalid() =>
        Assert.Equal(["The schema does not support mutation operations. @ 1:1"], Validate("mutation M { a }"));

    [Fact]
    public void SubscriptionWithoutASubscriptionTypeIsInvalid() =>
        Assert.Equal(["The schema does not support subscription operations. @ 2:1"], Validate("query Q { a }\nsubscription S { a }"));

    [Fact]
    public void RootsNamedInASchemaDefinitionExist() =>
        RuleAssert.Valid<OperationTypeExistenceRule>("mutation { adoptDog(name: \"x\") { name } } subscription { newDog { name } }");
}
