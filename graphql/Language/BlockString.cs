using System.Text;

namespace Governance.GraphQL.Language;

/// <summary>Block string rules both ways: the spec's dedent (BlockStringValue) and graphql-js's printBlockString.</summary>
public static class BlockString
{
    /// <summary>
    /// BlockStringValue(rawValue), #sec-String-Value.Static-Semantics: split into lines, strip the
    /// common indentation of every line but the first, drop leading and trailing blank lines.
    /// </summary>
    public static string Dedent(string raw)
    {
        var lines = SplitLines(raw);
        int? commonIndent = null;
        for (var i = 1; i < lines.Count; i++)
        {
            var indent = LeadingWhitespace(lines[i]);
            if (indent < lines[i].Length && (commonIndent is null || indent < commonIndent))
            {
                commonIndent = indent;
            }
        }

        if (commonIndent is { } common)
        {
            for (var i = 1; i < lines.Count; i++)
            {
                lines[i] = lines[i].Length >= common ? lines[i][common..] : string.Empty;
            }
        }

        var first = 0;
        while (first < lines.Count && LeadingWhitespace(lines[first]) == lines[first].Length)
        {
            first++;
        }

        var last = lines.Count - 1;
        while (last >= first && LeadingWhitespace(lines[last]) == lines[last].Length)
        {
            last--;
        }

        return first > last ? string.Empty : string.Join('\n', lines.GetRange(first, last - first + 1));
    }

    /// <summary>Whether a string survives a round trip through a block string (graphql-js isPrintableAsBlockString).</summary>
    public static bool IsPrintable(string value)
    {
        if (value.Length == 0)
        {
            return true;
        }

        var isEmptyLine = true;
        var hasIndent = false;
        var hasCommonIndent = true;
        var seenNonEmptyLine = false;
        foreach (var c in value)
        {
            switch (c)
            {
                case '\n':
                    if (isEmptyLine && !seenNonEmptyLine)
                    {
                        return false; // a leading new line would be dropped
                    }

                    seenNonEmptyLine = true;
                    isEmptyLine = true;
                    hasIndent = false;
                    break;
                case '\t':
                case ' ':
                    hasIndent |= isEmptyLine;
                    break;
                case '\r':
                    return false;
                case < ' ':
                    return false;
                default:
                    hasCommonIndent &= hasIndent;
                    isEmptyLine = false;
                    break;
            }
        }

        if (isEmptyLine)
        {
            return false; // trailing blank lines would be dropped
        }

        return !(hasCommonIndent && seenNonEmptyLine); // common indentation would be stripped
    }

    /// <summary>graphql-js printBlockString: escapes `"""` and adds new lines only where they help reading.</summary>
    public static string Print(string value)
    {
        var escaped = value.Replace("\"\"\"", "\\\"\"\"", StringComparison.Ordinal);
        var lines = SplitLines(escaped);
        var isSingleLine = lines.Count == 1;
        var forceLeadingNewLine = lines.Count > 1 && lines.Skip(1).All(l => l.Length == 0 || l[0] is ' ' or '\t');
        var hasTrailingTripleQuotes = escaped.EndsWith("\\\"\"\"", StringComparison.Ordinal);
        var hasTrailingQuote = value.EndsWith('"') && !hasTrailingTripleQuotes;
        var hasTrailingSlash = value.EndsWith('\\');
        var forceTrailingNewLine = hasTrailingQuote || hasTrailingSlash;
        var printAsMultipleLines = !isSingleLine || value.Length > 70 || forceTrailingNewLine || forceLeadingNewLine || hasTrailingTripleQuotes;
        var skipLeadingNewLine = isSingleLine && value.Length > 0 && value[0] is ' ' or '\t';
        var result = new StringBuilder("\"\"\"");
        if ((printAsMultipleLines && !skipLeadingNewLine) || forceLeadingNewLine)
        {
            result.Append('\n');
        }

        result.Append(escaped);
        if (printAsMultipleLines || forceTrailingNewLine)
        {
            result.Append('\n');
        }

        return result.Append("\"\"\"").ToString();
    }

    private static List<string> SplitLines(string text)
    {
        var lines = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n' || text[i] == '\r')
            {
                lines.Add(text[start..i]);
                if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                start = i + 1;
            }
        }

        lines.Add(text[start..]);
        return lines;
    }

    private static int LeadingWhitespace(string line)
    {
        var i = 0;
        while (i < line.Length && line[i] is ' ' or '\t')
        {
            i++;
        }

        return i;
    }
}
