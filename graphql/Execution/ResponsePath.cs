namespace Governance.GraphQL.Execution;

/// <summary>
/// The response path of a field (#sec-Errors.Error-Result-Format "path"), as an immutable linked
/// list so each field adds one node instead of copying its parent's path.
/// </summary>
public sealed class ResponsePath
{
    public ResponsePath(ResponsePath? parent, string key)
    {
        Parent = parent;
        Key = key;
        Depth = (parent?.Depth ?? 0) + 1;
    }

    public ResponsePath(ResponsePath? parent, int index)
    {
        Parent = parent;
        Index = index;
        Depth = (parent?.Depth ?? 0) + 1;
    }

    public ResponsePath? Parent { get; }

    /// <summary>The response key, or null for a list index.</summary>
    public string? Key { get; }

    public int Index { get; }

    public int Depth { get; }

    /// <summary>The path as the response writes it: keys as strings, indices as ints.</summary>
    public IReadOnlyList<object> ToList()
    {
        var items = new object[Depth];
        for (var node = this; node is not null; node = node.Parent)
        {
            items[node.Depth - 1] = node.Key ?? (object)node.Index;
        }

        return items;
    }

    public override string ToString() => string.Join(".", ToList());
}
