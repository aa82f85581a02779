namespace Governance.Core.Delegation;

/// <summary>
/// Maps external member ids (database <c>long</c>s) to the dense indices 0..Count-1 the engine's
/// arrays are indexed by, and back. Indices are handed out in order of first registration and
/// never reused, so arrays only grow.
/// </summary>
public sealed class MemberIdMap
{
    private readonly Dictionary<long, int> _index;
    private long[] _ids;

    public MemberIdMap(int capacity = 0)
    {
        _index = new Dictionary<long, int>(capacity);
        _ids = new long[Math.Max(capacity, 4)];
    }

    public int Count { get; private set; }

    public bool TryGetIndex(long memberId, out int index) => _index.TryGetValue(memberId, out index);

    /// <summary>The dense index of a known member; throws for an unknown id.</summary>
    public int IndexOf(long memberId) =>
        _index.TryGetValue(memberId, out var index)
            ? index
            : throw new KeyNotFoundException($"unknown member {memberId}");

    public long IdOf(int index) =>
        (uint)index < (uint)Count ? _ids[index] : throw new ArgumentOutOfRangeException(nameof(index));

    internal int Add(long memberId)
    {
        if (!_index.TryAdd(memberId, Count))
        {
            throw new ArgumentException($"member {memberId} is already registered", nameof(memberId));
        }

        if (Count == _ids.Length)
        {
            Array.Resize(ref _ids, _ids.Length * 2);
        }

        _ids[Count] = memberId;
        return Count++;
    }
}
