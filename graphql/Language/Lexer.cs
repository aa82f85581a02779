using System.Globalization;
using Governance.GraphQL.Errors;

namespace Governance.GraphQL.Language;

/// <summary>
/// Turns source text into tokens one at a time (#sec-Appendix-Grammar-Summary.Lexical-Tokens).
/// Ignored tokens (BOM, white space, line terminators, commas, comments) are skipped here, so the
/// parser only ever sees significant tokens. Strings are cooked in <c>Lexer.Strings.cs</c>.
/// </summary>
public sealed partial class Lexer
{
    private readonly string _source;
    private int _position;
    private int _line = 1;
    private int _lineStart;

    public Lexer(string source)
    {
        _source = source;
    }

    public string Source => _source;

    /// <summary>Reads the next significant token; at the end it keeps answering EndOfFile.</summary>
    public Token Next()
    {
        SkipIgnored();
        var start = _position;
        var line = _line;
        var column = start - _lineStart + 1;
        if (start >= _source.Length)
        {
            return new Token(TokenKind.EndOfFile, start, start, line, column, null);
        }

        var c = _source[start];
        switch (c)
        {
            case '!': return Punctuator(TokenKind.Bang);
            case '$': return Punctuator(TokenKind.Dollar);
            case '&': return Punctuator(TokenKind.Ampersand);
            case '(': return Punctuator(TokenKind.ParenLeft);
            case ')': return Punctuator(TokenKind.ParenRight);
            case ':': return Punctuator(TokenKind.Colon);
            case '=': return Punctuator(TokenKind.Equals);
            case '@': return Punctuator(TokenKind.At);
            case '[': return Punctuator(TokenKind.BracketLeft);
            case ']': return Punctuator(TokenKind.BracketRight);
            case '{': return Punctuator(TokenKind.BraceLeft);
            case '|': return Punctuator(TokenKind.Pipe);
            case '}': return Punctuator(TokenKind.BraceRight);
            case '.':
                if (At(start + 1) == '.' && At(start + 2) == '.')
                {
                    _position += 3;
                    return new Token(TokenKind.Spread, start, start + 3, line, column, null);
                }

                break;
            case '"':
                return At(start + 1) == '"' && At(start + 2) == '"' ? ReadBlockString(line, column) : ReadString(line, column);
        }

        if (IsNameStart(c))
        {
            var end = start + 1;
            while (end < _source.Length && IsNameContinue(_source[end]))
            {
                end++;
            }

            _position = end;
            return new Token(TokenKind.Name, start, end, line, column, _source[start..end]);
        }

        if (c == '-' || IsDigit(c))
        {
            return ReadNumber(line, column);
        }

        throw Error(start, c == '\'' ? "Unexpected single quote character ('), did you mean to use a double quote (\")?" : $"Unexpected character: {DescribeChar(start)}.");

        Token Punctuator(TokenKind kind)
        {
            _position++;
            return new Token(kind, start, start + 1, line, column, null);
        }
    }

    /// <summary>Ignored :: UnicodeBOM | WhiteSpace | LineTerminator | Comment | Comma</summary>
    private void SkipIgnored()
    {
        while (_position < _source.Length)
        {
            var c = _source[_position];
            switch (c)
            {
                case '\uFEFF':
                case ' ':
                case '\t':
                case ',':
                    _position++;
                    break;
                case '\n':
                    _position++;
                    NewLine();
                    break;
                case '\r':
                    _position += At(_position + 1) == '\n' ? 2 : 1;
                    NewLine();
                    break;
                case '#':
                    // Comment :: # CommentChar* — runs to the end of the line.
                    while (_position < _source.Length && _source[_position] is not ('\n' or '\r'))
                    {
                        _position++;
                    }

                    break;
                default:
                    return;
            }
        }
    }

    private void NewLine()
    {
        _line++;
        _lineStart = _position;
    }

    /// <summary>
    /// IntValue :: IntegerPart [lookahead != {Digit, `.`, NameStart}]
    /// FloatValue :: IntegerPart FractionalPart ExponentPart | IntegerPart FractionalPart | IntegerPart ExponentPart
    /// </summary>
    private Token ReadNumber(int line, int column)
    {
        var start = _position;
        var p = start;
        var isFloat = false;
        if (At(p) == '-')
        {
            p++;
        }

        if (At(p) == '0')
        {
            p++;
            if (IsDigit(At(p)))
            {
                throw Error(p, $"Invalid number, unexpected digit after 0: {DescribeChar(p)}.");
            }
        }
        else
        {
            p = ReadDigits(p);
        }

        if (At(p) == '.')
        {
            isFloat = true;
            p = ReadDigits(p + 1);
        }

        if (At(p) is 'e' or 'E')
        {
            isFloat = true;
            p++;
            if (At(p) is '+' or '-')
            {
                p++;
            }

            p = ReadDigits(p);
        }

        // Numbers must be separated from a following name or dot (`1.2.3`, `0xF`, `1e`).
        if (At(p) == '.' || IsNameStart(At(p)))
        {
            throw Error(p, $"Invalid number, expected digit but got: {DescribeChar(p)}.");
        }

        _position = p;
        return new Token(isFloat ? TokenKind.Float : TokenKind.Int, start, p, line, column, _source[start..p]);
    }

    private int ReadDigits(int p)
    {
        if (!IsDigit(At(p)))
        {
            throw Error(p, $"Invalid number, expected digit but got: {DescribeChar(p)}.");
        }

        while (IsDigit(At(p)))
        {
            p++;
        }

        return p;
    }

    private char At(int index) => index < _source.Length ? _source[index] : '\0';

    private static bool IsDigit(char c) => c is >= '0' and <= '9';

    private static bool IsNameStart(char c) => c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or '_';

    private static bool IsNameContinue(char c) => IsNameStart(c) || IsDigit(c);

    /// <summary>Names a character the way graphql-js's printCodePointAt does: printable ASCII quoted, else U+XXXX.</summary>
    private string DescribeChar(int index)
    {
        if (index >= _source.Length)
        {
            return "<EOF>";
        }

        var code = char.IsSurrogatePair(_source, index) ? char.ConvertToUtf32(_source, index) : _source[index];
        if (code == '"')
        {
            return "'\"'";
        }

        return code is >= 0x20 and <= 0x7E
            ? $"\"{(char)code}\""
            : "U+" + code.ToString("X4", CultureInfo.InvariantCulture);
    }

    /// <summary>A syntax error at an offset, with the line and column it falls on.</summary>
    private GraphQLException Error(int offset, string description)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < offset && i < _source.Length; i++)
        {
            var c = _source[i];
            if (c == '\n' || (c == '\r' && At(i + 1) != '\n'))
            {
                line++;
                lineStart = i + 1;
            }
        }

        return new GraphQLException(GraphQLErrors.Syntax(description, new SourceLocation(line, offset - lineStart + 1)));
    }
}
