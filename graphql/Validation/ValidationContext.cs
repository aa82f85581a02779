using Governance.GraphQL.Errors;
using Governance.GraphQL.Language;
using Governance.GraphQL.Types;

namespace Governance.GraphQL.Validation;

/// <summary>
/// What every rule shares during one validation: the schema, the document, the options, the
/// errors so far, and facts about the document computed once and cached (fragments by name,
/// the fragments an operation reaches, the variables it uses with their expected types).
/// </summary>
internal sealed class ValidationContext
{
    private readonly List<GraphQLError> _errors = [];
    private readonly Dictionary<SelectionSetNode, List<FragmentSpreadNode>> _spreads = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<OperationDefinitionNode, List<FragmentDefinitionNode>> _reachedFragments = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<ExecutableDefinitionNode, List<VariableUsage>> _variableUsages = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<OperationDefinitionNode, List<VariableUsage>> _recursiveVariableUsages = new(ReferenceEqualityComparer.Instance);

    public ValidationContext(Schema schema, DocumentNode document, ValidationOptions options)
    {
        Schema = schema;
        Document = document;
        Options = options;
        TypeInfo = new TypeInfo(schema);

        // As in graphql-js, a later fragment of the same name wins; Fragment Name Uniqueness reports the clash.
        Fragments = new Dictionary<string, FragmentDefinitionNode>(StringComparer.Ordinal);
        foreach (var fragment in document.Definitions.OfType<FragmentDefinitionNode>())
        {
            Fragments[fragment.Name] = fragment;
        }
    }

    public Schema Schema { get; }

    /// <summary>Where the main walk stands; rules read types from it.</summary>
    public TypeInfo TypeInfo { get; }

    public DocumentNode Document { get; }

    public ValidationOptions Options { get; }

    public IReadOnlyList<GraphQLError> Errors => _errors;

    public Dictionary<string, FragmentDefinitionNode> Fragments { get; }

    public FragmentDefinitionNode? GetFragment(string name) => Fragments.GetValueOrDefault(name);

    /// <summary>
    /// Records an error (built by <see cref="GraphQLErrors.Validation"/>): its message, the
    /// locations of the nodes it concerns, and the spec section it enforces. Stops the
    /// validation once <see cref="ValidationOptions.MaxErrors"/> is reached.
    /// </summary>
    public void ReportError(string specAnchor, string message, params ReadOnlySpan<SourceLocation> locations)
    {
        _errors.Add(GraphQLErrors.Validation(specAnchor, message, locations.ToArray()));
        if (_errors.Count >= Options.MaxErrors)
        {
            throw new ValidationAbortedException();
        }
    }

    public void ReportError(string specAnchor, string message, params ReadOnlySpan<SyntaxNode> nodes)
    {
        Span<SourceLocation> locations = nodes.Length <= 16 ? stackalloc SourceLocation[nodes.Length] : new SourceLocation[nodes.Length];
        for (var i = 0; i < nodes.Length; i++)
        {
            locations[i] = nodes[i].Location.ToSourceLocation();
        }

        ReportError(specAnchor, message, (ReadOnlySpan<SourceLocation>)locations);
    }

    /// <summary>"Did you mean …?" for the closest names, or nothing when suggestions are off.</summary>
    public string DidYouMean(string input, IEnumerable<string> options, string? prefix = null) =>
        Options.IncludeSuggestions ? Suggestions.DidYouMean(Suggestions.List(input, options), prefix) : string.Empty;

    /// <summary>The fragment spreads in a selection set, nested ones included, not following fragments.</summary>
    public List<FragmentSpreadNode> GetFragmentSpreads(SelectionSetNode selectionSet)
    {
        if (_spreads.TryGetValue(selectionSet, out var spreads))
        {
            return spreads;
        }

        spreads = [];
        var pending = new Stack<SelectionSetNode>();
        pending.Push(selectionSet);
        while (pending.TryPop(out var set))
        {
            foreach (var selection in set.Selections)
            {
                switch (selection)
                {
                    case FragmentSpreadNode spread:
                        spreads.Add(spread);
                        break;
                    case FieldNode { SelectionSet: { } inner }:
                        pending.Push(inner);
                        break;
                    case InlineFragmentNode inline:
                        pending.Push(inline.SelectionSet);
                        break;
                }
            }
        }

        _spreads[selectionSet] = spreads;
        return spreads;
    }

    /// <summary>Every defined fragment an operation reaches, directly or through other fragments.</summary>
    public List<FragmentDefinitionNode> GetRecursivelyReferencedFragments(OperationDefinitionNode operation)
    {
        if (_reachedFragments.TryGetValue(operation, out var fragments))
        {
            return fragments;
        }

        fragments = [];
        var collected = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<SelectionSetNode>();
        pending.Push(operation.SelectionSet);
        while (pending.TryPop(out var set))
        {
            foreach (var spread in GetFragmentSpreads(set))
            {
                if (collected.Add(spread.Name) && GetFragment(spread.Name) is { } fragment)
                {
                    fragments.Add(fragment);
                    pending.Push(fragment.SelectionSet);
                }
            }
        }

        _reachedFragments[operation] = fragments;
        return fragments;
    }

    /// <summary>The variables used in an operation or fragment (not its variable definitions), with the types their positions expect.</summary>
    public List<VariableUsage> GetVariableUsages(ExecutableDefinitionNode definition)
    {
        if (_variableUsages.TryGetValue(definition, out var usages))
        {
            return usages;
        }

        var typeInfo = new TypeInfo(Schema);
        var collector = new VariableUsageCollector(typeInfo);
        new DocumentWalker(this, typeInfo, [collector]).WalkDefinition(definition);
        _variableUsages[definition] = collector.Usages;
        return collector.Usages;
    }

    /// <summary>The variables an operation uses, through the fragments it reaches as well.</summary>
    public List<VariableUsage> GetRecursiveVariableUsages(OperationDefinitionNode operation)
    {
        if (_recursiveVariableUsages.TryGetValue(operation, out var usages))
        {
            return usages;
        }

        usages = new List<VariableUsage>(GetVariableUsages(operation));
        foreach (var fragment in GetRecursivelyReferencedFragments(operation))
        {
            usages.AddRange(GetVariableUsages(fragment));
        }

        _recursiveVariableUsages[operation] = usages;
        return usages;
    }

    /// <summary>Finds variable usages with one private walk; it skips variable definitions.</summary>
    private sealed class VariableUsageCollector(TypeInfo typeInfo) : ValidationRule
    {
        private ObjectFieldNode? _objectField;

        public List<VariableUsage> Usages { get; } = [];

        public override bool EnterVariableDefinition(ValidationContext context, VariableDefinitionNode node) => false;

        public override void EnterObjectField(ValidationContext context, ObjectFieldNode node) => _objectField = node;

        public override bool EnterValue(ValidationContext context, ValueNode node)
        {
            if (node is VariableNode variable)
            {
                // The value of a OneOf input object's field: the spec's IsNonNullPosition.
                var oneOfParent = ReferenceEquals(_objectField?.Value, node)
                    && typeInfo.ParentInputType?.GetNamedType() is InputObjectType { IsOneOf: true } parent
                    ? parent
                    : null;
                Usages.Add(new VariableUsage(variable, typeInfo.InputType, typeInfo.DefaultValueOwner?.HasDefaultValue == true, oneOfParent));
            }

            return true;
        }
    }
}

/// <summary>Thrown to stop a validation that has reached its error limit.</summary>
internal sealed class ValidationAbortedException : Exception
{
}
