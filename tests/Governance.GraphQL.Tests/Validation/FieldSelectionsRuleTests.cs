using Governance.GraphQL.Validation.Rules;

namespace Governance.GraphQL.Tests.Validation;

/// <summary>
/// Field Selections (#sec-Field-Selections), alone. Expected messages and locations are graphql-js 16's
/// (FieldsOnCorrectTypeRule) for the same document and schema unless a test says otherwise.
/// </summary>
public sealed class FieldSelectionsRuleTests
{
    [Fact]
    public void DefinedFieldsAndMetaFieldsAreValid() => RuleAssert.Valid<FieldSelectionsRule>("{ __typename __schema { queryType { name } } __type(name: \"Dog\") { name } dog { __typename name barkVolume } catOrDog { __typename } }");

    [Fact]
    public void UndefinedFieldIsNamedWithItsType() => RuleAssert.Errors<FieldSelectionsRule>(
        "fragment fieldNotDefined on Dog { meowVolume }\n{ dog { ...fieldNotDefined } }",
        "Cannot query field \"meowVolume\" on type \"Dog\". @ 1:35");

    [Fact]
    public void AliasedUndefinedFieldIsReportedAtTheAlias() => RuleAssert.Errors<FieldSelectionsRule>(
        "{ dog { kittens: meowVolume } }",
        "Cannot query field \"meowVolume\" on type \"Dog\". @ 1:9");

    [Fact]
    public void InterfaceOnlyOffersItsOwnFields() => RuleAssert.Errors<FieldSelectionsRule>(
        "{ pet { nickname } }",
        "Cannot query field \"nickname\" on type \"Pet\". @ 1:9");

    [Fact]
    public void UnionOffersOnlyTypename() => RuleAssert.Errors<FieldSelectionsRule>(
        "{ catOrDog { name } }",
        "Cannot query field \"name\" on type \"CatOrDog\". @ 1:14");

    [Fact]
    public void MetaFieldsOfTheSchemaExistOnlyOnTheQueryRoot() => RuleAssert.Errors<FieldSelectionsRule>(
        "{ dog { __schema { queryType { name } } } }",
        "Cannot query field \"__schema\" on type \"Dog\". @ 1:9");

    [Fact]
    public void QueryFieldOnMutationRoot() => RuleAssert.Errors<FieldSelectionsRule>(
        "mutation { dog { name } }",
        "Cannot query field \"dog\" on type \"MutationRoot\". @ 1:12");
}
