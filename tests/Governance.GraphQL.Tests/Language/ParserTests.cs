using Governance.GraphQL.Errors;
using Governance.GraphQL.Execution;
using Governance.GraphQL.Language;

namespace Governance.GraphQL.Tests.Language;

public class ParserTests
{
    private static GraphQLError ParseError(string source, ParserOptions? options = null) =>
        Assert.Single(Assert.Throws<GraphQLException>(() => Parser.Parse(source, options)).Errors);

    [Fact]
    public void ShorthandQueryIsAnAnonymousQuery()
    {
        var operation = Assert.IsType<OperationDefinitionNode>(Assert.Single(Parser.Parse("{ a }").Definitions));
        Assert.Equal(OperationType.Query, operation.Operation);
        Assert.Null(operation.Name);
        Assert.Equal("a", Assert.IsType<FieldNode>(Assert.Single(operation.SelectionSet.Selections)).Name);
    }

    [Fact]
    public void OperationCarriesNameVariablesDirectivesAndSelections()
    {
        var document = Parser.Parse("mutation Vote($id: ID! = \"x\" @a, $list: [[Int]!]) @b { cast: vote(id: $id, weights: [1, 2.5], o: {k: ENUM, n: null, t: true}) @include(if: $f) { ok } }");
        var operation = Assert.IsType<OperationDefinitionNode>(Assert.Single(document.Definitions));
        Assert.Equal((OperationType.Mutation, "Vote"), (operation.Operation, operation.Name));
        Assert.Equal(2, operation.VariableDefinitions.Count);
        var id = operation.VariableDefinitions[0];
        Assert.Equal("id", id.Variable.Name);
        Assert.Equal("ID", Assert.IsType<NamedTypeNode>(Assert.IsType<NonNullTypeNode>(id.Type).Type).Name);
        Assert.Equal("x", Assert.IsType<StringValueNode>(id.DefaultValue).Value);
        Assert.Equal("a", Assert.Single(id.Directives).Name);
        var list = Assert.IsType<ListTypeNode>(operation.VariableDefinitions[1].Type);
        Assert.Equal("Int", list.NamedType.Name);
        var field = Assert.IsType<FieldNode>(Assert.Single(operation.SelectionSet.Selections));
        Assert.Equal(("cast", "vote", "cast"), (field.Alias, field.Name, field.ResponseKey));
        Assert.IsType<VariableNode>(field.Arguments[0].Value);
        var weights = Assert.IsType<ListValueNode>(field.Arguments[1].Value);
        Assert.IsType<IntValueNode>(weights.Values[0]);
        Assert.IsType<FloatValueNode>(weights.Values[1]);
        var obj = Assert.IsType<ObjectValueNode>(field.Arguments[2].Value);
        Assert.IsType<EnumValueNode>(obj.Fields[0].Value);
        Assert.IsType<NullValueNode>(obj.Fields[1].Value);
        Assert.True(Assert.IsType<BooleanValueNode>(obj.Fields[2].Value).Value);
        Assert.Equal("include", Assert.Single(field.Directives).Name);
    }

    [Fact]
    public void FragmentsSpreadsAndInlineFragmentsParse()
    {
        var document = Parser.Parse("{ ...F @d ... on T { a } ... @skip(if: true) { b } } fragment F on T { c }");
        var selections = ((OperationDefinitionNode)document.Definitions[0]).SelectionSet.Selections;
        Assert.Equal("F", Assert.IsType<FragmentSpreadNode>(selections[0]).Name);
        Assert.Equal("T", Assert.IsType<InlineFragmentNode>(selections[1]).TypeCondition!.Name);
        Assert.Null(Assert.IsType<InlineFragmentNode>(selections[2]).TypeCondition);
        var fragment = Assert.IsType<FragmentDefinitionNode>(document.Definitions[1]);
        Assert.Equal(("F", "T"), (fragment.Name, fragment.TypeCondition.Name));
    }

    [Fact]
    public void NodeLocationsSpanTheirTokens()
    {
        var document = Parser.Parse("query Q {\n  alias: field(a: 1)\n}");
        var field = (FieldNode)((OperationDefinitionNode)document.Definitions[0]).SelectionSet.Selections[0];
        Assert.Equal(new Location(12, 30, 2, 3), field.Location);
        Assert.Equal(new Location(0, 32, 1, 1), document.Definitions[0].Location);
    }

    [Fact]
    public void TypeSystemDefinitionsParseWithDescriptions()
    {
        const string sdl = """"
            "The schema"
            schema @a { query: Q mutation: M }
            "A date" scalar DateTime @specifiedBy(url: "https://example.com")
            """
            A node
            """
            interface Node { id: ID! }
            interface Named implements Node { id: ID! name: String }
            type Member implements Node & Named @key {
              "the id" id: ID!
              name(upper: Boolean = false @deprecated(reason: "no")): String @deprecated
            }
            union Result = | Member | Error
            enum Colour { RED "green" GREEN @deprecated }
            input Filter @oneOf { id: ID name: String = "x" }
            "Caches" directive @cache(ttl: Int!) repeatable on FIELD_DEFINITION | OBJECT
            extend schema @b
            extend type Member { karma: Int }
            extend union Result = Other
            extend enum Colour { BLUE }
            extend input Filter { other: Int }
            extend scalar DateTime @x
            extend interface Node @y
            """";
        var definitions = Parser.Parse(sdl).Definitions;
        var schema = Assert.IsType<SchemaDefinitionNode>(definitions[0]);
        Assert.Equal("The schema", schema.Description!.Value);
        Assert.Equal([OperationType.Query, OperationType.Mutation], schema.OperationTypes.Select(o => o.Operation));
        Assert.Equal("A date", Assert.IsType<ScalarTypeDefinitionNode>(definitions[1]).Description!.Value);
        var node = Assert.IsType<InterfaceTypeDefinitionNode>(definitions[2]);
        Assert.True(node.Description!.Block);
        Assert.Equal("Node", Assert.Single(Assert.IsType<InterfaceTypeDefinitionNode>(definitions[3]).Interfaces).Name);
        var member = Assert.IsType<ObjectTypeDefinitionNode>(definitions[4]);
        Assert.Equal(["Node", "Named"], member.Interfaces.Select(i => i.Name));
        Assert.Equal("the id", member.Fields[0].Description!.Value);
        var upper = Assert.Single(member.Fields[1].Arguments);
        Assert.False(Assert.IsType<BooleanValueNode>(upper.DefaultValue).Value);
        Assert.Equal("deprecated", Assert.Single(upper.Directives).Name);
        Assert.Equal(["Member", "Error"], Assert.IsType<UnionTypeDefinitionNode>(definitions[5]).Types.Select(t => t.Name));
        Assert.Equal(["RED", "GREEN"], Assert.IsType<EnumTypeDefinitionNode>(definitions[6]).Values.Select(v => v.Name));
        var filter = Assert.IsType<InputObjectTypeDefinitionNode>(definitions[7]);
        Assert.Equal("oneOf", Assert.Single(filter.Directives).Name);
        var cache = Assert.IsType<DirectiveDefinitionNode>(definitions[8]);
        Assert.True(cache.Repeatable);
        Assert.Equal(["FIELD_DEFINITION", "OBJECT"], cache.Locations);
        Assert.All(definitions.Skip(9), d => Assert.True(((TypeSystemDefinitionNode)d).IsExtension));
        Assert.Equal(16, definitions.Count);
    }

    [Theory]
    [InlineData("{", "Syntax Error: Expected Name, found <EOF>.", 1, 2)]
    [InlineData("{ a(b: ) }", "Syntax Error: Unexpected \")\".", 1, 8)]
    [InlineData("query { a } }", "Syntax Error: Unexpected \"}\".", 1, 13)]
    [InlineData("fragment on on T { a }", "Syntax Error: Unexpected Name \"on\".", 1, 10)]
    [InlineData("query Q($a: Int = $b) { a }", "Syntax Error: Unexpected variable \"$b\" in constant value.", 1, 19)]
    [InlineData("notAnOperation { a }", "Syntax Error: Unexpected Name \"notAnOperation\".", 1, 1)]
    [InlineData("\"desc\" { a }", "Syntax Error: Unexpected description, descriptions are not supported on shorthand queries.", 1, 1)]
    [InlineData("\"desc\" extend type T @d", "Syntax Error: Unexpected description, descriptions are supported only on type definitions.", 1, 1)]
    [InlineData("extend type Foo", "Syntax Error: Unexpected <EOF>.", 1, 16)]
    [InlineData("directive @a on NOWHERE", "Syntax Error: Unexpected Name \"NOWHERE\".", 1, 17)]
    [InlineData("enum E { true }", "Syntax Error: Name \"true\" is reserved and cannot be used for an enum value.", 1, 10)]
    [InlineData("", "Syntax Error: Unexpected <EOF>.", 1, 1)]
    public void SyntaxErrorsSayWhatWasExpectedAndWhere(string source, string message, int line, int column)
    {
        var error = ParseError(source);
        Assert.Equal(message, error.Message);
        Assert.Equal(new SourceLocation(line, column), Assert.Single(error.Locations!));
    }

    [Fact]
    public void OperationsFragmentsAndVariablesMayCarryDescriptions()
    {
        var document = Parser.Parse("\"Casts a vote\" mutation Cast(\"the proposal\" $id: ID!) { a } \"\"\"Shared\"\"\" fragment F on T { b }");
        var operation = Assert.IsType<OperationDefinitionNode>(document.Definitions[0]);
        Assert.Equal("Casts a vote", operation.Description!.Value);
        Assert.Equal(0, operation.Location.Start);
        Assert.Equal("the proposal", Assert.Single(operation.VariableDefinitions).Description!.Value);
        Assert.Equal("Shared", Assert.IsType<FragmentDefinitionNode>(document.Definitions[1]).Description!.Value);
    }

    [Fact]
    public void TooManyTokensAbortParsing()
    {
        var source = "{ " + string.Join(" ", Enumerable.Repeat("a", 20)) + " }";
        Assert.Equal("Syntax Error: Document contains more than 10 tokens. Parsing aborted.", ParseError(source, new ParserOptions { MaxTokens = 10 }).Message);
        Assert.NotNull(Parser.Parse(source, new ParserOptions { MaxTokens = 22 }));
    }

    [Fact]
    public void DefaultTokenLimitIsFifteenThousand()
    {
        var source = "{ " + string.Join(" ", Enumerable.Repeat("a", 15_000)) + " }";
        Assert.Contains("more than 15000 tokens", ParseError(source, new ParserOptions { MaxFields = int.MaxValue }).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DeepNestingIsRefusedBeforeTheStackOverflows()
    {
        var deep = string.Concat(Enumerable.Repeat("{ a ", 100_000)) + string.Concat(Enumerable.Repeat("}", 100_000));
        var error = ParseError(deep, new ParserOptions { MaxTokens = int.MaxValue, MaxFields = int.MaxValue });
        Assert.Equal("Syntax Error: Document nesting depth exceeds the maximum of 64. Parsing aborted.", error.Message);
        var deepList = "{ a(x: " + new string('[', 100) + new string(']', 100) + ") }";
        Assert.Contains("nesting depth", ParseError(deepList).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TooManyFieldsAbortParsing()
    {
        var source = "{ " + string.Join(" ", Enumerable.Range(0, 6).Select(i => "f" + i)) + " }";
        Assert.Equal("Syntax Error: Document contains more than 5 fields. Parsing aborted.", ParseError(source, new ParserOptions { MaxFields = 5 }).Message);
    }

    [Fact]
    public void TypeReferencesAndValuesParseOnTheirOwn()
    {
        Assert.Equal("[Int!]!", Printer.Print(Parser.ParseType("[ Int ! ] !")));
        Assert.Equal("{a: [1, \"b\"]}", Printer.Print(Parser.ParseValue("{ a: [1 \"b\"] }")));
    }
}
