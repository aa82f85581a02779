namespace Governance.GraphQL.Execution;

/// <summary>
/// An input field that may be omitted, given as null, or given a value: the three states the
/// spec keeps apart (#sec-Input-Objects.Input-Coercion) and a plain nullable member cannot.
/// Bind a record member as <c>Optional&lt;string?&gt;</c> where "left out" and "cleared" mean different things.
/// </summary>
public readonly record struct Optional<T>
{
    private readonly T _value;

    public Optional(T value)
    {
        _value = value;
        HasValue = true;
    }

    /// <summary>True when the client gave the field, even as an explicit null.</summary>
    public bool HasValue { get; }

    /// <summary>The given value; reading it on an omitted field is a bug in the resolver.</summary>
    public T Value => HasValue ? _value : throw new InvalidOperationException("The input field was omitted; check HasValue first.");

    /// <summary>The given value, or <paramref name="fallback"/> when the field was omitted.</summary>
    public T GetValueOrDefault(T fallback) => HasValue ? _value : fallback;

    public override string ToString() => HasValue ? _value?.ToString() ?? "null" : "(omitted)";
}
