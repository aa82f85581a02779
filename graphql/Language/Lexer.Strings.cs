using System.Globalization;
using System.Text;

namespace Governance.GraphQL.Language;

public sealed partial class Lexer
{
    /// <summary>
    /// StringValue :: `"` StringCharacter* `"`
    /// StringCharacter :: SourceCharacter but not `"` or `\` or LineTerminator | `\u` EscapedUnicode | `\` EscapedCharacter
    /// </summary>
    private Token ReadString(int line, int column)
    {
        var start = _position;
        var p = start + 1;
        var chunkStart = p;
        StringBuilder? value = null;
        while (p < _source.Length)
        {
            var c = _source[p];
            if (c == '"')
            {
                _position = p + 1;
                var text = value is null ? _source[chunkStart..p] : value.Append(_source, chunkStart, p - chunkStart).ToString();
                return new Token(TokenKind.String, start, p + 1, line, column, text);
            }

            if (c == '\\')
            {
                value ??= new StringBuilder();
                value.Append(_source, chunkStart, p - chunkStart);
                p = ReadEscape(p, value);
                chunkStart = p;
                continue;
            }

            if (c is '\n' or '\r')
            {
                break;
            }

            p += CheckSourceCharacter(p, "String");
        }

        throw Error(p, "Unterminated string.");
    }

    /// <summary>
    /// EscapedCharacter :: one of `"` `\` `/` `b` `f` `n` `r` `t`
    /// EscapedUnicode :: `{` HexDigit+ `}` | HexDigit HexDigit HexDigit HexDigit
    /// A leading surrogate escape must be followed by a trailing one (#sec-String-Value.Static-Semantics).
    /// </summary>
    private int ReadEscape(int p, StringBuilder value)
    {
        var e = At(p + 1);
        switch (e)
        {
            case '"': value.Append('"'); return p + 2;
            case '\\': value.Append('\\'); return p + 2;
            case '/': value.Append('/'); return p + 2;
            case 'b': value.Append('\b'); return p + 2;
            case 'f': value.Append('\f'); return p + 2;
            case 'n': value.Append('\n'); return p + 2;
            case 'r': value.Append('\r'); return p + 2;
            case 't': value.Append('\t'); return p + 2;
            case 'u':
                break;
            default:
                throw Error(p, $"Invalid character escape sequence: \"{EscapeText(p, 2)}\".");
        }

        if (At(p + 2) == '{')
        {
            // \u{...}: graphql-js's readEscapedUnicodeVariableWidth, message included: at most
            // 12 characters, at least one digit, and a Unicode scalar value.
            var code = 0;
            var size = 3;
            while (size < 12)
            {
                var c = At(p + size++);
                if (c == '}')
                {
                    if (size < 5 || code is >= 0xD800 and <= 0xDFFF || code > 0x10FFFF)
                    {
                        break;
                    }

                    value.Append(char.ConvertFromUtf32(code));
                    return p + size;
                }

                if (!IsHex(c))
                {
                    break;
                }

                // 32-bit arithmetic like JavaScript's: too many digits turn it negative, and that ends it.
                code = (code << 4) | HexValue(c);
                if (code < 0)
                {
                    break;
                }
            }

            throw Error(p, $"Invalid Unicode escape sequence: \"{EscapeText(p, size)}\".");
        }

        var unit = ReadHex4(p + 2);
        if (unit < 0)
        {
            throw Error(p, $"Invalid Unicode escape sequence: \"{EscapeText(p, 6)}\".");
        }

        if (unit is >= 0xD800 and <= 0xDBFF)
        {
            // A leading surrogate only stands for a scalar value together with a trailing one.
            if (At(p + 6) == '\\' && At(p + 7) == 'u')
            {
                var trail = ReadHex4(p + 8);
                if (trail is >= 0xDC00 and <= 0xDFFF)
                {
                    value.Append((char)unit).Append((char)trail);
                    return p + 12;
                }
            }

            throw Error(p, $"Invalid Unicode escape sequence: \"{EscapeText(p, 6)}\".");
        }

        if (unit is >= 0xDC00 and <= 0xDFFF)
        {
            throw Error(p, $"Invalid Unicode escape sequence: \"{EscapeText(p, 6)}\".");
        }

        value.Append((char)unit);
        return p + 6;
    }

    /// <summary>
    /// BlockString :: `"""` BlockStringCharacter* `"""`
    /// BlockStringCharacter :: SourceCharacter but not `"""` or `\"""` | `\"""`
    /// </summary>
    private Token ReadBlockString(int line, int column)
    {
        var start = _position;
        var p = start + 3;
        var raw = new StringBuilder();
        var chunkStart = p;
        while (p < _source.Length)
        {
            var c = _source[p];
            if (c == '"' && At(p + 1) == '"' && At(p + 2) == '"')
            {
                raw.Append(_source, chunkStart, p - chunkStart);
                _position = p + 3;
                return new Token(TokenKind.BlockString, start, p + 3, line, column, BlockString.Dedent(raw.ToString()));
            }

            if (c == '\\' && At(p + 1) == '"' && At(p + 2) == '"' && At(p + 3) == '"')
            {
                raw.Append(_source, chunkStart, p - chunkStart).Append("\"\"\"");
                p += 4;
                chunkStart = p;
                continue;
            }

            if (c == '\n' || c == '\r')
            {
                // Line terminators inside a block string still advance line counting.
                p += c == '\r' && At(p + 1) == '\n' ? 2 : 1;
                _line++;
                _lineStart = p;
                continue;
            }

            p += CheckSourceCharacter(p, "String");
        }

        throw Error(p, "Unterminated string.");
    }

    /// <summary>
    /// SourceCharacter :: any Unicode scalar value — control characters included, as in
    /// graphql-js 16; only a surrogate that is not half of a pair is refused. Returns the UTF-16 width.
    /// </summary>
    private int CheckSourceCharacter(int p, string where)
    {
        var c = _source[p];
        if (char.IsHighSurrogate(c) && p + 1 < _source.Length && char.IsLowSurrogate(_source[p + 1]))
        {
            return 2;
        }

        if (char.IsSurrogate(c))
        {
            throw Error(p, $"Invalid character within {where}: {DescribeChar(p)}.");
        }

        return 1;
    }

    private int ReadHex4(int p)
    {
        var result = 0;
        for (var i = 0; i < 4; i++)
        {
            var c = At(p + i);
            if (!IsHex(c))
            {
                return -1;
            }

            result = (result * 16) + HexValue(c);
        }

        return result;
    }

    private string EscapeText(int p, int length) => _source.Substring(p, Math.Min(length, _source.Length - p));

    private static bool IsHex(char c) => c is (>= '0' and <= '9') or (>= 'a' and <= 'f') or (>= 'A' and <= 'F');

    private static int HexValue(char c) => int.Parse(c.ToString(), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
}
