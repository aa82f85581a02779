using System.Globalization;
using Governance.GraphQL.Language;
using Governance.GraphQL.Types;

namespace Governance.GraphQL.Execution;

/// <summary>
/// What a resolver sees: the parent value, the coerced arguments, the host's context object,
/// the cancellation token, the response path, and the request's data loaders.
/// </summary>
public sealed class ResolveContext
{
    private readonly ExecutionState _state;
    private ResponsePath? _pathParent;
    private string _key = "";
    private ResponsePath? _path;

    internal ResolveContext(
        ExecutionState state,
        object? parent,
        ObjectType parentType,
        FieldDefinition field,
        IReadOnlyList<FieldNode> fieldNodes,
        IReadOnlyDictionary<string, object?> arguments,
        ResponsePath? pathParent,
        string key)
    {
        _state = state;
        Reset(parent, parentType, field, fieldNodes, arguments, pathParent, key);
    }

    public object? Parent { get; private set; }

    public ObjectType ParentType { get; private set; } = null!;

    public FieldDefinition Field { get; private set; } = null!;

    /// <summary>The field's nodes in the document: more than one when selections merge.</summary>
    public IReadOnlyList<FieldNode> FieldNodes { get; private set; } = [];

    /// <summary>The coerced arguments (#sec-Coercing-Field-Arguments); absent arguments without default are missing.</summary>
    public IReadOnlyDictionary<string, object?> Arguments { get; private set; } = null!;

    /// <summary>The field's response path, made on first use: most resolvers never ask.</summary>
    public ResponsePath Path => _path ??= new ResponsePath(_pathParent, _key);

    /// <summary>
    /// Points the context at another field. The executor reuses one context for resolvers it
    /// knows never keep it (property getters, introspection), which saves an allocation per field.
    /// </summary>
    internal void Reset(object? parent, ObjectType parentType, FieldDefinition field, IReadOnlyList<FieldNode> fieldNodes, IReadOnlyDictionary<string, object?> arguments, ResponsePath? pathParent, string key)
    {
        Parent = parent;
        ParentType = parentType;
        Field = field;
        FieldNodes = fieldNodes;
        Arguments = arguments;
        _pathParent = pathParent;
        _key = key;
        _path = null;
    }

    /// <summary>The host's per-request context object, as passed to ExecuteAsync.</summary>
    public object? Context => _state.UserContext;

    public CancellationToken CancellationToken => _state.CancellationToken;

    public Schema Schema => _state.Schema;

    public IReadOnlyDictionary<string, object?> Variables => _state.Variables;

    /// <summary>The parent value as the type the resolver expects.</summary>
    public T ParentAs<T>() => (T)Parent!;

    public bool HasArgument(string name) => Arguments.ContainsKey(name);

    /// <summary>
    /// An argument converted to <typeparamref name="T"/>: scalars (Int arrives as int, Float as
    /// double), enums to C# enums, and input objects and lists bound to records, classes, arrays
    /// and lists by <see cref="InputBinder"/> (plan made once per type; a record that does not
    /// fit throws on first use, naming each field). Default when the argument is absent or null.
    /// </summary>
    public T? Argument<T>(string name)
    {
        if (!Arguments.TryGetValue(name, out var value) || value is null)
        {
            return default;
        }

        if (value is T typed)
        {
            return typed;
        }

        if (value is IReadOnlyDictionary<string, object?> or IReadOnlyList<object?> && Field.ArgumentsByName.TryGetValue(name, out var definition))
        {
            return (T?)InputBinder.PlanFor(definition.Type, typeof(T), $"{Field}({name}:)")(value);
        }

        return ConvertTo<T>(value);
    }

    /// <summary>
    /// The argument <c>input</c> (the Relay mutation convention) bound to <typeparamref name="T"/>;
    /// throws naming the field when the field has no such argument or the client left it out.
    /// </summary>
    public T Input<T>()
        where T : class =>
        Argument<T>("input") ?? throw new InvalidOperationException(
            Field.ArgumentsByName.ContainsKey("input")
                ? $"{Field} was given no input."
                : $"{Field} has no argument \"input\"; use Argument<{typeof(T).Name}>(name).");

    /// <summary>
    /// The request's data loader under <paramref name="key"/>, created on first use. Loads are
    /// batched until the executor runs out of other work, then the batch function runs once.
    /// </summary>
    public DataLoader<TKey, TValue> DataLoader<TKey, TValue>(string key, BatchLoadFunction<TKey, TValue> batch)
        where TKey : notnull => _state.DataLoaders.GetOrAdd(key, batch);

    private static T ConvertTo<T>(object value)
    {
        if (value is T typed)
        {
            return typed;
        }

        var target = Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T);
        if (target.IsEnum && value is string name)
        {
            return (T)EnumNames.Parse(target, name);
        }

        return (T)Convert.ChangeType(value, target, CultureInfo.InvariantCulture);
    }
}
