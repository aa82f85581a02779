namespace Governance.GraphQL.Language;

/// <summary>Value :: Variable | IntValue | FloatValue | StringValue | BooleanValue | NullValue | EnumValue | ListValue | ObjectValue</summary>
public abstract class ValueNode : SyntaxNode
{
}

/// <summary>Variable :: $ Name</summary>
public sealed class VariableNode : ValueNode
{
    public required string Name { get; init; }
}

/// <summary>IntValue :: IntegerPart — kept as text: its range depends on the type it meets.</summary>
public sealed class IntValueNode : ValueNode
{
    public required string Value { get; init; }
}

/// <summary>FloatValue :: IntegerPart FractionalPart? ExponentPart?</summary>
public sealed class FloatValueNode : ValueNode
{
    public required string Value { get; init; }
}

/// <summary>StringValue :: " StringCharacter* " | BlockString — the cooked value.</summary>
public sealed class StringValueNode : ValueNode
{
    public required string Value { get; init; }

    public bool Block { get; init; }
}

/// <summary>BooleanValue :: true | false</summary>
public sealed class BooleanValueNode : ValueNode
{
    public bool Value { get; init; }
}

/// <summary>NullValue :: null</summary>
public sealed class NullValueNode : ValueNode
{
}

/// <summary>EnumValue :: Name but not true, false or null</summary>
public sealed class EnumValueNode : ValueNode
{
    public required string Value { get; init; }
}

/// <summary>ListValue :: [ ] | [ Value+ ]</summary>
public sealed class ListValueNode : ValueNode
{
    public required IReadOnlyList<ValueNode> Values { get; init; }
}

/// <summary>ObjectValue :: { } | { ObjectField+ }</summary>
public sealed class ObjectValueNode : ValueNode
{
    public required IReadOnlyList<ObjectFieldNode> Fields { get; init; }
}

/// <summary>ObjectField :: Name : Value</summary>
public sealed class ObjectFieldNode : SyntaxNode
{
    public required string Name { get; init; }

    public required ValueNode Value { get; init; }
}
