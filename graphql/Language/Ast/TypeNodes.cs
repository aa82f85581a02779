namespace Governance.GraphQL.Language;

/// <summary>Type :: NamedType | ListType | NonNullType</summary>
public abstract class TypeNode : SyntaxNode
{
    /// <summary>The innermost named type: `[Int!]!` names Int.</summary>
    public abstract NamedTypeNode NamedType { get; }
}

/// <summary>NamedType :: Name</summary>
public sealed class NamedTypeNode : TypeNode
{
    public required string Name { get; init; }

    public override NamedTypeNode NamedType => this;
}

/// <summary>ListType :: [ Type ]</summary>
public sealed class ListTypeNode : TypeNode
{
    public required TypeNode Type { get; init; }

    public override NamedTypeNode NamedType => Type.NamedType;
}

/// <summary>NonNullType :: NamedType ! | ListType !</summary>
public sealed class NonNullTypeNode : TypeNode
{
    public required TypeNode Type { get; init; }

    public override NamedTypeNode NamedType => Type.NamedType;
}
