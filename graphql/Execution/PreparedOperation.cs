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

    public IReadOnlyList<Errors.GraphQLError>? LimitErrors { get; set; }
}
