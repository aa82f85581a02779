using Governance.GraphQL.Language;

namespace Governance.GraphQL.Tests.Language;

public class BlockStringTests
{
    /// <summary>
    /// The spec's BlockStringValue, transcribed as literally as possible to serve as the slow
    /// reference the fast implementation is compared with.
    /// </summary>
    private static string ReferenceDedent(string raw)
    {
        var lines = raw.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n').ToList();
        int? common = null;
        foreach (var line in lines.Skip(1))
        {
            var indent = line.TakeWhile(c => c is ' ' or '\t').Count();
            if (indent < line.Length && (common is null || indent < common))
            {
                common = indent;
            }
        }

        if (common is not null)
        {
            for (var i = 1; i < lines.Count; i++)
            {
                lines[i] = lines[i].Length < common ? "" : lines[i][common.Value..];
            }
        }

        while (lines.Count > 0 && lines[0].All(c => c is ' ' or '\t'))
        {
            lines.RemoveAt(0);
        }

        while (lines.Count > 0 && lines[^1].All(c => c is ' ' or '\t'))
        {
            lines.RemoveAt(lines.Count - 1);
        }

        return string.Join('\n', lines);
    }

    private static string RandomText(Random random, string alphabet, int maxLength) =>
        RandomText(random, alphabet.Select(c => c.ToString()).ToArray(), maxLength);

    /// <summary>Random text from whole text elements, so a surrogate pair is never split.</summary>
    private static string RandomText(Random random, string[] alphabet, int maxLength) =>
        string.Concat(Enumerable.Range(0, random.Next(maxLength)).Select(_ => alphabet[random.Next(alphabet.Length)]));

    [Fact]
    public void DedentAgreesWithTheSpecReferenceOnRandomText()
    {
        var random = new Random(4);
        for (var i = 0; i < 2_000; i++)
        {
            var raw = RandomText(random, "ab \t\n\r", 30);
            Assert.Equal(ReferenceDedent(raw), BlockString.Dedent(raw));
        }
    }

    [Fact]
    public void PrintableStringsRoundTripThroughBlockStrings()
    {
        var random = new Random(7);
        var checkedCount = 0;
        for (var i = 0; i < 3_000; i++)
        {
            var value = RandomText(random, "ab \t\n\"\\", 25);
            if (!BlockString.IsPrintable(value))
            {
                continue;
            }

            checkedCount++;
            var printed = BlockString.Print(value);
            var token = new Lexer(printed).Next();
            Assert.Equal(TokenKind.BlockString, token.Kind);
            Assert.Equal(value, token.Value);
        }

        Assert.True(checkedCount > 300, $"only {checkedCount} printable samples");
    }

    [Fact]
    public void AnyStringRoundTripsThroughAQuotedString()
    {
        var random = new Random(11);
        for (var i = 0; i < 2_000; i++)
        {
            var value = RandomText(random, ["a", "b", " ", "\t", "\n", "\r", "\"", "\\", "/", "\u0001", "\u007F", "😀", "é"], 20);
            var token = new Lexer(Printer.PrintString(value)).Next();
            Assert.Equal(value, token.Value);
        }
    }

    [Fact]
    public void LongSingleLinesPrintOnTheirOwnLine() =>
        Assert.Equal("\"\"\"\n" + new string('x', 71) + "\n\"\"\"", BlockString.Print(new string('x', 71)));

    [Fact]
    public void ShortSingleLinesStayInline() => Assert.Equal("\"\"\"Hello\"\"\"", BlockString.Print("Hello"));
}
