namespace Governance.GraphQL.Execution;

/// <summary>
/// A node of the response being built: it knows its slot in its parent so a null in a
/// non-null position can travel up to the nearest nullable parent (#sec-Handling-Execution-Errors),
/// even when the value arrives asynchronously after the parent was written.
/// </summary>
internal interface IResultNode
{
    IResultNode? Parent { get; }

    string? ParentKey { get; }

    int ParentIndex { get; }

    /// <summary>Whether the slot this node sits in is of non-null type.</summary>
    bool NonNullInParent { get; }

    /// <summary>Set when a null travelled through this node: its remaining fields or items need not run.</summary>
    bool IsNulled { get; set; }

    void SetChild(string? key, int index, object? value);
}

/// <summary>
/// A response object (#sec-Serialization-Format "ordered map"): the keys are the selection's
/// response keys, shared by every object of the same selection, in selection order; only the
/// values are per object. Nothing is ever removed, so enumeration order is selection order.
/// </summary>
internal sealed class ResultMap(string[] keys, IResultNode? parent, string? parentKey, int parentIndex, bool nonNullInParent)
    : IReadOnlyDictionary<string, object?>, IResultNode
{
    private readonly object?[] _values = new object?[keys.Length];

    public IResultNode? Parent { get; } = parent;

    public string? ParentKey { get; } = parentKey;

    public int ParentIndex { get; } = parentIndex;

    public bool NonNullInParent { get; } = nonNullInParent;

    public bool IsNulled { get; set; }

    public int Count => keys.Length;

    public IEnumerable<string> Keys => keys;

    public IEnumerable<object?> Values => _values;

    public object? this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);

    public void SetChild(string? key, int index, object? value) => _values[index] = value;

    public bool ContainsKey(string key) => Array.IndexOf(keys, key) >= 0;

    public bool TryGetValue(string key, out object? value)
    {
        var index = Array.IndexOf(keys, key);
        value = index >= 0 ? _values[index] : null;
        return index >= 0;
    }

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        for (var i = 0; i < keys.Length; i++)
        {
            yield return new KeyValuePair<string, object?>(keys[i], _values[i]);
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>A response list, filled with nulls first and then item by item.</summary>
internal sealed class ResultList(int capacity, IResultNode? parent, string? parentKey, int parentIndex, bool nonNullInParent)
    : List<object?>(capacity), IResultNode
{
    public IResultNode? Parent { get; } = parent;

    public string? ParentKey { get; } = parentKey;

    public int ParentIndex { get; } = parentIndex;

    public bool NonNullInParent { get; } = nonNullInParent;

    public bool IsNulled { get; set; }

    public void SetChild(string? key, int index, object? value) => this[index] = value;
}
