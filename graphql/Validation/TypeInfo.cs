using Governance.GraphQL.Language;
using Governance.GraphQL.Types;

namespace Governance.GraphQL.Validation;

/// <summary>
/// Tracks, while the <see cref="DocumentWalker"/> descends, which schema element each node
/// stands for: the output type of a selection, the parent composite type, the field, directive
/// and argument definitions, and the input type (and default) a value must fit. Rules read it
/// instead of re-deriving types, as graphql-js's TypeInfo does.
/// </summary>
internal sealed class TypeInfo(Schema schema)
{
    private readonly List<GraphQLType?> _typeStack = [];
    private readonly List<NamedType?> _parentTypeStack = [];
    private readonly List<GraphQLType?> _inputTypeStack = [];
    private readonly List<FieldDefinition?> _fieldDefStack = [];
    private readonly List<InputValueDefinition?> _defaultValueStack = [];

    public Schema Schema { get; } = schema;

    /// <summary>The output type of the current selection (field result or fragment type).</summary>
    public GraphQLType? Type => Peek(_typeStack);

    /// <summary>The composite type whose selection set we are in.</summary>
    public NamedType? ParentType => Peek(_parentTypeStack);

    /// <summary>The type the current value must fit.</summary>
    public GraphQLType? InputType => Peek(_inputTypeStack);

    /// <summary>The type of the list or input object enclosing the current value.</summary>
    public GraphQLType? ParentInputType => _inputTypeStack.Count > 1 ? _inputTypeStack[^2] : null;

    public FieldDefinition? FieldDef => Peek(_fieldDefStack);

    /// <summary>The argument or input field whose default applies at the current value, if any.</summary>
    public InputValueDefinition? DefaultValueOwner => Peek(_defaultValueStack);

    public DirectiveDefinition? Directive { get; private set; }

    /// <summary>Whether the walk is inside a directive, known or not.</summary>
    public bool InDirective { get; private set; }

    public InputValueDefinition? Argument { get; private set; }

    private static T? Peek<T>(List<T?> stack) where T : class => stack.Count > 0 ? stack[^1] : null;

    public void EnterSelectionSet()
    {
        var named = Type?.GetNamedType();
        _parentTypeStack.Add(named is { IsComposite: true } ? named : null);
    }

    public void LeaveSelectionSet() => _parentTypeStack.RemoveAt(_parentTypeStack.Count - 1);

    public void EnterField(FieldNode node)
    {
        var parent = ParentType;
        var fieldDef = parent is null ? null : Schema.GetFieldDefinition(parent, node.Name);
        _fieldDefStack.Add(fieldDef);
        _typeStack.Add(fieldDef?.Type is { IsOutputType: true } type ? type : null);
    }

    public void LeaveField()
    {
        _fieldDefStack.RemoveAt(_fieldDefStack.Count - 1);
        _typeStack.RemoveAt(_typeStack.Count - 1);
    }

    public void EnterOperation(OperationDefinitionNode node) =>
        _typeStack.Add(Schema.GetRootType(node.Operation));

    /// <summary>Inline fragments without a type condition keep the enclosing type.</summary>
    public void EnterFragment(NamedTypeNode? typeCondition)
    {
        var type = typeCondition is null ? Type?.GetNamedType() : Schema.TypeFromAst(typeCondition);
        _typeStack.Add(type is { IsOutputType: true } ? type : null);
    }

    public void LeaveTypeScope() => _typeStack.RemoveAt(_typeStack.Count - 1);

    public void EnterVariableDefinition(VariableDefinitionNode node)
    {
        var type = Schema.TypeFromAst(node.Type);
        _inputTypeStack.Add(type is { IsInputType: true } ? type : null);
    }

    public void LeaveVariableDefinition() => _inputTypeStack.RemoveAt(_inputTypeStack.Count - 1);

    public void EnterDirective(DirectiveNode node)
    {
        InDirective = true;
        Directive = Schema.GetDirective(node.Name);
    }

    public void LeaveDirective()
    {
        InDirective = false;
        Directive = null;
    }

    public void EnterArgument(ArgumentNode node)
    {
        var arguments = Directive?.ArgumentsByName ?? FieldDef?.ArgumentsByName;
        var argument = arguments?.GetValueOrDefault(node.Name);
        Argument = argument;
        _defaultValueStack.Add(argument);
        _inputTypeStack.Add(argument?.Type is { IsInputType: true } type ? type : null);
    }

    public void LeaveArgument()
    {
        Argument = null;
        _defaultValueStack.RemoveAt(_defaultValueStack.Count - 1);
        _inputTypeStack.RemoveAt(_inputTypeStack.Count - 1);
    }

    /// <summary>A list's items are checked against the item type (a lone value may stand for a one-item list).</summary>
    public void EnterListValue()
    {
        var listType = InputType?.Nullable;
        var itemType = listType is ListType list ? list.OfType : listType;
        _defaultValueStack.Add(null);
        _inputTypeStack.Add(itemType is { IsInputType: true } ? itemType : null);
    }

    public void EnterObjectField(ObjectFieldNode node)
    {
        var field = (InputType?.GetNamedType() as InputObjectType)?.GetField(node.Name);
        _defaultValueStack.Add(field);
        _inputTypeStack.Add(field?.Type is { IsInputType: true } type ? type : null);
    }

    public void LeaveListValueOrObjectField()
    {
        _defaultValueStack.RemoveAt(_defaultValueStack.Count - 1);
        _inputTypeStack.RemoveAt(_inputTypeStack.Count - 1);
    }
}
