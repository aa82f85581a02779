using Governance.GraphQL.Errors;
using Governance.GraphQL.Language;
using Governance.GraphQL.Types;

namespace Governance.GraphQL.Execution;

/// <summary>
/// Refuses an operation before it runs when it is too deep, too costly, or digs too far into
/// introspection. Fragments are expanded; a fragment cycle stops the walk (validation reports it).
/// Cost (an upper bound of the work, HotChocolate's model, see <see cref="FieldCost"/>): a field
/// costs its resolver's @cost weight; a field of composite type adds 1 and its selections per
/// item; a list multiplies that by its size — its slicing argument, else the size its connection
/// gives it, else its @listSize assumed size, else <see cref="ExecutorOptions.DefaultListSize"/>.
/// Introspection costs nothing here; it has its own limits.
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
    private readonly Dictionary<(string Fragment, string Type, Inherited Size), (long Cost, int Depth)> _fragmentCosts = [];
    private readonly HashSet<string> _slicingVariables = new(StringComparer.Ordinal);
    private int _maxDepth;
    private bool _usesIntrospection;

    private OperationLimits(Schema schema, ExecutorOptions options, PreparedOperation operation, IReadOnlyDictionary<string, object?> variables)
    {
        _schema = schema;
        _options = options;
        _operation = operation;
        _variables = variables;
    }

    /// <summary>Checks every limit; the errors are request errors (no "data").</summary>
    public static LimitCheck Check(Schema schema, ExecutorOptions options, PreparedOperation operation, IReadOnlyDictionary<string, object?> variables)
    {
        var limits = new OperationLimits(schema, options, operation, variables);
        var root = schema.GetRootType(operation.OperationType);
        if (root is null)
        {
            return new LimitCheck([], 0, false, []);
        }

        var cost = limits.Walk(root, operation.Definition.SelectionSet, 0, default);
        if (limits._maxDepth > options.MaxExecutionDepth)
        {
            limits._errors.Add(GraphQLErrors.LimitExceeded(
                $"The GraphQL document has an execution depth of {limits._maxDepth} which exceeds the max allowed execution depth of {options.MaxExecutionDepth}."));
        }

        if (cost > options.MaxCost)
        {
            limits._errors.Add(GraphQLErrors.LimitExceeded(
                $"The operation has a cost of {cost} which exceeds the max allowed cost of {options.MaxCost}.",
                extensions: new Dictionary<string, object?> { ["cost"] = (int)cost, ["maxCost"] = options.MaxCost }));
        }

        return new LimitCheck(limits._errors, (int)cost, limits._usesIntrospection, [.. limits._slicingVariables]);
    }

    private long Walk(NamedType parentType, SelectionSetNode selectionSet, int depth, Inherited inheritedPageSize)
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
    private long FragmentCost(string name, FragmentDefinitionNode fragment, NamedType parentType, int depth, Inherited inheritedPageSize)
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

    private long FieldCost(NamedType parentType, FieldNode field, int depth, Inherited inherited)
    {
        if (field.Name is "__schema" or "__type")
        {
            _usesIntrospection = true;
            if (!_options.EnableIntrospection)
            {
                _errors.Add(GraphQLErrors.IntrospectionDisabled([field.Location.ToSourceLocation()]));
                return 0;
            }

            if (field.SelectionSet is not null)
            {
                CheckIntrospection(field.SelectionSet, new Dictionary<string, int>(StringComparer.Ordinal), 0);
            }

            return 0;
        }

        if (field.Name == "__typename")
        {
            // Answered from the type, with no resolver (§4.4 of the spec); clients such as urql
            // add it to every selection set, where counting it would price a list twice over.
            return 0;
        }

        var definition = _schema.GetFieldDefinition(parentType, field.Name);
        if (definition is null)
        {
            return 0;
        }

        var spec = definition.Cost;
        if (field.SelectionSet is null)
        {
            return spec.Weight > 0 ? spec.Weight : _options.LeafFieldCost;
        }

        var fieldDepth = depth + 1;
        _maxDepth = Math.Max(_maxDepth, fieldDepth + 1);
        var slicing = PageSize(field, definition, spec);
        var isList = definition.Type.Nullable is ListType;
        var given = inherited.AppliesTo(field.Name);
        long multiplier = 1;
        Inherited carried = default;
        if (spec.SizedFields is { } sized)
        {
            // A connection: its size belongs to its edges and nodes.
            carried = new Inherited(slicing ?? spec.AssumedSize ?? _options.DefaultListSize, sized);
            if (isList)
            {
                multiplier = given ?? spec.AssumedSize ?? _options.DefaultListSize;
            }
        }
        else if (isList)
        {
            multiplier = slicing ?? given ?? spec.AssumedSize ?? _options.DefaultListSize;
        }
        else if (!spec.Declared && (slicing ?? given) is { } size)
        {
            // The older rule: a page size reaches every list under the field, not further.
            carried = new Inherited(size, null);
        }

        var childCost = Walk(definition.Type.GetNamedType(), field.SelectionSet, fieldDepth, carried);
        return Saturate(spec.Weight + Saturate(multiplier * Saturate(1 + childCost)));
    }

    /// <summary>The largest slicing argument the field was given, else the largest default; null when neither.</summary>
    private int? PageSize(FieldNode field, FieldDefinition definition, FieldCost spec)
    {
        int? largest = null;
        foreach (var name in spec.SlicingArguments)
        {
            var argument = field.Arguments.FirstOrDefault(a => a.Name == name);
            int? value;
            if (argument is null)
            {
                // An absent argument still has its declared default (`first: Int = 10`).
                value = definition.ArgumentsByName.GetValueOrDefault(name) is { DefaultValue: int size } ? size : null;
            }
            else
            {
                if (argument.Value is VariableNode variable)
                {
                    _slicingVariables.Add(variable.Name);
                }

                value = argument.Value switch
                {
                    IntValueNode i when int.TryParse(i.Value, out var n) => n,
                    VariableNode v when _variables.TryGetValue(v.Name, out var n) && n is int size => size,
                    VariableNode v when !_variables.ContainsKey(v.Name) && definition.ArgumentsByName.GetValueOrDefault(name) is { DefaultValue: int size } => size,
                    _ => (int?)null,
                };
            }

            if (value is > 0 && (largest is null || value > largest))
            {
                largest = value;
            }
        }

        return largest;
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

    /// <summary>A size a field hands to the fields under it: to those named, or (null) to every list.</summary>
    private readonly record struct Inherited(int? Size, IReadOnlyList<string>? Fields)
    {
        public int? AppliesTo(string name) =>
            Size is null ? null : Fields is null || Fields.Contains(name) ? Size : null;

        public bool Equals(Inherited other) =>
            Size == other.Size && (ReferenceEquals(Fields, other.Fields) || (Fields is not null && other.Fields is not null && Fields.SequenceEqual(other.Fields)));

        public override int GetHashCode() => HashCode.Combine(Size, Fields?.Count);
    }
}

/// <summary>What the limit check found: the refusals, the operation's cost, whether it introspects, and the variables its cost depends on.</summary>
internal sealed record LimitCheck(IReadOnlyList<GraphQLError> Errors, int Cost, bool UsesIntrospection, IReadOnlyList<string> SlicingVariables);
