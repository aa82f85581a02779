using Governance.GraphQL.Language;

namespace Governance.GraphQL.Execution;

/// <summary>A parsed, validated document with its selected operation and its fragments by name.</summary>
public sealed class PreparedOperation : IPreparedOperation
{
    internal PreparedOperation(DocumentNode document, OperationDefinitionNode definition, IReadOnlyDictionary<string, FragmentDefinitionNode> fragments)
    {
        Document = document;
        Definition = definition;
        Fragments = fragments;
    }

    public DocumentNode Document { get; }

    public OperationDefinitionNode Definition { get; }

    public IReadOnlyDictionary<string, FragmentDefinitionNode> Fragments { get; }

    public OperationType OperationType => Definition.Operation;

    public string? OperationName => Definition.Name;
}
