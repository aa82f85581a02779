using System.Runtime.CompilerServices;
using System.Text.Json;
using Governance.GraphQL.Errors;
using Governance.GraphQL.Language;

namespace Governance.GraphQL.Tests.Language;

/// <summary>
/// The parser and printer against graphql-js 16.15's own answers (GraphqlJs/expected-*, made by
/// GraphqlJs/generate.js): the same syntax error message and location for every invalid
/// document, and the same printed text for every valid one.
/// </summary>
public class GraphqlJsParityTests
{
    private static JsonElement Read(string name, [CallerFilePath] string path = "") =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(Path.GetDirectoryName(path)!, "GraphqlJs", name))).RootElement;

    [Fact]
    public void SyntaxErrorsMatchGraphqlJs()
    {
        var documents = Read("invalid-documents.json").EnumerateArray().Select(d => d.GetString()!).ToList();
        var expected = Read("expected-errors.json").EnumerateArray().ToList();
        Assert.Equal(documents.Count, expected.Count);
        for (var i = 0; i < documents.Count; i++)
        {
            var error = Record.Exception(() => Parser.Parse(documents[i])) as GraphQLException;
            if (expected[i].ValueKind == JsonValueKind.Null)
            {
                Assert.True(error is null, $"{documents[i]} should parse, got {error?.Message}");
                continue;
            }

            Assert.True(error is not null, $"{documents[i]} should not parse");
            var location = expected[i].GetProperty("locations")[0];
            Assert.Equal(
                (expected[i].GetProperty("message").GetString(), location.GetProperty("line").GetInt32(), location.GetProperty("column").GetInt32()),
                (error.Errors[0].Message, error.Errors[0].Locations![0].Line, error.Errors[0].Locations![0].Column));
        }
    }

    [Fact]
    public void PrintedDocumentsMatchGraphqlJs()
    {
        var documents = Read("printed-documents.json").EnumerateArray().Select(d => d.GetString()!).ToList();
        var expected = Read("expected-printed.json").EnumerateArray().Select(d => d.GetString()!).ToList();
        Assert.Equal(documents.Count, expected.Count);
        for (var i = 0; i < documents.Count; i++)
        {
            Assert.Equal(expected[i], Printer.Print(Parser.Parse(documents[i])));
        }
    }
}
