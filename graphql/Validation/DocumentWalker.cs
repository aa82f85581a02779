using Governance.GraphQL.Execution;
using Governance.GraphQL.Language;

namespace Governance.GraphQL.Validation;

/// <summary>
/// Walks an executable document depth first, in source order, keeping <see cref="TypeInfo"/>
/// in step and calling every rule's hooks: one pass serves all rules (graphql-js's parallel
/// visitor). Type system definitions are not walked; Executable Definitions reports them.
/// </summary>
internal sealed class DocumentWalker
{
    private readonly ValidationContext _context;
    private readonly TypeInfo _typeInfo;
    private readonly ValidationRule[] _rules;

    // A rule that returned false on entering a node hears nothing until the walk leaves it.
    private readonly SyntaxNode?[] _suspendedAt;

    public DocumentWalker(ValidationContext context, TypeInfo typeInfo, ValidationRule[] rules)
    {
        _context = context;
        _typeInfo = typeInfo;
        _rules = rules;
        _suspendedAt = new SyntaxNode?[rules.Length];
    }

    public void WalkDocument(DocumentNode document)
    {
        foreach (var rule in _rules)
        {
            rule.EnterDocument(_context, document);
        }

        foreach (var definition in document.Definitions)
        {
            WalkDefinition(definition);
        }

        foreach (var rule in _rules)
        {
            rule.LeaveDocument(_context, document);
        }
    }

    /// <summary>Walks one operation or fragment definition (also used to find variable usages).</summary>
    public void WalkDefinition(DefinitionNode definition)
    {
        switch (definition)
        {
            case OperationDefinitionNode operation:
                WalkOperation(operation);
                break;
            case FragmentDefinitionNode fragment:
                WalkFragmentDefinition(fragment);
                break;
        }
    }

    private bool Active(int i) => _suspendedAt[i] is null;

    private void WalkOperation(OperationDefinitionNode node)
    {
        _typeInfo.EnterOperation(node);
        for (var i = 0; i < _rules.Length; i++)
        {
            if (Active(i))
            {
                _rules[i].EnterOperation(_context, node);
            }
        }

        foreach (var variable in node.VariableDefinitions)
        {
            WalkVariableDefinition(variable);
        }

        WalkDirectives(node.Directives, node.Operation switch
        {
            OperationType.Query => "QUERY",
            OperationType.Mutation => "MUTATION",
            _ => "SUBSCRIPTION",
        });
        WalkSelectionSet(node.SelectionSet, node);
        for (var i = 0; i < _rules.Length; i++)
        {
            if (Active(i))
            {
                _rules[i].LeaveOperation(_context, node);
            }
        }

        _typeInfo.LeaveTypeScope();
    }

    private void WalkFragmentDefinition(FragmentDefinitionNode node)
    {
        _typeInfo.EnterFragment(node.TypeCondition);
        for (var i = 0; i < _rules.Length; i++)
        {
            if (Active(i))
            {
                _rules[i].EnterFragmentDefinition(_context, node);
            }
        }

        WalkNamedType(node.TypeCondition);
        foreach (var variable in node.VariableDefinitions)
        {
            WalkVariableDefinition(variable);
        }

        WalkDirectives(node.Directives, "FRAGMENT_DEFINITION");
        WalkSelectionSet(node.SelectionSet, node);
        _typeInfo.LeaveTypeScope();
    }

    private void WalkVariableDefinition(VariableDefinitionNode node)
    {
        _typeInfo.EnterVariableDefinition(node);
        for (var i = 0; i < _rules.Length; i++)
        {
            if (Active(i) && !_rules[i].EnterVariableDefinition(_context, node))
            {
                _suspendedAt[i] = node;
            }
        }

        WalkTypeReference(node.Type);
        if (node.DefaultValue is not null)
        {
            WalkValue(node.DefaultValue);
        }

        WalkDirectives(node.Directives, "VARIABLE_DEFINITION");
        for (var i = 0; i < _rules.Length; i++)
        {
            if (ReferenceEquals(_suspendedAt[i], node))
            {
                _suspendedAt[i] = null;
            }
            else if (Active(i))
            {
                _rules[i].LeaveVariableDefinition(_context, node);
            }
        }

        _typeInfo.LeaveVariableDefinition();
    }

    private void WalkTypeReference(TypeNode node)
    {
        switch (node)
        {
            case NamedTypeNode named:
                WalkNamedType(named);
                break;
            case ListTypeNode list:
                WalkTypeReference(list.Type);
                break;
            case NonNullTypeNode nonNull:
                WalkTypeReference(nonNull.Type);
                break;
        }
    }

    private void WalkNamedType(NamedTypeNode node)
    {
        for (var i = 0; i < _rules.Length; i++)
        {
            if (Active(i))
            {
                _rules[i].EnterNamedType(_context, node);
            }
        }
    }

    private void WalkSelectionSet(SelectionSetNode node, SyntaxNode parent)
    {
        _typeInfo.EnterSelectionSet();
        for (var i = 0; i < _rules.Length; i++)
        {
            if (Active(i))
            {
                _rules[i].EnterSelectionSet(_context, node, parent);
            }
        }

        foreach (var selection in node.Selections)
        {
            switch (selection)
            {
                case FieldNode field:
                    WalkField(field);
                    break;
                case FragmentSpreadNode spread:
                    for (var i = 0; i < _rules.Length; i++)
                    {
                        if (Active(i))
                        {
                            _rules[i].EnterFragmentSpread(_context, spread);
                        }
                    }

                    WalkDirectives(spread.Directives, "FRAGMENT_SPREAD");
                    break;
                case InlineFragmentNode inline:
                    WalkInlineFragment(inline);
                    break;
            }
        }

        _typeInfo.LeaveSelectionSet();
    }

    private void WalkField(FieldNode node)
    {
        _typeInfo.EnterField(node);
        for (var i = 0; i < _rules.Length; i++)
        {
            if (Active(i))
            {
                _rules[i].EnterField(_context, node);
            }
        }

        foreach (var argument in node.Arguments)
        {
            WalkArgument(argument);
        }

        WalkDirectives(node.Directives, "FIELD");
        if (node.SelectionSet is not null)
        {
            WalkSelectionSet(node.SelectionSet, node);
        }

        for (var i = 0; i < _rules.Length; i++)
        {
            if (Active(i))
            {
                _rules[i].LeaveField(_context, node);
            }
        }

        _typeInfo.LeaveField();
    }

    private void WalkInlineFragment(InlineFragmentNode node)
    {
        _typeInfo.EnterFragment(node.TypeCondition);
        for (var i = 0; i < _rules.Length; i++)
        {
            if (Active(i))
            {
                _rules[i].EnterInlineFragment(_context, node);
            }
        }

        if (node.TypeCondition is not null)
        {
            WalkNamedType(node.TypeCondition);
        }

        WalkDirectives(node.Directives, "INLINE_FRAGMENT");
        WalkSelectionSet(node.SelectionSet, node);
        _typeInfo.LeaveTypeScope();
    }

    private void WalkDirectives(IReadOnlyList<DirectiveNode> directives, string location)
    {
        foreach (var directive in directives)
        {
            _typeInfo.EnterDirective(directive);
            for (var i = 0; i < _rules.Length; i++)
            {
                if (Active(i))
                {
                    _rules[i].EnterDirective(_context, directive, location);
                }
            }

            foreach (var argument in directive.Arguments)
            {
                WalkArgument(argument);
            }

            _typeInfo.LeaveDirective();
        }
    }

    private void WalkArgument(ArgumentNode node)
    {
        _typeInfo.EnterArgument(node);
        for (var i = 0; i < _rules.Length; i++)
        {
            if (Active(i))
            {
                _rules[i].EnterArgument(_context, node);
            }
        }

        WalkValue(node.Value);
        _typeInfo.LeaveArgument();
    }

    private void WalkValue(ValueNode node)
    {
        var isList = node is ListValueNode;
        if (isList)
        {
            _typeInfo.EnterListValue();
        }

        for (var i = 0; i < _rules.Length; i++)
        {
            if (Active(i) && !_rules[i].EnterValue(_context, node))
            {
                _suspendedAt[i] = node;
            }
        }

        switch (node)
        {
            case ListValueNode list:
                foreach (var item in list.Values)
                {
                    WalkValue(item);
                }

                break;
            case ObjectValueNode obj:
                foreach (var field in obj.Fields)
                {
                    _typeInfo.EnterObjectField(field);
                    for (var i = 0; i < _rules.Length; i++)
                    {
                        if (Active(i))
                        {
                            _rules[i].EnterObjectField(_context, field);
                        }
                    }

                    WalkValue(field.Value);
                    _typeInfo.LeaveListValueOrObjectField();
                }

                break;
        }

        for (var i = 0; i < _rules.Length; i++)
        {
            if (ReferenceEquals(_suspendedAt[i], node))
            {
                _suspendedAt[i] = null;
            }
        }

        if (isList)
        {
            _typeInfo.LeaveListValueOrObjectField();
        }
    }
}
