using Governance.GraphQL.Language;
using Governance.GraphQL.Tests.Fixtures;
using Governance.GraphQL.Types;

namespace Governance.GraphQL.Tests.Types;

public class SchemaPrinterTests
{
    [Fact]
    public void PrintedSchemaMatchesGraphqlJsPrintSchema()
    {
        var schema = new SchemaBuilder()
            .AddTypeDefinitions("""
                "Root"
                type Query {
                  "Field doc"
                  a(
                    "arg doc"
                    x: Int = 1
                    y: [String!] = ["a"]
                  ): Int
                  b(e: E = ONE, old: Int @deprecated(reason: "gone")): String @deprecated
                }
                enum E { ONE "Two" TWO @deprecated(reason: "no") }
                input In @oneOf { a: Int b: String }
                scalar Url @specifiedBy(url: "https://url.spec.whatwg.org/")
                directive @cache(ttl: Int!) repeatable on FIELD_DEFINITION | OBJECT
                """)
            .AddScalar(new DelegateScalarType("Url", v => v, v => v, l => ((StringValueNode)l).Value))
            .Resolve("Query.a", _ => 1).Resolve("Query.b", _ => "")
            .Build();
        const string expected = """"
            directive @cache(ttl: Int!) repeatable on FIELD_DEFINITION | OBJECT

            """Root"""
            type Query {
              """Field doc"""
              a(
                """arg doc"""
                x: Int = 1
                y: [String!] = ["a"]
              ): Int
              b(e: E = ONE, old: Int @deprecated(reason: "gone")): String @deprecated
            }

            enum E {
              ONE

              """Two"""
              TWO @deprecated(reason: "no")
            }

            input In @oneOf {
              a: Int
              b: String
            }

            scalar Url @specifiedBy(url: "https://url.spec.whatwg.org/")
            """";
        Assert.Equal(expected, schema.Print());
    }

    [Fact]
    public void PrintedSchemaBuildsTheSameSchemaAgain()
    {
        var printed = TestSchema.Build().Print();
        var rebuilt = TestSchema.Builder(sdl: printed).Build().Print();
        Assert.Equal(printed, rebuilt);
        Assert.Contains("interface Named implements Node {", printed, StringComparison.Ordinal);
        Assert.Contains("  oldField: String @deprecated(reason: \"Use `now`.\")", printed, StringComparison.Ordinal);
        Assert.Contains("  WITHDRAWN @deprecated(reason: \"Closed covers it.\")", printed, StringComparison.Ordinal);
        Assert.Contains("input ProposalKey @oneOf {", printed, StringComparison.Ordinal);
        Assert.StartsWith("\"\"\"The assembly's read side.\"\"\"\ntype Query {", printed, StringComparison.Ordinal);
    }
}
