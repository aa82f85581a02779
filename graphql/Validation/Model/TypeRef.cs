namespace Governance.GraphQL.Validation.Model;

/// <summary>
/// A type as a position in the document sees it: a named type, a list of a type or a non-null
/// type (#sec-Wrapping-Types). Wrappers compare by structure, named types by identity.
/// </summary>
internal abstract class TypeRef : IEquatable<TypeRef>
{
    /// <summary>The innermost named type: <c>[Int!]!</c> names Int.</summary>
    public abstract NamedType Named { get; }

    /// <summary>This type without its outer non-null wrapper, if any.</summary>
    public TypeRef Nullable => this is NonNullTypeRef nonNull ? nonNull.OfType : this;

    public bool IsNonNull => this is NonNullTypeRef;

    public bool IsList => this is ListTypeRef;

    /// <summary>#sec-Input-and-Output-Types: scalars, enums, input objects and wrappers of them.</summary>
    public bool IsInputType => Named.Kind is TypeKind.Scalar or TypeKind.Enum or TypeKind.InputObject;

    public bool IsOutputType => Named.Kind is not TypeKind.InputObject;

    public abstract bool Equals(TypeRef? other);

    public override bool Equals(object? obj) => obj is TypeRef other && Equals(other);

    public abstract override int GetHashCode();
}

/// <summary><c>[T]</c></summary>
internal sealed class ListTypeRef(TypeRef ofType) : TypeRef
{
    public TypeRef OfType { get; } = ofType;

    public override NamedType Named => OfType.Named;

    public override bool Equals(TypeRef? other) => other is ListTypeRef list && OfType.Equals(list.OfType);

    public override int GetHashCode() => HashCode.Combine(1, OfType);

    public override string ToString() => $"[{OfType}]";
}

/// <summary><c>T!</c></summary>
internal sealed class NonNullTypeRef(TypeRef ofType) : TypeRef
{
    public TypeRef OfType { get; } = ofType;

    public override NamedType Named => OfType.Named;

    public override bool Equals(TypeRef? other) => other is NonNullTypeRef nonNull && OfType.Equals(nonNull.OfType);

    public override int GetHashCode() => HashCode.Combine(2, OfType);

    public override string ToString() => $"{OfType}!";
}
