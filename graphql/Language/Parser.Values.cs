namespace Governance.GraphQL.Language;

public sealed partial class Parser
{
    /// <summary>Arguments[Const] :: ( Argument[?Const]+ )</summary>
    private IReadOnlyList<ArgumentNode> ParseArguments(bool isConst) =>
        Peek(TokenKind.ParenLeft) ? Many(TokenKind.ParenLeft, () => ParseArgument(isConst), TokenKind.ParenRight) : [];

    /// <summary>Argument[Const] :: Name : Value[?Const]</summary>
    private ArgumentNode ParseArgument(bool isConst)
    {
        var start = _token;
        var name = ParseName();
        Expect(TokenKind.Colon);
        var value = ParseValueLiteral(isConst);
        return new ArgumentNode { Name = name, Value = value, Location = LocationFrom(start) };
    }

    /// <summary>
    /// Value[Const] :: [~Const] Variable | IntValue | FloatValue | StringValue | BooleanValue | NullValue | EnumValue | ListValue[?Const] | ObjectValue[?Const]
    /// </summary>
    private ValueNode ParseValueLiteral(bool isConst)
    {
        var token = _token;
        switch (token.Kind)
        {
            case TokenKind.BracketLeft:
                return ParseList(isConst);
            case TokenKind.BraceLeft:
                return ParseObject(isConst);
            case TokenKind.Int:
                Advance();
                return new IntValueNode { Value = token.Value!, Location = LocationFrom(token) };
            case TokenKind.Float:
                Advance();
                return new FloatValueNode { Value = token.Value!, Location = LocationFrom(token) };
            case TokenKind.String:
            case TokenKind.BlockString:
                return ParseStringLiteral();
            case TokenKind.Name:
                Advance();
                return token.Value switch
                {
                    "true" => new BooleanValueNode { Value = true, Location = LocationFrom(token) },
                    "false" => new BooleanValueNode { Value = false, Location = LocationFrom(token) },
                    "null" => new NullValueNode { Location = LocationFrom(token) },
                    _ => new EnumValueNode { Value = token.Value!, Location = LocationFrom(token) },
                };
            case TokenKind.Dollar:
                if (isConst)
                {
                    // graphql-js names the variable: `Unexpected variable "$x" in constant value.`
                    Advance();
                    var name = Peek(TokenKind.Name) ? _token.Value : null;
                    throw name is null ? Unexpected(token) : Error(token, $"Unexpected variable \"${name}\" in constant value.");
                }

                return ParseVariable();
            default:
                throw Unexpected(token);
        }
    }

    private StringValueNode ParseStringLiteral()
    {
        var token = Advance();
        return new StringValueNode { Value = token.Value!, Block = token.Kind == TokenKind.BlockString, Location = LocationFrom(token) };
    }

    /// <summary>ListValue[Const] :: [ ] | [ Value[?Const]+ ]</summary>
    private ListValueNode ParseList(bool isConst)
    {
        var start = _token;
        Enter();
        var values = Many(TokenKind.BracketLeft, () => ParseValueLiteral(isConst), TokenKind.BracketRight, allowEmpty: true);
        Leave();
        return new ListValueNode { Values = values, Location = LocationFrom(start) };
    }

    /// <summary>ObjectValue[Const] :: { } | { ObjectField[?Const]+ }</summary>
    private ObjectValueNode ParseObject(bool isConst)
    {
        var start = _token;
        Enter();
        var fields = Many(TokenKind.BraceLeft, () => ParseObjectField(isConst), TokenKind.BraceRight, allowEmpty: true);
        Leave();
        return new ObjectValueNode { Fields = fields, Location = LocationFrom(start) };
    }

    /// <summary>ObjectField[Const] :: Name : Value[?Const]</summary>
    private ObjectFieldNode ParseObjectField(bool isConst)
    {
        var start = _token;
        var name = ParseName();
        Expect(TokenKind.Colon);
        var value = ParseValueLiteral(isConst);
        return new ObjectFieldNode { Name = name, Value = value, Location = LocationFrom(start) };
    }

    /// <summary>Variable :: $ Name</summary>
    private VariableNode ParseVariable()
    {
        var start = _token;
        Expect(TokenKind.Dollar);
        var name = ParseName();
        return new VariableNode { Name = name, Location = LocationFrom(start) };
    }

    /// <summary>Directives[Const] :: Directive[?Const]+</summary>
    private IReadOnlyList<DirectiveNode> ParseDirectives(bool isConst)
    {
        if (!Peek(TokenKind.At))
        {
            return [];
        }

        var directives = new List<DirectiveNode>();
        while (Peek(TokenKind.At))
        {
            directives.Add(ParseDirective(isConst));
        }

        return directives;
    }

    /// <summary>Directive[Const] :: @ Name Arguments[?Const]?</summary>
    private DirectiveNode ParseDirective(bool isConst)
    {
        var start = _token;
        Expect(TokenKind.At);
        var name = ParseName();
        var arguments = ParseArguments(isConst);
        return new DirectiveNode { Name = name, Arguments = arguments, Location = LocationFrom(start) };
    }
}
