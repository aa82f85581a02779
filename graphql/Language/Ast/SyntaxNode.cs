namespace Governance.GraphQL.Language;

/// <summary>
/// The root of every syntax tree node. Nodes are immutable (init-only) and compared by
/// reference: two identical fields in a document are still two selections.
/// </summary>
public abstract class SyntaxNode
{
    public Location Location { get; init; }
}

/// <summary>Document :: Definition+</summary>
public sealed class DocumentNode : SyntaxNode
{
    public required IReadOnlyList<DefinitionNode> Definitions { get; init; }

    /// <summary>How many tokens the parser read; tools that limit documents look at it.</summary>
    public int TokenCount { get; init; }
}

/// <summary>Definition :: ExecutableDefinition | TypeSystemDefinitionOrExtension</summary>
public abstract class DefinitionNode : SyntaxNode
{
}
