using Governance.GraphQL.Execution;
using Governance.GraphQL.Language;

namespace Governance.GraphQL.Types;

/// <summary>A field of an object or interface type (#sec-Objects), with the resolver the host bound to it.</summary>
public sealed class FieldDefinition
{
    internal FieldDefinition(string name, string? description, GraphQLType type, IReadOnlyList<InputValueDefinition> arguments, string? deprecationReason, FieldDefinitionNode? syntax)
    {
        Name = name;
        Description = description;
        Type = type;
        Arguments = arguments;
        DeprecationReason = deprecationReason;
        Syntax = syntax;
        ArgumentsByName = arguments.ToDictionary(a => a.Name, StringComparer.Ordinal);
    }

    public string Name { get; }

    public string? Description { get; }

    public GraphQLType Type { get; }

    public IReadOnlyList<InputValueDefinition> Arguments { get; }

    public IReadOnlyDictionary<string, InputValueDefinition> ArgumentsByName { get; }

    public string? DeprecationReason { get; }

    public bool IsDeprecated => DeprecationReason is not null;

    public FieldDefinitionNode? Syntax { get; }

    /// <summary>The type that declares the field; set when the type is assembled.</summary>
    public NamedType DeclaringType { get; internal set; } = null!;

    /// <summary>Produces the field's value; null only on interface fields, which never execute.</summary>
    public FieldResolver? Resolver { get; internal set; }

    /// <summary>
    /// True for the engine's own resolvers that return at once and never keep their context
    /// (property and dictionary getters, introspection): the executor may reuse one context for them.
    /// </summary>
    internal bool HasPureResolver { get; set; }

    /// <summary>
    /// True when the field's value depends only on its parent and arguments, never on who asks
    /// (the context): a pure resolver, a subscription field whose value is the event, or one the
    /// host declared with <see cref="SchemaBuilder.SameForEveryViewer"/>. Subscribers of one
    /// <see cref="Execution.ISharedEvent"/> share a result only when every selected field is so.
    /// </summary>
    internal bool SameForEveryViewer { get; set; }

    /// <summary>For subscription root fields: creates the source stream (#sec-Source-Stream).</summary>
    public SubscriptionResolver? Subscriber { get; internal set; }

    /// <summary>What the field costs (@cost, @listSize), read from its SDL once.</summary>
    internal FieldCost Cost => _cost ??= FieldCost.Of(this);

    private FieldCost? _cost;

    public override string ToString() => DeclaringType?.Name + "." + Name;
}

/// <summary>
/// An argument, input object field or directive argument (#sec-Field-Arguments, #sec-Input-Objects):
/// its default value is kept both as written (for introspection and SDL) and coerced.
/// </summary>
public sealed class InputValueDefinition
{
    internal InputValueDefinition(string name, string? description, GraphQLType type, ValueNode? defaultValueLiteral, string? deprecationReason, InputValueDefinitionNode? syntax)
    {
        Name = name;
        Description = description;
        Type = type;
        DefaultValueLiteral = defaultValueLiteral;
        DeprecationReason = deprecationReason;
        Syntax = syntax;
    }

    public string Name { get; }

    public string? Description { get; }

    public GraphQLType Type { get; }

    /// <summary>The default as SDL wrote it; null when there is none.</summary>
    public ValueNode? DefaultValueLiteral { get; }

    public bool HasDefaultValue => DefaultValueLiteral is not null;

    /// <summary>The default after input coercion; meaningful only when <see cref="HasDefaultValue"/>.</summary>
    public object? DefaultValue { get; internal set; }

    public string? DeprecationReason { get; }

    public bool IsDeprecated => DeprecationReason is not null;

    public InputValueDefinitionNode? Syntax { get; }

    public override string ToString() => Name;
}
