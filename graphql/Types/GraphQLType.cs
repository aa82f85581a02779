namespace Governance.GraphQL.Types;

/// <summary>The kinds of #sec-Schema-Introspection's __TypeKind, in the spec's order.</summary>
public enum TypeKind
{
    Scalar,
    Object,
    Interface,
    Union,
    Enum,
    InputObject,
    List,
    NonNull,
}

/// <summary>Any type a field, argument or variable can have: a named type or a list/non-null wrapper (#sec-Types).</summary>
public abstract class GraphQLType
{
    public abstract TypeKind Kind { get; }

    /// <summary>The named type under every wrapper (graphql-js getNamedType).</summary>
    public abstract NamedType GetNamedType();

    public bool IsNonNull => Kind == TypeKind.NonNull;

    /// <summary>The type without its outer non-null wrapper.</summary>
    public GraphQLType Nullable => this is NonNullType n ? n.OfType : this;

    /// <summary>#sec-Input-and-Output-Types: scalars, enums and input objects (wrapped or not) are input types.</summary>
    public bool IsInputType => GetNamedType().Kind is TypeKind.Scalar or TypeKind.Enum or TypeKind.InputObject;

    /// <summary>Everything but input objects may be the type of a field.</summary>
    public bool IsOutputType => GetNamedType().Kind is not TypeKind.InputObject;

    /// <summary>The type as SDL writes it: <c>[Int!]!</c>.</summary>
    public abstract override string ToString();
}

/// <summary>ListType: a list of <see cref="OfType"/> (#sec-List).</summary>
public sealed class ListType(GraphQLType ofType) : GraphQLType
{
    public GraphQLType OfType { get; } = ofType;

    public override TypeKind Kind => TypeKind.List;

    public override NamedType GetNamedType() => OfType.GetNamedType();

    public override string ToString() => "[" + OfType + "]";
}

/// <summary>NonNullType: <see cref="OfType"/> that may not be null (#sec-Non-Null).</summary>
public sealed class NonNullType(GraphQLType ofType) : GraphQLType
{
    public GraphQLType OfType { get; } = ofType;

    public override TypeKind Kind => TypeKind.NonNull;

    public override NamedType GetNamedType() => OfType.GetNamedType();

    public override string ToString() => OfType + "!";
}

/// <summary>A type with a name: scalar, object, interface, union, enum or input object.</summary>
public abstract class NamedType : GraphQLType
{
    protected NamedType(string name, string? description)
    {
        Name = name;
        Description = description;
    }

    public string Name { get; }

    public string? Description { get; internal set; }

    public override NamedType GetNamedType() => this;

    /// <summary>Objects, interfaces and unions have selection sets; the spec calls them composite.</summary>
    public bool IsComposite => Kind is TypeKind.Object or TypeKind.Interface or TypeKind.Union;

    public bool IsAbstract => Kind is TypeKind.Interface or TypeKind.Union;

    public bool IsLeaf => Kind is TypeKind.Scalar or TypeKind.Enum;

    public override string ToString() => Name;
}
