using Governance.GraphQL.Execution;

namespace Governance.GraphQL.Language;

/// <summary>
/// TypeSystemDefinitionOrExtension :: TypeSystemDefinition | TypeSystemExtension. A definition
/// and its extension share every part but the description, so one class per kind carries an
/// <see cref="IsExtension"/> flag instead of doubling the tree.
/// </summary>
public abstract class TypeSystemDefinitionNode : DefinitionNode
{
    public bool IsExtension { get; init; }

    public StringValueNode? Description { get; init; }

    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];
}

/// <summary>
/// SchemaDefinition :: Description? schema Directives[Const]? { RootOperationTypeDefinition+ }
/// SchemaExtension :: extend schema Directives[Const]? { RootOperationTypeDefinition+ } | extend schema Directives[Const]
/// </summary>
public sealed class SchemaDefinitionNode : TypeSystemDefinitionNode
{
    public IReadOnlyList<OperationTypeDefinitionNode> OperationTypes { get; init; } = [];
}

/// <summary>RootOperationTypeDefinition :: OperationType : NamedType</summary>
public sealed class OperationTypeDefinitionNode : SyntaxNode
{
    public OperationType Operation { get; init; }

    public required NamedTypeNode Type { get; init; }
}

/// <summary>TypeDefinition :: ScalarTypeDefinition | ObjectTypeDefinition | InterfaceTypeDefinition | UnionTypeDefinition | EnumTypeDefinition | InputObjectTypeDefinition</summary>
public abstract class TypeDefinitionNode : TypeSystemDefinitionNode
{
    public required string Name { get; init; }
}

/// <summary>ScalarTypeDefinition :: Description? scalar Name Directives[Const]?</summary>
public sealed class ScalarTypeDefinitionNode : TypeDefinitionNode
{
}

/// <summary>Object and interface definitions share ImplementsInterfaces and FieldsDefinition.</summary>
public abstract class FieldsTypeDefinitionNode : TypeDefinitionNode
{
    public IReadOnlyList<NamedTypeNode> Interfaces { get; init; } = [];

    public IReadOnlyList<FieldDefinitionNode> Fields { get; init; } = [];
}

/// <summary>ObjectTypeDefinition :: Description? type Name ImplementsInterfaces? Directives[Const]? FieldsDefinition?</summary>
public sealed class ObjectTypeDefinitionNode : FieldsTypeDefinitionNode
{
}

/// <summary>InterfaceTypeDefinition :: Description? interface Name ImplementsInterfaces? Directives[Const]? FieldsDefinition?</summary>
public sealed class InterfaceTypeDefinitionNode : FieldsTypeDefinitionNode
{
}

/// <summary>FieldDefinition :: Description? Name ArgumentsDefinition? : Type Directives[Const]?</summary>
public sealed class FieldDefinitionNode : SyntaxNode
{
    public StringValueNode? Description { get; init; }

    public required string Name { get; init; }

    public IReadOnlyList<InputValueDefinitionNode> Arguments { get; init; } = [];

    public required TypeNode Type { get; init; }

    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];
}

/// <summary>InputValueDefinition :: Description? Name : Type DefaultValue? Directives[Const]?</summary>
public sealed class InputValueDefinitionNode : SyntaxNode
{
    public StringValueNode? Description { get; init; }

    public required string Name { get; init; }

    public required TypeNode Type { get; init; }

    public ValueNode? DefaultValue { get; init; }

    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];
}

/// <summary>UnionTypeDefinition :: Description? union Name Directives[Const]? UnionMemberTypes?</summary>
public sealed class UnionTypeDefinitionNode : TypeDefinitionNode
{
    public IReadOnlyList<NamedTypeNode> Types { get; init; } = [];
}

/// <summary>EnumTypeDefinition :: Description? enum Name Directives[Const]? EnumValuesDefinition?</summary>
public sealed class EnumTypeDefinitionNode : TypeDefinitionNode
{
    public IReadOnlyList<EnumValueDefinitionNode> Values { get; init; } = [];
}

/// <summary>EnumValueDefinition :: Description? EnumValue Directives[Const]?</summary>
public sealed class EnumValueDefinitionNode : SyntaxNode
{
    public StringValueNode? Description { get; init; }

    public required string Name { get; init; }

    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];
}

/// <summary>InputObjectTypeDefinition :: Description? input Name Directives[Const]? InputFieldsDefinition?</summary>
public sealed class InputObjectTypeDefinitionNode : TypeDefinitionNode
{
    public IReadOnlyList<InputValueDefinitionNode> Fields { get; init; } = [];
}

/// <summary>DirectiveDefinition :: Description? directive @ Name ArgumentsDefinition? repeatable? on DirectiveLocations</summary>
public sealed class DirectiveDefinitionNode : TypeSystemDefinitionNode
{
    public required string Name { get; init; }

    public IReadOnlyList<InputValueDefinitionNode> Arguments { get; init; } = [];

    public bool Repeatable { get; init; }

    public required IReadOnlyList<string> Locations { get; init; }
}
