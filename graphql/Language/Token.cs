namespace Governance.GraphQL.Language;

/// <summary>The lexical tokens of #sec-Language.Source-Text.Lexical-Tokens (ignored tokens never surface).</summary>
public enum TokenKind
{
    StartOfFile,
    EndOfFile,
    Bang,
    Dollar,
    Ampersand,
    ParenLeft,
    ParenRight,
    Spread,
    Colon,
    Equals,
    At,
    BracketLeft,
    BracketRight,
    BraceLeft,
    Pipe,
    BraceRight,
    Name,
    Int,
    Float,
    String,
    BlockString,
}

/// <summary>
/// One token. <see cref="Value"/> holds the text of names and numbers and the cooked value of
/// strings (escapes resolved, block strings dedented); punctuators have none.
/// </summary>
public readonly record struct Token(TokenKind Kind, int Start, int End, int Line, int Column, string? Value)
{
    /// <summary>How graphql-js names a token in "Expected …, found …" messages.</summary>
    public string Describe() => Kind switch
    {
        TokenKind.EndOfFile => "<EOF>",
        TokenKind.Name => $"Name \"{Value}\"",
        TokenKind.Int => $"Int \"{Value}\"",
        TokenKind.Float => $"Float \"{Value}\"",
        TokenKind.String or TokenKind.BlockString => $"String \"{Value}\"",
        _ => $"\"{Punctuator(Kind)}\"",
    };

    public static string Punctuator(TokenKind kind) => kind switch
    {
        TokenKind.Bang => "!",
        TokenKind.Dollar => "$",
        TokenKind.Ampersand => "&",
        TokenKind.ParenLeft => "(",
        TokenKind.ParenRight => ")",
        TokenKind.Spread => "...",
        TokenKind.Colon => ":",
        TokenKind.Equals => "=",
        TokenKind.At => "@",
        TokenKind.BracketLeft => "[",
        TokenKind.BracketRight => "]",
        TokenKind.BraceLeft => "{",
        TokenKind.Pipe => "|",
        TokenKind.BraceRight => "}",
        TokenKind.EndOfFile => "<EOF>",
        _ => kind.ToString(),
    };
}
