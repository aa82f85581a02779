using Governance.GraphQL.Errors;
using Governance.GraphQL.Language;

namespace Governance.GraphQL.Tests.Language;

public class LexerTests
{
    private static List<Token> Lex(string source)
    {
        var lexer = new Lexer(source);
        var tokens = new List<Token>();
        for (var token = lexer.Next(); token.Kind != TokenKind.EndOfFile; token = lexer.Next())
        {
            tokens.Add(token);
        }

        return tokens;
    }

    private static string LexString(string source) => Assert.Single(Lex(source)).Value!;

    private static GraphQLError LexError(string source) =>
        Assert.Single(Assert.Throws<GraphQLException>(() => Lex(source)).Errors);

    [Fact]
    public void EveryPunctuatorIsItsOwnToken()
    {
        var kinds = Lex("! $ & ( ) ... : = @ [ ] { | }").Select(t => t.Kind);
        Assert.Equal(
            [TokenKind.Bang, TokenKind.Dollar, TokenKind.Ampersand, TokenKind.ParenLeft, TokenKind.ParenRight, TokenKind.Spread,
             TokenKind.Colon, TokenKind.Equals, TokenKind.At, TokenKind.BracketLeft, TokenKind.BracketRight, TokenKind.BraceLeft,
             TokenKind.Pipe, TokenKind.BraceRight],
            kinds);
    }

    [Fact]
    public void BomWhitespaceCommasAndCommentsAreIgnored()
    {
        var tokens = Lex("\uFEFF  ,,\t# a comment { }\nfoo # trailing\r\nbar");
        Assert.Equal(["foo", "bar"], tokens.Select(t => t.Value));
    }

    [Theory]
    [InlineData("a\nb")]
    [InlineData("a\rb")]
    [InlineData("a\r\nb")]
    public void EachLineTerminatorStartsANewLine(string source)
    {
        var second = Lex(source)[1];
        Assert.Equal((2, 1), (second.Line, second.Column));
    }

    [Fact]
    public void ColumnsCountFromTheStartOfTheLine()
    {
        var tokens = Lex("{\n  hero {\n    name }\n}");
        var name = tokens.Single(t => t.Value == "name");
        Assert.Equal((3, 5, 15), (name.Line, name.Column, name.Start));
    }

    [Theory]
    [InlineData("0", TokenKind.Int)]
    [InlineData("-0", TokenKind.Int)]
    [InlineData("123", TokenKind.Int)]
    [InlineData("-42", TokenKind.Int)]
    [InlineData("1.5", TokenKind.Float)]
    [InlineData("-1.5e10", TokenKind.Float)]
    [InlineData("1E-3", TokenKind.Float)]
    [InlineData("2e+5", TokenKind.Float)]
    public void NumbersAreIntOrFloatByTheirShape(string source, TokenKind kind)
    {
        var token = Assert.Single(Lex(source));
        Assert.Equal((kind, source), (token.Kind, token.Value));
    }

    [Theory]
    [InlineData("01", "Syntax Error: Invalid number, unexpected digit after 0: \"1\".")]
    [InlineData("1.", "Syntax Error: Invalid number, expected digit but got: <EOF>.")]
    [InlineData("1.2.3", "Syntax Error: Invalid number, expected digit but got: \".\".")]
    [InlineData("0xF1", "Syntax Error: Invalid number, expected digit but got: \"x\".")]
    [InlineData("1e", "Syntax Error: Invalid number, expected digit but got: <EOF>.")]
    [InlineData("123abc", "Syntax Error: Invalid number, expected digit but got: \"a\".")]
    public void MalformedNumbersAreSyntaxErrors(string source, string message) =>
        Assert.Equal(message, LexError(source).Message);

    [Fact]
    public void StringEscapesAreResolved() =>
        Assert.Equal("q\" b\\ s/ \b\f\n\r\t A é", LexString("\"q\\\" b\\\\ s\\/ \\b\\f\\n\\r\\t \\u0041 \\u00e9\""));

    [Fact]
    public void SurrogatePairEscapesFormOneScalarValue() =>
        Assert.Equal("😀", LexString("\"\\uD83D\\uDE00\""));

    [Fact]
    public void BracedEscapesReachAllOfUnicode()
    {
        Assert.Equal("😀", LexString("\"\\u{1F600}\""));
        Assert.Equal("A", LexString("\"\\u{000041}\""));
    }

    [Theory]
    [InlineData("\"\\uD83D\"")]
    [InlineData("\"\\uDE00\"")]
    [InlineData("\"\\uD83Dx\"")]
    [InlineData("\"\\u{110000}\"")]
    [InlineData("\"\\u{D800}\"")]
    [InlineData("\"\\u{}\"")]
    [InlineData("\"\\uXYZW\"")]
    public void LoneSurrogatesAndOutOfRangeEscapesAreRejected(string source) =>
        Assert.StartsWith("Syntax Error: Invalid Unicode escape sequence", LexError(source).Message, StringComparison.Ordinal);

    [Fact]
    public void UnknownEscapeIsRejected() =>
        Assert.Equal("Syntax Error: Invalid character escape sequence: \"\\x\".", LexError("\"\\x\"").Message);

    [Fact]
    public void UnterminatedStringIsReportedWhereTheLineEnds()
    {
        var error = LexError("\"abc\nd\"");
        Assert.Equal("Syntax Error: Unterminated string.", error.Message);
        Assert.Equal(new SourceLocation(1, 5), Assert.Single(error.Locations!));
    }

    [Fact]
    public void LoneSurrogatesInsideStringsAreRejectedButControlCharactersAreNot()
    {
        Assert.Equal("Syntax Error: Invalid character within String: U+D800.", LexError("\"a\uD800\"").Message);
        Assert.Equal("a\u0007", LexString("\"a\u0007\""));
    }

    [Fact]
    public void BlockStringsAreDedentedAndTrimmed()
    {
        var value = LexString("\"\"\"\n    Hello,\n      World!\n\n    Yours,\n      GraphQL.\n  \"\"\"");
        Assert.Equal("Hello,\n  World!\n\nYours,\n  GraphQL.", value);
    }

    [Fact]
    public void BlockStringsKeepEscapesLiteralExceptTripleQuotes() =>
        Assert.Equal("a \\n \"\"\" b", LexString("\"\"\"a \\n \\\"\"\" b\"\"\""));

    [Fact]
    public void BlockStringsAdvanceTheLineCount()
    {
        var tokens = Lex("\"\"\"a\nb\nc\"\"\" name");
        Assert.Equal((3, 6), (tokens[1].Line, tokens[1].Column));
    }

    [Fact]
    public void UnexpectedCharacterNamesItsCodePoint()
    {
        var error = LexError("{ ? }");
        Assert.Equal("Syntax Error: Unexpected character: \"?\".", error.Message);
        Assert.Equal(new SourceLocation(1, 3), Assert.Single(error.Locations!));
    }
}
