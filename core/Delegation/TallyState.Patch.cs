using System.Numerics;
using System.Runtime.InteropServices;

namespace Governance.Core.Delegation;

/// <summary>How a full tally came by its reverse adjacency.</summary>
internal enum AdjacencySource
{
    /// <summary>Sorted afresh from every member's effective delegation.</summary>
    Rebuilt,

    /// <summary>Kept from the previous tally of the proposal: no delegation changed since.</summary>
    Reused,

    /// <summary>Kept from the previous tally, with the edges of the members whose delegation changed swapped.</summary>
    Patched,
}

/// <summary>
/// Patching the kept reverse adjacency of a one-off full tally. The engine reports every stored
/// delegation; a member whose effective delegation for the kept proposal changed is remembered
/// with the delegation the adjacency still holds. The next tally removes those old edges and
/// adds the current ones in one streaming merge over the CSR — a few milliseconds at 1M members,
/// against about 18 ms to emit and radix-sort every edge again. Past a limit of changed members
/// the merge would cost more than that sort, so the adjacency is dropped and rebuilt instead.
/// </summary>
internal sealed partial class TallyState
{
    // Members whose effective delegation for _adjacencyFor changed since the adjacency was built or
    // patched, each with the delegation the adjacency still holds (its first "before").
    private Dictionary<int, DelegateList> _pending = [];

    /// <summary>The proposal whose reverse adjacency this state keeps for the next full tally, if any.</summary>
    internal ProposalState? KeptAdjacencyProposal => OneOff ? _adjacencyFor : null;

    /// <summary>Drops the kept adjacency: the next full tally rebuilds it.</summary>
    internal void ForgetAdjacency()
    {
        _adjacencyFor = null;
        _pending.Clear();
    }

    /// <summary>
    /// Called by the engine after every stored delegation, with member m's effective delegation for
    /// the kept proposal before and after it and the engine's new delegation version. A version
    /// that did not move by exactly one means a change went unreported (a new member, say): the
    /// adjacency cannot be patched then and is dropped.
    /// </summary>
    internal void OnDelegationStored(int m, DelegateList before, DelegateList after, long version)
    {
        if (_adjacencyFor is null) return;
        if (_adjacencyVersion != version - 1)
        {
            ForgetAdjacency();
            return;
        }

        _adjacencyVersion = version;
        if (before.Equals(after) || _pending.ContainsKey(m)) return;
        if (_pending.Count >= PatchLimit(N))
        {
            ForgetAdjacency();
            return;
        }

        _pending.Add(m, before);
    }

    /// <summary>
    /// Changed members beyond which a rebuild is cheaper: the merge's fixed cost is two streams over
    /// the edges and one over the offsets, and its changes are sorted by comparison, so a sixty-fourth
    /// of the membership (15,625 at 1M) keeps it well under the rebuild's radix sort.
    /// </summary>
    private static int PatchLimit(int members) => Math.Max(64, members >> 6);

    /// <summary>
    /// Applies <see cref="_pending"/> to Offsets/Sources; false (nothing touched) when the buffers lack
    /// room for the grown edge list, in which case the caller rebuilds.
    /// </summary>
    private bool TryPatchReverseAdjacency()
    {
        int n = N;
        var offsets = Offsets;
        var sources = Sources;

        // The old and the new edges of every changed member, packed (delegate << 32 | source) as the
        // rebuild packs them, removals first. Each member has at most three of each.
        int most = _pending.Count * 6;
        if (_pairs.Length < most) _pairs = new long[Math.Max(most, _pairs.Length * 2)];
        var pairs = _pairs;
        int removals = 0;
        foreach (var (m, before) in _pending) removals = Emit(pairs, removals, m, before);
        int additions = removals;
        foreach (var m in _pending.Keys) additions = Emit(pairs, additions, m, _engine.Effective(m, _proposal, out _, out _));
        additions -= removals;

        int oldEdges = offsets[n];
        int newEdges = oldEdges - removals + additions;
        var scratch = MemoryMarshal.Cast<long, int>(_pairs2.AsSpan());
        if (newEdges > sources.Length || newEdges > scratch.Length) return false;

        var gone = pairs.AsSpan(0, removals);
        var added = pairs.AsSpan(removals, additions);
        gone.Sort();
        added.Sort();

        // One merge into the scratch buffer, bucket by bucket in delegate order: untouched runs of
        // buckets move as one block (their offsets shift by how far the write position has moved),
        // a touched bucket keeps its sources minus the removed ones and gains the added ones.
        int write = 0, next = 0, g = 0, a = 0;
        while (g < gone.Length || a < added.Length)
        {
            int y = (int)(Math.Min(g < gone.Length ? gone[g] : long.MaxValue, a < added.Length ? added[a] : long.MaxValue) >> 32);
            write = MoveBlock(sources, scratch, offsets, next, y, write);

            int start = offsets[y], end = offsets[y + 1];
            int g0 = g;
            while (g < gone.Length && (int)(gone[g] >> 32) == y) g++;
            var goneHere = gone[g0..g];
            offsets[y] = write;
            int removedHere = 0;
            for (int e = start; e < end; e++)
            {
                int source = sources[e];
                if (goneHere.Length != 0 && goneHere.BinarySearch(((long)y << 32) | (uint)source) >= 0)
                {
                    removedHere++;
                    continue;
                }

                scratch[write++] = source;
            }

            // Every old edge was emitted by the last rebuild or patch from the same delegation.
            if (removedHere != goneHere.Length)
            {
                throw new InvalidOperationException($"kept reverse adjacency out of step: {goneHere.Length - removedHere} edge(s) to member {y} missing");
            }

            for (; a < added.Length && (int)(added[a] >> 32) == y; a++) scratch[write++] = (int)added[a];
            next = y + 1;
        }

        write = MoveBlock(sources, scratch, offsets, next, n, write);
        offsets[n] = write;
        scratch[..write].CopyTo(sources);
        return true;
    }

    private static int Emit(long[] pairs, int at, int m, DelegateList list)
    {
        long source = (long)m << 2;
        for (int r = 0; r < list.Length; r++) pairs[at++] = ((long)list[r] << 32) | source | (uint)r;
        return at;
    }

    /// <summary>Copies the sources of buckets [from, to) to the write position and shifts their offsets to match.</summary>
    private static int MoveBlock(int[] sources, Span<int> scratch, int[] offsets, int from, int to, int write)
    {
        if (from >= to) return write;
        int start = offsets[from], length = offsets[to] - start;
        sources.AsSpan(start, length).CopyTo(scratch[write..]);
        Shift(offsets.AsSpan(from, to - from), write - start);
        return write + length;
    }

    private static void Shift(Span<int> values, int by)
    {
        if (by == 0) return;
        var vectors = MemoryMarshal.Cast<int, Vector<int>>(values);
        var step = new Vector<int>(by);
        for (int i = 0; i < vectors.Length; i++) vectors[i] += step;
        for (int i = vectors.Length * Vector<int>.Count; i < values.Length; i++) values[i] += by;
    }
}
