using Governance.GraphQL.Errors;
using Governance.GraphQL.Language;
using Governance.GraphQL.Types;

namespace Governance.GraphQL.Execution;

/// <summary>
/// Refuses an operation before it runs when it is too deep, too costly, or digs too far into
/// introspection. Fragments are expanded; a fragment cycle stops the walk (validation reports it).
/// Cost: each field of composite type costs 1; a list field multiplies its subtree by its page
/// size — its own <c>first</c>/<c>last</c>, else that of the connection field above it, else
/// <see cref="ExecutorOptions.DefaultListSize"/>. Introspection costs nothing here; it has its own limits.
/// </summary>
internal sealed class OperationLimits
{
    private static readonly HashSet<string> IntrospectionListFields = ["fields", "inputFields", "interfaces", "possibleTypes", "enumValues"];

    private readonly Schema _schema;
    private readonly ExecutorOptions _options;
    private readonly PreparedOperation _operation;
    private readonly IReadOnlyDictionary<string, object?> _variables;
    private readonly HashSet<string> _fragmentStack = new(StringComparer.Ordinal);
    private readonly List<GraphQLError> _errors = [];
    private readonly Dictionary<(string Fragment, string Type, int? PageSize), (long Cost, int Depth)> _fragmentCosts = [];
    private int _maxDepth;

    private OperationLimits(Schema schema, ExecutorOptions options, PreparedOperation operation, IReadOnlyDictionary<string, object?> variables)
    {
        _schema = schema;
        _options = options;
        _operation = operation;
        _variables = variables;
    }

    /// <summary>Checks every limit; the errors are request errors (no "data").</summary>
    public static IReadOnlyList<GraphQLError> Check(Schema schema, ExecutorOptions options, PreparedOperation operation, IReadOnlyDictionary<string, object?> variables)
    {
        var limits = new OperationLimits(schema, options, operation, variables);
        var root = schema.GetRootType(operation.OperationType);
        if (root is null)
        {
            return [];
        }

        var cost = limits.Walk(root, operation.Definition.SelectionSet, 0, null);
        if (limits._maxDepth > options.MaxExecutionDepth)
        {
            limits._errors.Add(GraphQLErrors.LimitExceeded(
                $"The GraphQL document has an execution depth of {limits._maxDepth} which exceeds the max allowed execution depth of {options.MaxExecutionDepth}."));
        }

        if (cost > options.MaxCost)
        {
            limits._errors.Add(GraphQLErrors.LimitExceeded(
                $"The operation has a cost of {cost} which exceeds the max allowed cost of {options.MaxCost}."));
        }

        return limits._errors;
    }

    private long Walk(NamedType parentType, SelectionSetNode selectionSet, int depth, int? inheritedPageSize)
    {
        long cost = 0;
        foreach (var selection in selectionSet.Selections)
        {
            switch (selection)
            {
                case FieldNode field:
                    cost = Saturate(cost + FieldCost(parentType, field, depth, inheritedPageSize));
                    break;
                case InlineFragmentNode inline:
                    var inlineType = inline.TypeCondition is null ? parentType : _schema.GetType(inline.TypeCondition.Name) ?? parentType;
                    cost = Saturate(cost + Walk(inlineType, inline.SelectionSet, depth, inheritedPageSize));
                    break;
                case FragmentSpreadNode spread:
                    if (_operation.Fragments.TryGetValue(spread.Name, out var fragment) && !_fragmentStack.Contains(spread.Name))
                    {
                        cost = Saturate(cost + FragmentCost(spread.Name, fragment, parentType, depth, inheritedPageSize));
                    }

                    break;
            }
        }

        return cost;
    }

    /// <summary>
    /// A fragment's cost and depth below its spread do not depend on where it is spread, only on
    /// the page size it inherits: each is walked once per page size. Walking every spread instead
    /// let 2.4 KB of fragments that each spread the one below twice cost 2^58 steps (the HTTP
    /// fuzzer's finding, docs/reliability.md).
    /// </summary>
    private long FragmentCost(string name, FragmentDefinitionNode fragment, NamedType parentType, int depth, int? inheritedPageSize)
    {
        var fragmentType = _schema.GetType(fragment.TypeCondition.Name) ?? parentType;
        var key = (name, fragmentType.Name, inheritedPageSize);
        if (!_fragmentCosts.TryGetValue(key, out var known))
        {
            var outerDepth = _maxDepth;
            _maxDepth = 0;
            _fragmentStack.Add(name);
            var cost = Walk(fragmentType, fragment.SelectionSet, 0, inheritedPageSize);
            _fragmentStack.Remove(name);
            known = (cost, _maxDepth);
            _maxDepth = outerDepth;
            _fragmentCosts[key] = known;
        }

        if (known.Depth > 0)
        {
            _maxDepth = Math.Max(_maxDepth, depth + known.Depth);
        }

        return known.Cost;
    }

    private long FieldCost(NamedType parentType, FieldNode field, int depth, int? inheritedPageSize)
    {
        if (field.Name is "__schema" or "__type")
        {
            if (!_options.EnableIntrospection)
            {
                _errors.Add(new GraphQLError(
                    "Introspection is not allowed for the current request.",
                    [field.Location.ToSourceLocation()],
                    extensions: new Dictionary<string, object?> { ["code"] = "INTROSPECTION_DISABLED" }));
                return 0;
            }

            if (field.SelectionSet is not null)
            {
                CheckIntrospection(field.SelectionSet, new Dictionary<string, int>(StringComparer.Ordinal), 0);
            }

            return 0;
        }

        var definition = _schema.GetFieldDefinition(parentType, field.Name);
        if (definition is null || field.SelectionSet is null)
        {
            return 0;
        }

        var fieldDepth = depth + 1;
        _maxDepth = Math.Max(_maxDepth, fieldDepth + 1);
        var pageSize = PageSize(field, definition) ?? inheritedPageSize;
        var isList = definition.Type.Nullable is ListType;
        var multiplier = isList ? pageSize ?? _options.DefaultListSize : 1;

        // A connection's page size reaches the list under it (edges, nodes), not further.
        var carried = isList ? null : pageSize;
        var childCost = Walk(definition.Type.GetNamedType(), field.SelectionSet, fieldDepth, carried);
        return Saturate(multiplier * Saturate(1 + childCost));
    }

    private int? PageSize(FieldNode field, FieldDefinition definition)
    {
        foreach (var argument in field.Arguments)
        {
            if (argument.Name is not ("first" or "last"))
            {
                continue;
            }

            var value = argument.Value switch
            {
                IntValueNode i when int.TryParse(i.Value, out var n) => n,
                VariableNode v when _variables.TryGetValue(v.Name, out var n) && n is int size => size,
                _ => (int?)null,
            };
            if (value is > 0)
            {
                return value;
            }
        }

        // An absent page size argument still has its declared default (`first: Int = 10`).
        foreach (var name in (ReadOnlySpan<string>)["first", "last"])
        {
            if (definition.ArgumentsByName.GetValueOrDefault(name) is { DefaultValue: int size and > 0 }
                && !field.Arguments.Any(a => a.Name == name))
            {
                return size;
            }
        }

        return null;
    }

    /// <summary>Bounds nested ofType chains and recursion through the list fields of introspection types.</summary>
    private void CheckIntrospection(SelectionSetNode selectionSet, Dictionary<string, int> listDepth, int ofTypeDepth)
    {
        foreach (var selection in selectionSet.Selections)
        {
            switch (selection)
            {
                case FieldNode field:
                    if (field.SelectionSet is null)
                    {
                        continue;
                    }

                    if (field.Name == "ofType")
                    {
                        if (ofTypeDepth + 1 > _options.MaxIntrospectionOfTypeDepth)
                        {
                            _errors.Add(GraphQLErrors.LimitExceeded("Maximum allowed introspection depth exceeded: ofType.", [field.Location.ToSourceLocation()]));
                            return;
                        }

                        CheckIntrospection(field.SelectionSet, listDepth, ofTypeDepth + 1);
                        continue;
                    }

                    if (IntrospectionListFields.Contains(field.Name))
                    {
                        var count = listDepth.GetValueOrDefault(field.Name) + 1;
                        if (count > _options.MaxIntrospectionListDepth)
                        {
                            _errors.Add(GraphQLErrors.LimitExceeded($"Maximum allowed introspection depth exceeded: {field.Name}.", [field.Location.ToSourceLocation()]));
                            return;
                        }

                        listDepth[field.Name] = count;
                        CheckIntrospection(field.SelectionSet, listDepth, ofTypeDepth);
                        listDepth[field.Name] = count - 1;
                        continue;
                    }

                    CheckIntrospection(field.SelectionSet, listDepth, ofTypeDepth);
                    break;
                case InlineFragmentNode inline:
                    CheckIntrospection(inline.SelectionSet, listDepth, ofTypeDepth);
                    break;
                case FragmentSpreadNode spread:
                    if (_operation.Fragments.TryGetValue(spread.Name, out var fragment) && _fragmentStack.Add(spread.Name))
                    {
                        CheckIntrospection(fragment.SelectionSet, listDepth, ofTypeDepth);
                        _fragmentStack.Remove(spread.Name);
                    }

                    break;
            }
        }
    }

    private static long Saturate(long value) => Math.Min(value, int.MaxValue);
}
