using Governance.GraphQL.Execution;

namespace Governance.GraphQL.Language;

/// <summary>ExecutableDefinition :: OperationDefinition | FragmentDefinition</summary>
public abstract class ExecutableDefinitionNode : DefinitionNode
{
    /// <summary>Description? — the September 2025 edition allows one on operations and fragments.</summary>
    public StringValueNode? Description { get; init; }

    public string? Name { get; init; }

    /// <summary>Where the name stands (default when anonymous): validation errors about names point there, as graphql-js's do.</summary>
    public Location NameLocation { get; init; }

    public IReadOnlyList<VariableDefinitionNode> VariableDefinitions { get; init; } = [];

    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];

    public required SelectionSetNode SelectionSet { get; init; }
}

/// <summary>OperationDefinition :: Description? OperationType Name? VariablesDefinition? Directives? SelectionSet | SelectionSet</summary>
public sealed class OperationDefinitionNode : ExecutableDefinitionNode
{
    public OperationType Operation { get; init; }
}

/// <summary>FragmentDefinition :: Description? fragment FragmentName TypeCondition Directives? SelectionSet</summary>
public sealed class FragmentDefinitionNode : ExecutableDefinitionNode
{
    public new required string Name
    {
        get => base.Name!;
        init => base.Name = value;
    }

    public required NamedTypeNode TypeCondition { get; init; }
}

/// <summary>VariableDefinition :: Description? Variable : Type DefaultValue? Directives[Const]?</summary>
public sealed class VariableDefinitionNode : SyntaxNode
{
    public StringValueNode? Description { get; init; }

    public required VariableNode Variable { get; init; }

    public required TypeNode Type { get; init; }

    public ValueNode? DefaultValue { get; init; }

    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];
}

/// <summary>SelectionSet :: { Selection+ }</summary>
public sealed class SelectionSetNode : SyntaxNode
{
    public required IReadOnlyList<SelectionNode> Selections { get; init; }
}

/// <summary>Selection :: Field | FragmentSpread | InlineFragment</summary>
public abstract class SelectionNode : SyntaxNode
{
    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];
}

/// <summary>Field :: Alias? Name Arguments? Directives? SelectionSet?</summary>
public sealed class FieldNode : SelectionNode
{
    public string? Alias { get; init; }

    public required string Name { get; init; }

    public IReadOnlyList<ArgumentNode> Arguments { get; init; } = [];

    public SelectionSetNode? SelectionSet { get; init; }

    /// <summary>The key the field's value has in the response: its alias, else its name.</summary>
    public string ResponseKey => Alias ?? Name;
}

/// <summary>FragmentSpread :: ... FragmentName Directives?</summary>
public sealed class FragmentSpreadNode : SelectionNode
{
    public required string Name { get; init; }

    /// <summary>Where the fragment name stands, after the <c>...</c>.</summary>
    public Location NameLocation { get; init; }
}

/// <summary>InlineFragment :: ... TypeCondition? Directives? SelectionSet</summary>
public sealed class InlineFragmentNode : SelectionNode
{
    public NamedTypeNode? TypeCondition { get; init; }

    public required SelectionSetNode SelectionSet { get; init; }
}

/// <summary>Argument :: Name : Value</summary>
public sealed class ArgumentNode : SyntaxNode
{
    public required string Name { get; init; }

    public required ValueNode Value { get; init; }
}

/// <summary>Directive :: @ Name Arguments?</summary>
public sealed class DirectiveNode : SyntaxNode
{
    public required string Name { get; init; }

    public IReadOnlyList<ArgumentNode> Arguments { get; init; } = [];
}
