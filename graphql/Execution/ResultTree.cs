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

    void SetChild(string? key, int index, object? value);
}

/// <summary>
/// A response object. Keys are inserted in selection order up front and only ever overwritten,
/// never removed, so the dictionary enumerates in selection order (#sec-Serialization-Format
/// "ordered map").
/// </summary>
internal sealed class ResultMap(int capacity, IResultNode? parent, string? parentKey, int parentIndex, bool nonNullInParent)
    : Dictionary<string, object?>(capacity, StringComparer.Ordinal), IResultNode
{
    public IResultNode? Parent { get; } = parent;

    public string? ParentKey { get; } = parentKey;

    public int ParentIndex { get; } = parentIndex;

    public bool NonNullInParent { get; } = nonNullInParent;

    public void SetChild(string? key, int index, object? value) => this[key!] = value;
}

/// <summary>A response list, filled with nulls first and then item by item.</summary>
internal sealed class ResultList(int capacity, IResultNode? parent, string? parentKey, int parentIndex, bool nonNullInParent)
    : List<object?>(capacity), IResultNode
{
    public IResultNode? Parent { get; } = parent;

    public string? ParentKey { get; } = parentKey;

    public int ParentIndex { get; } = parentIndex;

    public bool NonNullInParent { get; } = nonNullInParent;

    public void SetChild(string? key, int index, object? value) => this[index] = value;
}
