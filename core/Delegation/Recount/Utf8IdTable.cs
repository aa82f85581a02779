using System.Buffers.Binary;
using System.Text;

namespace Governance.Core.Delegation.Recount;

/// <summary>
/// Member ids of a snapshot keyed by their UTF-8 bytes, for resolving the ~3 million member
/// mentions of a 1M-member snapshot straight from the JSON reader's value span: no string, no
/// transcoding to UTF-16. Open addressing with linear probing; each slot holds the entry's
/// 32-bit hash beside its index, so a probe costs one cache line and a byte comparison only
/// on a full hash match. The ids' bytes sit end to end in one arena. The hash is seeded per
/// table, so a file cannot be crafted against a fixed hash to make lookups quadratic.
/// </summary>
internal sealed class Utf8IdTable
{
    private readonly ulong _seed = (ulong)Random.Shared.NextInt64() | 1;
    private byte[] _arena;
    private int _arenaUsed;
    private int[] _start;       // entry i's bytes are _arena[_start[i].._start[i + 1]]
    private long[] _slots;      // 0 = empty, else ((long)hash << 32) | (uint)(entry + 1)
    private int _mask;

    public Utf8IdTable(int capacity = 16)
    {
        int size = 64;
        while (size < capacity * 2) size <<= 1;
        _slots = new long[size];
        _mask = size - 1;
        _start = new int[Math.Max(capacity, 16) + 1];
        _arena = new byte[Math.Max(capacity, 16) * 8];
    }

    public int Count { get; private set; }

    /// <summary>The entry index of an id, or -1 if it is not in the table.</summary>
    public int Find(ReadOnlySpan<byte> id)
    {
        uint hash = Hash(id);
        long tag = (long)hash << 32;
        for (int s = (int)hash & _mask; ; s = (s + 1) & _mask)
        {
            long slot = _slots[s];
            if (slot == 0) return -1;
            if ((slot & ~0xFFFFFFFFL) == tag)
            {
                int entry = (int)(uint)slot - 1;
                if (_arena.AsSpan(_start[entry], _start[entry + 1] - _start[entry]).SequenceEqual(id)) return entry;
            }
        }
    }

    /// <summary>The id of an entry, as a string (made on demand: the output prints only voters').</summary>
    public string this[int entry] =>
        (uint)entry < (uint)Count
            ? Encoding.UTF8.GetString(_arena, _start[entry], _start[entry + 1] - _start[entry])
            : throw new ArgumentOutOfRangeException(nameof(entry));

    /// <summary>Adds an id as the next entry and returns its index; returns -1 if it is already there.</summary>
    public int Add(string id)
    {
        int max = Encoding.UTF8.GetMaxByteCount(id.Length);
        if (_arenaUsed + max > _arena.Length) Array.Resize(ref _arena, Math.Max(_arena.Length * 2, _arenaUsed + max));
        return Append(Encoding.UTF8.GetBytes(id, _arena.AsSpan(_arenaUsed)));
    }

    /// <summary>Adds an id given as (unescaped, valid) UTF-8; as <see cref="Add(string)"/>.</summary>
    public int Add(ReadOnlySpan<byte> id)
    {
        if (_arenaUsed + id.Length > _arena.Length) Array.Resize(ref _arena, Math.Max(_arena.Length * 2, _arenaUsed + id.Length));
        id.CopyTo(_arena.AsSpan(_arenaUsed));
        return Append(id.Length);
    }

    // The new id's bytes are at the end of the arena, not yet counted in it.
    private int Append(int length)
    {
        var bytes = _arena.AsSpan(_arenaUsed, length);
        uint hash = Hash(bytes);
        if (Find(bytes) >= 0) return -1;

        int entry = Count;
        if (entry + 2 > _start.Length) Array.Resize(ref _start, _start.Length * 2);
        _start[entry] = _arenaUsed;
        _arenaUsed += length;
        _start[entry + 1] = _arenaUsed;
        Count++;
        if (Count * 2 > _slots.Length) Grow();
        else Insert(_slots, _mask, hash, entry);
        return entry;
    }

    private static void Insert(long[] slots, int mask, uint hash, int entry)
    {
        int s = (int)hash & mask;
        while (slots[s] != 0) s = (s + 1) & mask;
        slots[s] = ((long)hash << 32) | (uint)(entry + 1);
    }

    private void Grow()
    {
        var slots = new long[_slots.Length * 2];
        int mask = slots.Length - 1;
        for (int e = 0; e < Count; e++) Insert(slots, mask, Hash(_arena.AsSpan(_start[e], _start[e + 1] - _start[e])), e);
        _slots = slots;
        _mask = mask;
    }

    /// <summary>A multiply-xorshift hash over 8-byte words; never 0 in the upper half's role as a tag.</summary>
    private uint Hash(ReadOnlySpan<byte> bytes)
    {
        const ulong K = 0x9E3779B97F4A7C15;
        ulong h = _seed ^ ((ulong)bytes.Length * K);
        int i = 0;
        for (; i + 8 <= bytes.Length; i += 8)
        {
            h = (h ^ BinaryPrimitives.ReadUInt64LittleEndian(bytes[i..])) * K;
            h ^= h >> 29;
        }

        if (i < bytes.Length)
        {
            ulong tail = 0;
            for (int j = bytes.Length - 1; j >= i; j--) tail = (tail << 8) | bytes[j];
            h = (h ^ tail) * K;
            h ^= h >> 29;
        }

        h *= K;
        return (uint)(h >> 32);
    }
}
