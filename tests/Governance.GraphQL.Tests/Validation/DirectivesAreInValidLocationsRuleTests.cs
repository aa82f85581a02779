using Governance.GraphQL.Validation.Rules;

namespace Governance.GraphQL.Tests.Validation;

/// <summary>
/// Directives Are In Valid Locations (#sec-Directives-Are-In-Valid-Locations), alone. Expected messages and locations are graphql-js 16's
/// (KnownDirectivesRule) for the same document and schema unless a test says otherwise.
/// </summary>
public sealed class DirectivesAreInValidLocationsRuleTests
{
    [Fact]
    public void DirectivesInTheirLocationsAreValid() => RuleAssert.Valid<DirectivesAreInValidLocationsRule>("query Q ($v: Int @onVariable) @onQuery { dog { name @cached(ttl: $v) ...F @tag(name: \"s\") ... @tag(name: \"i\") { nickname } } } fragment F on Dog @onFragment { name } mutation M @onMutation { adoptDog(name: \"x\") { name } }");

    [Fact]
    public void QueryDirectiveOnAFieldIsInvalid() => RuleAssert.Errors<DirectivesAreInValidLocationsRule>(
        "{ dog { name @onQuery } }",
        "Directive \"@onQuery\" may not be used on FIELD. @ 1:14");

    [Fact]
    public void FieldDirectiveOnAnOperationIsInvalid() => RuleAssert.Errors<DirectivesAreInValidLocationsRule>(
        "query Q @cached { dog { name } }",
        "Directive \"@cached\" may not be used on QUERY. @ 1:9");

    [Fact]
    public void MutationDirectiveOnAQuery() => RuleAssert.Errors<DirectivesAreInValidLocationsRule>(
        "query Q @onMutation { dog { name } }",
        "Directive \"@onMutation\" may not be used on QUERY. @ 1:9");

    [Fact]
    public void TypeSystemDirectiveInAnExecutableDocument() => RuleAssert.Errors<DirectivesAreInValidLocationsRule>(
        "{ dog { name @deprecated } }",
        "Directive \"@deprecated\" may not be used on FIELD. @ 1:14");

    [Fact]
    public void VariableAndFragmentDefinitionLocations() => RuleAssert.Errors<DirectivesAreInValidLocationsRule>(
        "query Q ($v: Int @onQuery) { dog { ...F } } fragment F on Dog @onVariable { name }",
        "Directive \"@onQuery\" may not be used on VARIABLE_DEFINITION. @ 1:18",
        "Directive \"@onVariable\" may not be used on FRAGMENT_DEFINITION. @ 1:63");
}
