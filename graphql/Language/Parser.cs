using Governance.GraphQL.Errors;

namespace Governance.GraphQL.Language;

/// <summary>
/// A recursive-descent parser over <see cref="Lexer"/> with one token of look-ahead, split by
/// spec section: <c>Parser.Document.cs</c> (§2.2–2.8), <c>Parser.Values.cs</c> (§2.9–2.12),
/// <c>Parser.Types.cs</c> (§2.11 type references) and <c>Parser.TypeSystem.cs</c> (§3).
/// </summary>
public sealed partial class Parser
{
    private readonly Lexer _lexer;
    private readonly ParserOptions _options;
    private Token _token;
    private int _previousEnd;
    private int _tokenCount;
    private int _depth;
    private int _fieldCount;

    private Parser(string source, ParserOptions? options)
    {
        _lexer = new Lexer(source);
        _options = options ?? ParserOptions.Default;
        _token = new Token(TokenKind.StartOfFile, 0, 0, 1, 1, null);
        Advance();
    }

    /// <summary>Parses a whole document (executable or type system); throws <see cref="GraphQLException"/> on a syntax error.</summary>
    public static DocumentNode Parse(string source, ParserOptions? options = null) =>
        new Parser(source, options).ParseDocument();

    /// <summary>Parses a lone value, such as a default value in a tool: Value[Const].</summary>
    public static ValueNode ParseValue(string source, bool isConst = true)
    {
        var parser = new Parser(source, null);
        var value = parser.ParseValueLiteral(isConst);
        parser.Expect(TokenKind.EndOfFile);
        return value;
    }

    /// <summary>Parses a lone type reference such as <c>[Int!]!</c>.</summary>
    public static TypeNode ParseType(string source)
    {
        var parser = new Parser(source, null);
        var type = parser.ParseTypeReference();
        parser.Expect(TokenKind.EndOfFile);
        return type;
    }

    private Token Advance()
    {
        var previous = _token;
        _previousEnd = previous.End;
        _token = _lexer.Next();
        if (_token.Kind != TokenKind.EndOfFile && ++_tokenCount > _options.MaxTokens)
        {
            throw Error(_token, $"Document contains more than {_options.MaxTokens} tokens. Parsing aborted.");
        }

        return previous;
    }

    private bool Peek(TokenKind kind) => _token.Kind == kind;

    private bool PeekKeyword(string keyword) => _token.Kind == TokenKind.Name && _token.Value == keyword;

    /// <summary>Consumes a token of the kind, or fails with graphql-js's "Expected X, found Y."</summary>
    private Token Expect(TokenKind kind)
    {
        if (_token.Kind == kind)
        {
            return Advance();
        }

        throw Error(_token, $"Expected {Describe(kind)}, found {_token.Describe()}.");
    }

    private bool Skip(TokenKind kind)
    {
        if (_token.Kind != kind)
        {
            return false;
        }

        Advance();
        return true;
    }

    private void ExpectKeyword(string keyword)
    {
        if (!PeekKeyword(keyword))
        {
            throw Error(_token, $"Expected \"{keyword}\", found {_token.Describe()}.");
        }

        Advance();
    }

    private bool SkipKeyword(string keyword)
    {
        if (!PeekKeyword(keyword))
        {
            return false;
        }

        Advance();
        return true;
    }

    /// <summary>Name :: NameStart NameContinue*</summary>
    private string ParseName() => Expect(TokenKind.Name).Value!;

    /// <summary>Parses `open item+ close` (or `open item* close` when <paramref name="allowEmpty"/>).</summary>
    private List<T> Many<T>(TokenKind open, Func<T> item, TokenKind close, bool allowEmpty = false)
    {
        Expect(open);
        var items = new List<T>();
        if (allowEmpty && Skip(close))
        {
            return items;
        }

        do
        {
            items.Add(item());
        }
        while (!Skip(close));
        return items;
    }

    /// <summary>The location from a start token to the end of the last token consumed.</summary>
    private Location LocationFrom(Token start) => new(start.Start, _previousEnd, start.Line, start.Column);

    private void Enter()
    {
        if (++_depth > _options.MaxDepth)
        {
            throw Error(_token, $"Document nesting depth exceeds the maximum of {_options.MaxDepth}. Parsing aborted.");
        }
    }

    private void Leave() => _depth--;

    private GraphQLException Unexpected(Token token) => Error(token, $"Unexpected {token.Describe()}.");

    private static GraphQLException Error(Token at, string description) =>
        new(GraphQLErrors.Syntax(description, new SourceLocation(at.Line, at.Column)));

    private static string Describe(TokenKind kind) => kind switch
    {
        TokenKind.Name => "Name",
        TokenKind.String => "String",
        _ => $"\"{Token.Punctuator(kind)}\"",
    };
}
