using Governance.GraphQL.Errors;
using Governance.GraphQL.Language;
using Governance.GraphQL.Types;

namespace Governance.GraphQL.Execution;

/// <summary>A field to execute: its response key, the merged field nodes, and its definition on the object type.</summary>
internal sealed class CollectedField(string responseKey, List<FieldNode> nodes, FieldDefinition definition)
{
    private IReadOnlyDictionary<string, object?>? _arguments;
    private GraphQLException? _argumentError;

    public string ResponseKey { get; } = responseKey;

    public List<FieldNode> Nodes { get; } = nodes;

    public FieldDefinition Definition { get; } = definition;

    public IReadOnlyList<SourceLocation> Locations { get; } = nodes.Select(n => n.Location.ToSourceLocation()).ToArray();

    /// <summary>
    /// Sub-selections already collected, per object type (the cache of CollectSubfields). Concurrent,
    /// because the fields of an operation without variables are shared by simultaneous requests.
    /// </summary>
    public System.Collections.Concurrent.ConcurrentDictionary<ObjectType, FieldSet> Subfields { get; } = new();

    /// <summary>The last object type's sub-selection: a field almost always meets one type, so this skips the lookup.</summary>
    public FieldSet? LastSubfields { get; set; }

    /// <summary>Arguments depend only on the request's variables, so they are coerced once per request.</summary>
    public IReadOnlyDictionary<string, object?> GetArguments(IReadOnlyDictionary<string, object?> variables)
    {
        if (_argumentError is not null)
        {
            throw _argumentError;
        }

        if (_arguments is null)
        {
            try
            {
                _arguments = Values.CoerceArgumentValues(Definition.Arguments, Nodes[0].Arguments, variables, Nodes[0]);
            }
            catch (GraphQLException error)
            {
                _argumentError = error;
                throw;
            }
        }

        return _arguments;
    }
}

/// <summary>The fields of a selection on one object type, and their response keys in order.</summary>
internal sealed class FieldSet(ObjectType type, CollectedField[] fields)
{
    public ObjectType Type { get; } = type;

    public CollectedField[] Fields { get; } = fields;

    public string[] Keys { get; } = fields.Select(f => f.ResponseKey).ToArray();
}

internal sealed partial class ExecutionState
{
    private FieldSet? _rootFields;

    private FieldSet CollectRootFields(ObjectType rootType)
    {
        if (_rootFields is not null)
        {
            return _rootFields;
        }

        var plan = Operation.Plan;
        _rootFields = plan.IsConstant && !ReferenceEquals(rootType, Schema.SubscriptionType)
            ? plan.Root ??= CollectFields(rootType, [Operation.Definition.SelectionSet])
            : CollectFields(rootType, [Operation.Definition.SelectionSet]);
        return _rootFields;
    }

    /// <summary>CollectSubfields (#sec-Value-Completion), cached per field and object type for this request.</summary>
    private FieldSet CollectSubfields(ObjectType objectType, CollectedField field)
    {
        // One reference read: the FieldSet carries its type, so a racing writer cannot tear the pair.
        if (field.LastSubfields is { } last && ReferenceEquals(last.Type, objectType))
        {
            return last;
        }

        if (!field.Subfields.TryGetValue(objectType, out var collected))
        {
            var selectionSets = new List<SelectionSetNode>(field.Nodes.Count);
            foreach (var node in field.Nodes)
            {
                if (node.SelectionSet is not null)
                {
                    selectionSets.Add(node.SelectionSet);
                }
            }

            collected = field.Subfields.GetOrAdd(objectType, CollectFields(objectType, selectionSets));
        }

        field.LastSubfields = collected;
        return collected;
    }

    /// <summary>
    /// CollectFields(objectType, selectionSet, variableValues, visitedFragments) (#sec-Field-Collection):
    /// merges fields by response key in order, honouring @skip/@include and fragment type conditions.
    /// </summary>
    internal FieldSet CollectFields(ObjectType objectType, IReadOnlyList<SelectionSetNode> selectionSets)
    {
        var grouped = new Dictionary<string, List<FieldNode>>(StringComparer.Ordinal);
        var order = new List<string>();
        HashSet<string>? visitedFragments = null;
        foreach (var selectionSet in selectionSets)
        {
            Collect(selectionSet);
        }

        var result = new List<CollectedField>(order.Count);
        foreach (var key in order)
        {
            var nodes = grouped[key];
            var definition = Schema.GetFieldDefinition(objectType, nodes[0].Name);
            if (definition is not null)
            {
                result.Add(new CollectedField(key, nodes, definition));
            }
        }

        return new FieldSet(objectType, [.. result]);

        void Collect(SelectionSetNode selectionSet)
        {
            foreach (var selection in selectionSet.Selections)
            {
                if (!ShouldInclude(selection.Directives))
                {
                    continue;
                }

                switch (selection)
                {
                    case FieldNode field:
                        if (!grouped.TryGetValue(field.ResponseKey, out var nodes))
                        {
                            nodes = [];
                            grouped[field.ResponseKey] = nodes;
                            order.Add(field.ResponseKey);
                        }

                        nodes.Add(field);
                        break;
                    case FragmentSpreadNode spread:
                        visitedFragments ??= new HashSet<string>(StringComparer.Ordinal);
                        if (!visitedFragments.Add(spread.Name)
                            || !Operation.Fragments.TryGetValue(spread.Name, out var fragment)
                            || !DoesFragmentTypeApply(objectType, fragment.TypeCondition))
                        {
                            continue;
                        }

                        Collect(fragment.SelectionSet);
                        break;
                    case InlineFragmentNode inline:
                        if (inline.TypeCondition is not null && !DoesFragmentTypeApply(objectType, inline.TypeCondition))
                        {
                            continue;
                        }

                        Collect(inline.SelectionSet);
                        break;
                }
            }
        }
    }

    /// <summary>DoesFragmentTypeApply(objectType, fragmentType).</summary>
    private bool DoesFragmentTypeApply(ObjectType objectType, NamedTypeNode typeCondition)
    {
        var type = Schema.GetType(typeCondition.Name);
        return type is not null && (ReferenceEquals(type, objectType) || Schema.IsPossibleType(type, objectType));
    }

    /// <summary>#sec--skip and #sec--include: skip wins when both say so.</summary>
    private bool ShouldInclude(IReadOnlyList<DirectiveNode> directives)
    {
        if (directives.Count == 0)
        {
            return true;
        }

        foreach (var directive in directives)
        {
            if (directive.Name is not ("skip" or "include"))
            {
                continue;
            }

            var definition = Schema.GetDirective(directive.Name)!;
            var arguments = Values.CoerceArgumentValues(definition.Arguments, directive.Arguments, Variables, directive);
            var condition = arguments.GetValueOrDefault("if") is true;
            if (directive.Name == "skip" ? condition : !condition)
            {
                return false;
            }
        }

        return true;
    }
}
