using Governance.GraphQL.Language;

namespace Governance.GraphQL.Tests.Language;

public class PrinterTests
{
    [Fact]
    public void KitchenSinkQueryPrintsLikeGraphqlJs()
    {
        const string source = """"
            query queryName($foo: ComplexType, $site: Site = MOBILE) @onQuery {
              whoever123is: node(id: [123, 456]) {
                id ,
                ... on User @onInlineFragment {
                  field2 {
                    id ,
                    alias: field1(first:10, after:$foo,) @include(if: $foo) {
                      id,
                      ...frag @onFragmentSpread
                    }
                  }
                }
                ... @skip(unless: $foo) { id }
                ... { id }
              }
            }
            mutation likeStory @onMutation { like(story: 123) @onField { story { id @onField } } }
            fragment frag on Friend @onFragmentDefinition {
              foo(size: $size, bar: $b, obj: {key: "value", block: """
                  block string uses \"""
                  """})
            }
            { unnamed(truthy: true, falsy: false, nullish: null), query }
            """";
        const string expected = """"
            query queryName($foo: ComplexType, $site: Site = MOBILE) @onQuery {
              whoever123is: node(id: [123, 456]) {
                id
                ... on User @onInlineFragment {
                  field2 {
                    id
                    alias: field1(first: 10, after: $foo) @include(if: $foo) {
                      id
                      ...frag @onFragmentSpread
                    }
                  }
                }
                ... @skip(unless: $foo) {
                  id
                }
                ... {
                  id
                }
              }
            }

            mutation likeStory @onMutation {
              like(story: 123) @onField {
                story {
                  id @onField
                }
              }
            }

            fragment frag on Friend @onFragmentDefinition {
              foo(
                size: $size
                bar: $b
                obj: {key: "value", block: """
                block string uses \"""
                """}
              )
            }

            {
              unnamed(truthy: true, falsy: false, nullish: null)
              query
            }
            """";
        Assert.Equal(expected, Printer.Print(Parser.Parse(source)));
    }

    [Fact]
    public void LongArgumentListsBreakOntoLines()
    {
        var printed = Printer.Print(Parser.Parse("{ field(argumentNumberOne: \"aaaaaaaaaa\", argumentNumberTwo: \"bbbbbbbbbb\", three: 3) }"));
        Assert.Equal("{\n  field(\n    argumentNumberOne: \"aaaaaaaaaa\"\n    argumentNumberTwo: \"bbbbbbbbbb\"\n    three: 3\n  )\n}", printed);
    }

    [Fact]
    public void SdlPrintsCanonically()
    {
        const string source = """
            schema { query: Q }
            "Desc" type Foo implements Bar & Baz @d { one: Type "arg desc" two(argument: InputType!): Type three(a: Int = 1, b: [String] = ["x"]): Int @deprecated }
            union U @d = A | B
            enum E { A @deprecated(reason: "old") B }
            input I { a: Int = 1 }
            directive @x(a: Int) repeatable on FIELD | QUERY
            extend type Foo @e
            """;
        const string expected = """
            schema {
              query: Q
            }

            "Desc"
            type Foo implements Bar & Baz @d {
              one: Type
              "arg desc"
              two(argument: InputType!): Type
              three(a: Int = 1, b: [String] = ["x"]): Int @deprecated
            }

            union U @d = A | B

            enum E {
              A @deprecated(reason: "old")
              B
            }

            input I {
              a: Int = 1
            }

            directive @x(a: Int) repeatable on FIELD | QUERY

            extend type Foo @e
            """;
        Assert.Equal(expected, Printer.Print(Parser.Parse(source)));
    }

    [Fact]
    public void PrintingThenParsingGivesTheSameDocumentOnRandomQueries()
    {
        var random = new Random(42);
        for (var i = 0; i < 300; i++)
        {
            var source = RandomDocument(random);
            var once = Printer.Print(Parser.Parse(source));
            var twice = Printer.Print(Parser.Parse(once));
            Assert.Equal(once, twice);
        }
    }

    private static string RandomDocument(Random random)
    {
        string Name() => ((char)('a' + random.Next(5))).ToString() + random.Next(3);
        string Value(int depth) => random.Next(depth > 2 ? 7 : 9) switch
        {
            0 => random.Next(-100, 100).ToString(System.Globalization.CultureInfo.InvariantCulture),
            1 => "1.5e3",
            2 => Printer.PrintString(Name() + "\"\n\\é"),
            3 => "true",
            4 => "null",
            5 => "$" + Name(),
            6 => "ENUM_" + random.Next(3),
            7 => "[" + string.Join(" ", Enumerable.Range(0, random.Next(3)).Select(_ => Value(depth + 1))) + "]",
            _ => "{" + string.Join(",", Enumerable.Range(0, random.Next(3)).Select(_ => Name() + ":" + Value(depth + 1))) + "}",
        };
        string Args() => random.Next(2) == 0 ? "" : "(" + string.Join(", ", Enumerable.Range(0, 1 + random.Next(3)).Select(_ => Name() + ": " + Value(0))) + ")";
        string Directives() => random.Next(3) == 0 ? "@" + Name() + Args() : "";
        string Selections(int depth)
        {
            var items = Enumerable.Range(0, 1 + random.Next(3)).Select(_ => random.Next(depth > 2 ? 1 : 4) switch
            {
                0 => (random.Next(2) == 0 ? Name() + ": " : "") + Name() + Args() + Directives(),
                1 => Name() + Args() + " " + Selections(depth + 1),
                2 => "... on T" + Directives() + " " + Selections(depth + 1),
                _ => "...Frag" + Directives(),
            });
            return "{" + string.Join("\n", items) + "}";
        }

        return random.Next(2) == 0
            ? Selections(0)
            : $"query Q($v: [Int!]! = [1], $w: In) {Directives()} {Selections(0)} fragment Frag on T {Selections(1)}";
    }
}
