using Governance.GraphQL.Execution;
using Governance.GraphQL.Language;

namespace Governance.GraphQL.Types;

/// <summary>Objects and interfaces: named types with fields and implemented interfaces.</summary>
public abstract class FieldsType : NamedType
{
    private Dictionary<string, FieldDefinition> _fields = new(StringComparer.Ordinal);

    protected FieldsType(string name, string? description)
        : base(name, description)
    {
    }

    /// <summary>Fields in declaration order.</summary>
    public IReadOnlyList<FieldDefinition> Fields { get; private set; } = [];

    public IReadOnlyList<InterfaceType> Interfaces { get; internal set; } = [];

    public FieldDefinition? GetField(string name) => _fields.GetValueOrDefault(name);

    internal void SetFields(List<FieldDefinition> fields)
    {
        Fields = fields;
        _fields = new Dictionary<string, FieldDefinition>(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            field.DeclaringType = this;
            _fields.TryAdd(field.Name, field);
        }
    }

    public bool Implements(InterfaceType type) => Interfaces.Contains(type);
}

/// <summary>Object type (#sec-Objects).</summary>
public sealed class ObjectType(string name, string? description = null) : FieldsType(name, description)
{
    public override TypeKind Kind => TypeKind.Object;

    /// <summary>The CLR type bound with <c>SchemaBuilder.BindType</c>; used to resolve abstract types.</summary>
    public Type? ClrType { get; internal set; }

    /// <summary>True when the host bound the type to dictionaries: each field reads its own key.</summary>
    public bool IsDictionaryBound { get; internal set; }
}

/// <summary>Interface type (#sec-Interfaces), which may itself implement interfaces.</summary>
public sealed class InterfaceType(string name, string? description = null) : FieldsType(name, description)
{
    public override TypeKind Kind => TypeKind.Interface;

    /// <summary>Picks the object type of a value at run time (#sec-Value-Completion, ResolveAbstractType).</summary>
    public TypeResolver? ResolveType { get; internal set; }
}

/// <summary>Union type (#sec-Unions).</summary>
public sealed class UnionType(string name, string? description = null) : NamedType(name, description)
{
    public override TypeKind Kind => TypeKind.Union;

    public IReadOnlyList<ObjectType> Types { get; internal set; } = [];

    public TypeResolver? ResolveType { get; internal set; }
}

/// <summary>Enum type (#sec-Enums). Values are represented by their names, as strings.</summary>
public sealed class EnumType : NamedType
{
    private Dictionary<string, EnumValueDefinition> _byName = new(StringComparer.Ordinal);

    public EnumType(string name, string? description = null)
        : base(name, description)
    {
    }

    public override TypeKind Kind => TypeKind.Enum;

    public IReadOnlyList<EnumValueDefinition> Values { get; private set; } = [];

    public EnumValueDefinition? GetValue(string name) => _byName.GetValueOrDefault(name);

    internal void SetValues(List<EnumValueDefinition> values)
    {
        Values = values;
        _byName = new Dictionary<string, EnumValueDefinition>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            _byName.TryAdd(value.Name, value);
        }
    }
}

/// <summary>One value of an enum.</summary>
public sealed class EnumValueDefinition(string name, string? description, string? deprecationReason, EnumValueDefinitionNode? syntax)
{
    public string Name { get; } = name;

    public string? Description { get; } = description;

    public string? DeprecationReason { get; } = deprecationReason;

    public bool IsDeprecated => DeprecationReason is not null;

    public EnumValueDefinitionNode? Syntax { get; } = syntax;
}

/// <summary>Input object type (#sec-Input-Objects); with <c>@oneOf</c> exactly one field must be given (#sec-OneOf-Input-Objects).</summary>
public sealed class InputObjectType : NamedType
{
    private Dictionary<string, InputValueDefinition> _byName = new(StringComparer.Ordinal);

    public InputObjectType(string name, string? description = null)
        : base(name, description)
    {
    }

    public override TypeKind Kind => TypeKind.InputObject;

    public IReadOnlyList<InputValueDefinition> Fields { get; private set; } = [];

    public bool IsOneOf { get; internal set; }

    public InputValueDefinition? GetField(string name) => _byName.GetValueOrDefault(name);

    internal void SetFields(List<InputValueDefinition> fields)
    {
        Fields = fields;
        _byName = new Dictionary<string, InputValueDefinition>(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            _byName.TryAdd(field.Name, field);
        }
    }
}
