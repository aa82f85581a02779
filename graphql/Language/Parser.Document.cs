using Governance.GraphQL.Execution;

namespace Governance.GraphQL.Language;

public sealed partial class Parser
{
    /// <summary>Document :: Definition+</summary>
    private DocumentNode ParseDocument()
    {
        var start = _token;
        var definitions = new List<DefinitionNode>();
        do
        {
            definitions.Add(ParseDefinition());
        }
        while (!Peek(TokenKind.EndOfFile));
        return new DocumentNode { Definitions = definitions, Location = LocationFrom(start), TokenCount = _tokenCount };
    }

    /// <summary>
    /// Definition :: ExecutableDefinition | TypeSystemDefinitionOrExtension
    /// The keyword decides. A description may start any definition but an extension or a
    /// shorthand query (the September 2025 edition added them to operations and fragments).
    /// </summary>
    private DefinitionNode ParseDefinition()
    {
        if (Peek(TokenKind.BraceLeft))
        {
            return ParseOperationDefinition(_token, null);
        }

        var start = _token;
        var description = ParseDescription();
        if (description is not null && Peek(TokenKind.BraceLeft))
        {
            throw Error(start, "Unexpected description, descriptions are not supported on shorthand queries.");
        }

        if (Peek(TokenKind.Name))
        {
            switch (_token.Value)
            {
                case "schema" or "scalar" or "type" or "interface" or "union" or "enum" or "input" or "directive":
                    return ParseTypeSystemDefinition(start, description);
                case "query" or "mutation" or "subscription":
                    return ParseOperationDefinition(start, description);
                case "fragment":
                    return ParseFragmentDefinition(start, description);
            }

            if (description is not null)
            {
                throw Error(start, "Unexpected description, descriptions are supported only on type definitions.");
            }

            if (_token.Value == "extend")
            {
                return ParseTypeSystemExtension();
            }
        }

        throw Unexpected(_token);
    }

    /// <summary>
    /// OperationDefinition :: Description? OperationType Name? VariablesDefinition? Directives? SelectionSet | SelectionSet
    /// </summary>
    private OperationDefinitionNode ParseOperationDefinition(Token start, StringValueNode? description)
    {
        if (Peek(TokenKind.BraceLeft))
        {
            var shorthand = ParseSelectionSet();
            return new OperationDefinitionNode { Operation = OperationType.Query, SelectionSet = shorthand, Location = LocationFrom(start) };
        }

        var operation = ParseOperationType();
        var nameToken = _token;
        var name = Peek(TokenKind.Name) ? ParseName() : null;
        var variables = ParseVariableDefinitions();
        var directives = ParseDirectives(isConst: false);
        var selectionSet = ParseSelectionSet();
        return new OperationDefinitionNode
        {
            Description = description,
            Operation = operation,
            Name = name,
            NameLocation = name is null ? default : TokenLocation(nameToken),
            VariableDefinitions = variables,
            Directives = directives,
            SelectionSet = selectionSet,
            Location = LocationFrom(start),
        };
    }

    /// <summary>OperationType :: one of query mutation subscription</summary>
    private OperationType ParseOperationType()
    {
        var token = Expect(TokenKind.Name);
        return token.Value switch
        {
            "query" => OperationType.Query,
            "mutation" => OperationType.Mutation,
            "subscription" => OperationType.Subscription,
            _ => throw Unexpected(token),
        };
    }

    /// <summary>VariablesDefinition :: ( VariableDefinition+ )</summary>
    private IReadOnlyList<VariableDefinitionNode> ParseVariableDefinitions() =>
        Peek(TokenKind.ParenLeft) ? Many(TokenKind.ParenLeft, ParseVariableDefinition, TokenKind.ParenRight) : [];

    /// <summary>VariableDefinition :: Description? Variable : Type DefaultValue? Directives[Const]?</summary>
    private VariableDefinitionNode ParseVariableDefinition()
    {
        var start = _token;
        var description = ParseDescription();
        var variable = ParseVariable();
        Expect(TokenKind.Colon);
        var type = ParseTypeReference();
        var defaultValue = Skip(TokenKind.Equals) ? ParseValueLiteral(isConst: true) : null;
        var directives = ParseDirectives(isConst: true);
        return new VariableDefinitionNode
        {
            Description = description,
            Variable = variable,
            Type = type,
            DefaultValue = defaultValue,
            Directives = directives,
            Location = LocationFrom(start),
        };
    }

    /// <summary>SelectionSet :: { Selection+ }</summary>
    private SelectionSetNode ParseSelectionSet()
    {
        var start = _token;
        Enter();
        var selections = Many(TokenKind.BraceLeft, ParseSelection, TokenKind.BraceRight);
        Leave();
        return new SelectionSetNode { Selections = selections, Location = LocationFrom(start) };
    }

    /// <summary>Selection :: Field | FragmentSpread | InlineFragment</summary>
    private SelectionNode ParseSelection() => Peek(TokenKind.Spread) ? ParseFragment() : ParseField();

    /// <summary>
    /// Field :: Alias? Name Arguments? Directives? SelectionSet?
    /// Alias :: Name :
    /// </summary>
    private FieldNode ParseField()
    {
        var start = _token;
        if (++_fieldCount > _options.MaxFields)
        {
            throw Error(_token, $"Document contains more than {_options.MaxFields} fields. Parsing aborted.");
        }

        var nameOrAlias = ParseName();
        string? alias = null;
        var name = nameOrAlias;
        if (Skip(TokenKind.Colon))
        {
            alias = nameOrAlias;
            name = ParseName();
        }

        var arguments = ParseArguments(isConst: false);
        var directives = ParseDirectives(isConst: false);
        var selectionSet = Peek(TokenKind.BraceLeft) ? ParseSelectionSet() : null;
        return new FieldNode
        {
            Alias = alias,
            Name = name,
            Arguments = arguments,
            Directives = directives,
            SelectionSet = selectionSet,
            Location = LocationFrom(start),
        };
    }

    /// <summary>
    /// FragmentSpread :: ... FragmentName Directives?
    /// InlineFragment :: ... TypeCondition? Directives? SelectionSet
    /// </summary>
    private SelectionNode ParseFragment()
    {
        var start = _token;
        Expect(TokenKind.Spread);
        var hasTypeCondition = SkipKeyword("on");
        if (!hasTypeCondition && Peek(TokenKind.Name))
        {
            var nameToken = _token;
            var name = ParseFragmentName();
            var spreadDirectives = ParseDirectives(isConst: false);
            return new FragmentSpreadNode { Name = name, NameLocation = TokenLocation(nameToken), Directives = spreadDirectives, Location = LocationFrom(start) };
        }

        var typeCondition = hasTypeCondition ? ParseNamedType() : null;
        var directives = ParseDirectives(isConst: false);
        var selectionSet = ParseSelectionSet();
        return new InlineFragmentNode
        {
            TypeCondition = typeCondition,
            Directives = directives,
            SelectionSet = selectionSet,
            Location = LocationFrom(start),
        };
    }

    /// <summary>
    /// FragmentDefinition :: Description? fragment FragmentName TypeCondition Directives? SelectionSet
    /// TypeCondition :: on NamedType
    /// </summary>
    private FragmentDefinitionNode ParseFragmentDefinition(Token start, StringValueNode? description)
    {
        ExpectKeyword("fragment");
        var nameToken = _token;
        var name = ParseFragmentName();
        ExpectKeyword("on");
        var typeCondition = ParseNamedType();
        var directives = ParseDirectives(isConst: false);
        var selectionSet = ParseSelectionSet();
        return new FragmentDefinitionNode
        {
            Description = description,
            Name = name,
            NameLocation = TokenLocation(nameToken),
            TypeCondition = typeCondition,
            Directives = directives,
            SelectionSet = selectionSet,
            Location = LocationFrom(start),
        };
    }

    /// <summary>FragmentName :: Name but not `on`</summary>
    private string ParseFragmentName()
    {
        if (PeekKeyword("on"))
        {
            throw Unexpected(_token);
        }

        return ParseName();
    }
}
