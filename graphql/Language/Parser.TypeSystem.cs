using Governance.GraphQL.Execution;

namespace Governance.GraphQL.Language;

public sealed partial class Parser
{
    private static readonly HashSet<string> DirectiveLocationNames =
    [
        "QUERY", "MUTATION", "SUBSCRIPTION", "FIELD", "FRAGMENT_DEFINITION", "FRAGMENT_SPREAD", "INLINE_FRAGMENT",
        "VARIABLE_DEFINITION", "SCHEMA", "SCALAR", "OBJECT", "FIELD_DEFINITION", "ARGUMENT_DEFINITION", "INTERFACE",
        "UNION", "ENUM", "ENUM_VALUE", "INPUT_OBJECT", "INPUT_FIELD_DEFINITION",

        // graphql-js 16.11+ lets @deprecated stand on directive definitions; clients compare against it.
        "DIRECTIVE_DEFINITION",
    ];

    /// <summary>Description :: StringValue</summary>
    private StringValueNode? ParseDescription() =>
        Peek(TokenKind.String) || Peek(TokenKind.BlockString) ? ParseStringLiteral() : null;

    /// <summary>
    /// TypeSystemDefinition :: SchemaDefinition | TypeDefinition | DirectiveDefinition
    /// The description, if any, is already read; <paramref name="start"/> is where it began.
    /// </summary>
    private TypeSystemDefinitionNode ParseTypeSystemDefinition(Token start, StringValueNode? description)
    {
        var keyword = _token.Value;
        Advance();
        switch (keyword)
        {
            case "schema":
                {
                    // SchemaDefinition :: Description? schema Directives[Const]? { RootOperationTypeDefinition+ }
                    var directives = ParseDirectives(isConst: true);
                    var operationTypes = Many(TokenKind.BraceLeft, ParseOperationTypeDefinition, TokenKind.BraceRight);
                    return new SchemaDefinitionNode { Description = description, Directives = directives, OperationTypes = operationTypes, Location = LocationFrom(start) };
                }

            case "directive":
                return ParseDirectiveDefinition(start, description);
            default:
                return ParseTypeDefinitionBody(keyword!, start, description, isExtension: false);
        }
    }

    /// <summary>
    /// TypeSystemExtension :: SchemaExtension | TypeExtension
    /// SchemaExtension :: extend schema Directives[Const]? { RootOperationTypeDefinition+ } | extend schema Directives[Const] [lookahead != {]
    /// </summary>
    private TypeSystemDefinitionNode ParseTypeSystemExtension()
    {
        var start = _token;
        ExpectKeyword("extend");
        var keyword = _token.Value;
        if (_token.Kind != TokenKind.Name || keyword is not ("schema" or "scalar" or "type" or "interface" or "union" or "enum" or "input"))
        {
            throw Unexpected(_token);
        }

        Advance();
        if (keyword == "schema")
        {
            var directives = ParseDirectives(isConst: true);
            var operationTypes = Peek(TokenKind.BraceLeft)
                ? Many(TokenKind.BraceLeft, ParseOperationTypeDefinition, TokenKind.BraceRight)
                : [];
            if (directives.Count == 0 && operationTypes.Count == 0)
            {
                throw Unexpected(_token);
            }

            return new SchemaDefinitionNode { IsExtension = true, Directives = directives, OperationTypes = operationTypes, Location = LocationFrom(start) };
        }

        var extension = ParseTypeDefinitionBody(keyword!, start, description: null, isExtension: true);

        // An extension must add something: `extend type Foo` alone is a syntax error.
        var addsNothing = extension.Directives.Count == 0 && extension switch
        {
            FieldsTypeDefinitionNode f => f.Interfaces.Count == 0 && f.Fields.Count == 0,
            UnionTypeDefinitionNode u => u.Types.Count == 0,
            EnumTypeDefinitionNode e => e.Values.Count == 0,
            InputObjectTypeDefinitionNode i => i.Fields.Count == 0,
            _ => true,
        };
        if (addsNothing)
        {
            throw Unexpected(_token);
        }

        return extension;
    }

    /// <summary>RootOperationTypeDefinition :: OperationType : NamedType</summary>
    private OperationTypeDefinitionNode ParseOperationTypeDefinition()
    {
        var start = _token;
        var operation = ParseOperationType();
        Expect(TokenKind.Colon);
        var type = ParseNamedType();
        return new OperationTypeDefinitionNode { Operation = operation, Type = type, Location = LocationFrom(start) };
    }

    /// <summary>
    /// The part after the keyword, shared by definitions and extensions:
    /// ScalarTypeDefinition :: Description? scalar Name Directives[Const]?
    /// ObjectTypeDefinition :: Description? type Name ImplementsInterfaces? Directives[Const]? FieldsDefinition?
    /// InterfaceTypeDefinition :: Description? interface Name ImplementsInterfaces? Directives[Const]? FieldsDefinition?
    /// UnionTypeDefinition :: Description? union Name Directives[Const]? UnionMemberTypes?
    /// EnumTypeDefinition :: Description? enum Name Directives[Const]? EnumValuesDefinition?
    /// InputObjectTypeDefinition :: Description? input Name Directives[Const]? InputFieldsDefinition?
    /// </summary>
    private TypeDefinitionNode ParseTypeDefinitionBody(string keyword, Token start, StringValueNode? description, bool isExtension)
    {
        var name = ParseName();
        switch (keyword)
        {
            case "scalar":
                {
                    var directives = ParseDirectives(isConst: true);
                    return new ScalarTypeDefinitionNode { IsExtension = isExtension, Description = description, Name = name, Directives = directives, Location = LocationFrom(start) };
                }

            case "type":
            case "interface":
                {
                    var interfaces = ParseImplementsInterfaces();
                    var directives = ParseDirectives(isConst: true);
                    var fields = ParseFieldsDefinition();
                    return keyword == "type"
                        ? new ObjectTypeDefinitionNode { IsExtension = isExtension, Description = description, Name = name, Interfaces = interfaces, Directives = directives, Fields = fields, Location = LocationFrom(start) }
                        : new InterfaceTypeDefinitionNode { IsExtension = isExtension, Description = description, Name = name, Interfaces = interfaces, Directives = directives, Fields = fields, Location = LocationFrom(start) };
                }

            case "union":
                {
                    var directives = ParseDirectives(isConst: true);
                    var types = ParseUnionMemberTypes();
                    return new UnionTypeDefinitionNode { IsExtension = isExtension, Description = description, Name = name, Directives = directives, Types = types, Location = LocationFrom(start) };
                }

            case "enum":
                {
                    var directives = ParseDirectives(isConst: true);
                    var values = Peek(TokenKind.BraceLeft) ? Many(TokenKind.BraceLeft, ParseEnumValueDefinition, TokenKind.BraceRight) : [];
                    return new EnumTypeDefinitionNode { IsExtension = isExtension, Description = description, Name = name, Directives = directives, Values = values, Location = LocationFrom(start) };
                }

            default:
                {
                    var directives = ParseDirectives(isConst: true);
                    var fields = Peek(TokenKind.BraceLeft) ? Many(TokenKind.BraceLeft, ParseInputValueDefinition, TokenKind.BraceRight) : [];
                    return new InputObjectTypeDefinitionNode { IsExtension = isExtension, Description = description, Name = name, Directives = directives, Fields = fields, Location = LocationFrom(start) };
                }
        }
    }

    /// <summary>ImplementsInterfaces :: ImplementsInterfaces &amp; NamedType | implements &amp;? NamedType</summary>
    private IReadOnlyList<NamedTypeNode> ParseImplementsInterfaces()
    {
        if (!SkipKeyword("implements"))
        {
            return [];
        }

        Skip(TokenKind.Ampersand);
        var interfaces = new List<NamedTypeNode> { ParseNamedType() };
        while (Skip(TokenKind.Ampersand))
        {
            interfaces.Add(ParseNamedType());
        }

        return interfaces;
    }

    /// <summary>FieldsDefinition :: { FieldDefinition+ }</summary>
    private IReadOnlyList<FieldDefinitionNode> ParseFieldsDefinition() =>
        Peek(TokenKind.BraceLeft) ? Many(TokenKind.BraceLeft, ParseFieldDefinition, TokenKind.BraceRight) : [];

    /// <summary>FieldDefinition :: Description? Name ArgumentsDefinition? : Type Directives[Const]?</summary>
    private FieldDefinitionNode ParseFieldDefinition()
    {
        var start = _token;
        var description = ParseDescription();
        var name = ParseName();
        var arguments = ParseArgumentsDefinition();
        Expect(TokenKind.Colon);
        var type = ParseTypeReference();
        var directives = ParseDirectives(isConst: true);
        return new FieldDefinitionNode { Description = description, Name = name, Arguments = arguments, Type = type, Directives = directives, Location = LocationFrom(start) };
    }

    /// <summary>ArgumentsDefinition :: ( InputValueDefinition+ )</summary>
    private IReadOnlyList<InputValueDefinitionNode> ParseArgumentsDefinition() =>
        Peek(TokenKind.ParenLeft) ? Many(TokenKind.ParenLeft, ParseInputValueDefinition, TokenKind.ParenRight) : [];

    /// <summary>InputValueDefinition :: Description? Name : Type DefaultValue? Directives[Const]?</summary>
    private InputValueDefinitionNode ParseInputValueDefinition()
    {
        var start = _token;
        var description = ParseDescription();
        var name = ParseName();
        Expect(TokenKind.Colon);
        var type = ParseTypeReference();
        var defaultValue = Skip(TokenKind.Equals) ? ParseValueLiteral(isConst: true) : null;
        var directives = ParseDirectives(isConst: true);
        return new InputValueDefinitionNode { Description = description, Name = name, Type = type, DefaultValue = defaultValue, Directives = directives, Location = LocationFrom(start) };
    }

    /// <summary>UnionMemberTypes :: UnionMemberTypes | NamedType | = |? NamedType</summary>
    private IReadOnlyList<NamedTypeNode> ParseUnionMemberTypes()
    {
        if (!Skip(TokenKind.Equals))
        {
            return [];
        }

        Skip(TokenKind.Pipe);
        var types = new List<NamedTypeNode> { ParseNamedType() };
        while (Skip(TokenKind.Pipe))
        {
            types.Add(ParseNamedType());
        }

        return types;
    }

    /// <summary>EnumValueDefinition :: Description? EnumValue Directives[Const]? — EnumValue :: Name but not true, false or null</summary>
    private EnumValueDefinitionNode ParseEnumValueDefinition()
    {
        var start = _token;
        var description = ParseDescription();
        if (_token.Value is "true" or "false" or "null")
        {
            throw Error(_token, $"{_token.Describe()} is reserved and cannot be used for an enum value.");
        }

        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        return new EnumValueDefinitionNode { Description = description, Name = name, Directives = directives, Location = LocationFrom(start) };
    }

    /// <summary>
    /// DirectiveDefinition :: Description? directive @ Name ArgumentsDefinition? repeatable? on DirectiveLocations
    /// DirectiveLocations :: DirectiveLocations | DirectiveLocation | `|`? DirectiveLocation
    /// </summary>
    private DirectiveDefinitionNode ParseDirectiveDefinition(Token start, StringValueNode? description)
    {
        Expect(TokenKind.At);
        var name = ParseName();
        var arguments = ParseArgumentsDefinition();
        var repeatable = SkipKeyword("repeatable");
        ExpectKeyword("on");
        Skip(TokenKind.Pipe);
        var locations = new List<string> { ParseDirectiveLocation() };
        while (Skip(TokenKind.Pipe))
        {
            locations.Add(ParseDirectiveLocation());
        }

        return new DirectiveDefinitionNode { Description = description, Name = name, Arguments = arguments, Repeatable = repeatable, Locations = locations, Location = LocationFrom(start) };
    }

    /// <summary>DirectiveLocation :: ExecutableDirectiveLocation | TypeSystemDirectiveLocation</summary>
    private string ParseDirectiveLocation()
    {
        var token = _token;
        var name = ParseName();
        return DirectiveLocationNames.Contains(name) ? name : throw Unexpected(token);
    }
}
