using Governance.GraphQL.Types;
using Governance.GraphQL.Language;

namespace Governance.GraphQL.Execution;

/// <summary>A parsed, validated document with its selected operation and its fragments by name.</summary>
public sealed class PreparedOperation : IPreparedOperation
{
    internal PreparedOperation(DocumentNode document, OperationDefinitionNode definition, IReadOnlyDictionary<string, FragmentDefinitionNode> fragments, OperationPlan plan)
    {
        Document = document;
        Definition = definition;
        Fragments = fragments;
        Plan = plan;
    }

    /// <summary>What requests for this operation can share; shared across requests through the document cache.</summary>
    internal OperationPlan Plan { get; }

    public DocumentNode Document { get; }

    public OperationDefinitionNode Definition { get; }

    public IReadOnlyDictionary<string, FragmentDefinitionNode> Fragments { get; }

    public OperationType OperationType => Definition.Operation;

    public string? OperationName => Definition.Name;
}

/// <summary>
/// The parts of executing an operation that do not depend on the request. Without variables,
/// @skip/@include and arguments are fixed, so the collected fields (with their coerced
/// arguments) and the limit check are worked out once and reused by every request.
/// </summary>
internal sealed class OperationPlan(bool isConstant)
{
    /// <summary>True when the operation declares no variables: nothing in the plan varies per request.</summary>
    public bool IsConstant { get; } = isConstant;

    public FieldSet? Root { get; set; }

    private int _sameForEveryViewer; // 0 unknown, 1 yes, 2 no

    /// <summary>Whether the operation selects only fields that are the same for every viewer; worked out once.</summary>
    public bool SelectsOnlySameForEveryViewer(Schema schema, PreparedOperation operation)
    {
        if (_sameForEveryViewer == 0)
        {
            _sameForEveryViewer = SharedEventResults.SelectsOnlySameForEveryViewer(schema, operation) ? 1 : 2;
        }

        return _sameForEveryViewer == 1;
    }

    private const int MaxLimitChecksPerOperation = 64;

    private LimitCheck? _limits;
    private System.Collections.Concurrent.ConcurrentDictionary<string, LimitCheck>? _limitsBySize;

    /// <summary>
    /// The limit check, computed once per cached operation: its cost depends on the variables
    /// only through slicing arguments (first: $n), so it is kept per distinct set of their values
    /// (at most 64 per operation; beyond that it is computed per request).
    /// </summary>
    public LimitCheck Limits(IReadOnlyDictionary<string, object?> variables, Func<LimitCheck> check)
    {
        var first = _limits ??= check();
        if (IsConstant || first.SlicingVariables.Count == 0)
        {
            return first;
        }

        var key = string.Join('\u001f', first.SlicingVariables.Select(v => variables.TryGetValue(v, out var value) ? value?.ToString() ?? "\u0000" : "\u0001"));
        _limitsBySize ??= new(StringComparer.Ordinal);
        if (_limitsBySize.TryGetValue(key, out var sized))
        {
            return sized;
        }

        sized = check();
        if (_limitsBySize.Count < MaxLimitChecksPerOperation)
        {
            _limitsBySize.TryAdd(key, sized);
        }

        return sized;
    }
}
