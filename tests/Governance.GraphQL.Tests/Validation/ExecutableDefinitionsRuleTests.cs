using Governance.GraphQL.Validation.Rules;

namespace Governance.GraphQL.Tests.Validation;

/// <summary>
/// Executable Definitions (#sec-Executable-Definitions), alone. Expected messages and locations are graphql-js 16's
/// (ExecutableDefinitionsRule) for the same document and schema unless a test says otherwise.
/// </summary>
public sealed class ExecutableDefinitionsRuleTests
{
    [Fact]
    public void OperationsAndFragmentsAreExecutable() => RuleAssert.Valid<ExecutableDefinitionsRule>("query Q { dog { ...F } } fragment F on Dog { name }");

    [Fact]
    public void TypeDefinitionIsRejectedByName() => RuleAssert.Errors<ExecutableDefinitionsRule>(
        "{ dog { name } }\ntype Cow { name: String }",
        "The \"Cow\" definition is not executable. @ 2:1");

    [Fact]
    public void SchemaDefinitionAndExtensionAreRejected() => RuleAssert.Errors<ExecutableDefinitionsRule>(
        "{ dog { name } }\nschema { query: QueryRoot }\nextend schema @onQuery",
        "The schema definition is not executable. @ 2:1",
        "The schema definition is not executable. @ 3:1");

    [Fact]
    public void TypeExtensionIsRejected() => RuleAssert.Errors<ExecutableDefinitionsRule>(
        "extend type Dog { color: String }\n{ dog { name } }",
        "The \"Dog\" definition is not executable. @ 1:1");

    // Ours: graphql-js names a directive definition without its "@".
    [Fact]
    public void DirectiveDefinitionIsRejectedWithItsAtSign() => RuleAssert.Errors<ExecutableDefinitionsRule>(
        "directive @x on FIELD\n{ dog { name } }",
        "The \"@x\" definition is not executable. @ 1:1");
}
