namespace Governance.GraphQL.Validation.Model;

internal enum TypeKind
{
    Scalar,
    Object,
    Interface,
    Union,
    Enum,
    InputObject,
}

/// <summary>
/// A named type with exactly what validation asks of it (#sec-Types): its fields and their
/// arguments, the interfaces it implements, its possible types, enum values, input fields.
/// </summary>
internal sealed class NamedType(string name, TypeKind kind) : TypeRef
{
    public string Name { get; } = name;

    public TypeKind Kind { get; } = kind;

    /// <summary>Fields of an object or interface, in definition order.</summary>
    public Dictionary<string, FieldDef> Fields { get; } = new(StringComparer.Ordinal);

    public List<NamedType> Interfaces { get; } = [];

    /// <summary>The object types a value of this type may have at runtime (#sec-Union, #sec-Interfaces).</summary>
    public HashSet<NamedType> PossibleTypes { get; } = [];

    public Dictionary<string, EnumValueDef> EnumValues { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, InputValueDef> InputFields { get; } = new(StringComparer.Ordinal);

    /// <summary>A custom scalar's own literal check; null accepts any literal (#sec-Scalars.Input-Coercion).</summary>
    public Func<Language.ValueNode, bool>? AcceptsLiteral { get; set; }

    /// <summary>#sec-OneOf-Input-Objects: exactly one field, not null.</summary>
    public bool IsOneOf { get; set; }

    public bool IsComposite => Kind is TypeKind.Object or TypeKind.Interface or TypeKind.Union;

    public bool IsAbstract => Kind is TypeKind.Interface or TypeKind.Union;

    public bool IsLeaf => Kind is TypeKind.Scalar or TypeKind.Enum;

    public override NamedType Named => this;

    public override bool Equals(TypeRef? other) => ReferenceEquals(this, other);

    public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this);

    public override string ToString() => Name;
}

/// <summary>A field of an object or interface type.</summary>
internal sealed class FieldDef(string name, TypeRef type)
{
    public string Name { get; } = name;

    public TypeRef Type { get; } = type;

    public Dictionary<string, InputValueDef> Arguments { get; } = new(StringComparer.Ordinal);
}

/// <summary>An argument, or a field of an input object type.</summary>
internal sealed class InputValueDef(string name, TypeRef type, Language.ValueNode? defaultValue)
{
    public string Name { get; } = name;

    public TypeRef Type { get; } = type;

    public Language.ValueNode? DefaultValue { get; } = defaultValue;

    public bool HasDefault => DefaultValue is not null;

    /// <summary>#sec-Required-Arguments: non-null and without a default.</summary>
    public bool IsRequired => Type.IsNonNull && DefaultValue is null;
}

internal sealed record EnumValueDef(string Name, bool IsDeprecated);

/// <summary>A directive definition (#sec-Type-System.Directives).</summary>
internal sealed class DirectiveDef(string name, bool isRepeatable, IReadOnlySet<string> locations)
{
    public string Name { get; } = name;

    public bool IsRepeatable { get; } = isRepeatable;

    /// <summary>Location names as the grammar spells them: QUERY, FIELD, VARIABLE_DEFINITION, …</summary>
    public IReadOnlySet<string> Locations { get; } = locations;

    public Dictionary<string, InputValueDef> Arguments { get; } = new(StringComparer.Ordinal);
}
