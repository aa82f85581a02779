namespace Governance.GraphQL.Language;

public sealed partial class Parser
{
    /// <summary>
    /// Type :: NamedType | ListType | NonNullType
    /// ListType :: [ Type ]
    /// NonNullType :: NamedType ! | ListType !
    /// </summary>
    private TypeNode ParseTypeReference()
    {
        var start = _token;
        TypeNode type;
        if (Skip(TokenKind.BracketLeft))
        {
            Enter();
            var inner = ParseTypeReference();
            Expect(TokenKind.BracketRight);
            Leave();
            type = new ListTypeNode { Type = inner, Location = LocationFrom(start) };
        }
        else
        {
            type = ParseNamedType();
        }

        return Skip(TokenKind.Bang) ? new NonNullTypeNode { Type = type, Location = LocationFrom(start) } : type;
    }

    /// <summary>NamedType :: Name</summary>
    private NamedTypeNode ParseNamedType()
    {
        var start = _token;
        var name = ParseName();
        return new NamedTypeNode { Name = name, Location = LocationFrom(start) };
    }
}
