using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Governance.Core.Delegation;

/// <summary>
/// The resolved delegation graph of one proposal: who carries whose weight, at how many hops.
/// Built in one pass (<see cref="Build"/>) and, for a live tally, kept in step incrementally
/// (TallyState.Live.cs). Weights are fixed-point integers so that any order of additions and
/// removals gives bit-identical sums: incremental updates equal a full recount exactly.
/// </summary>
internal sealed partial class TallyState
{
    internal const byte Eligible = 1;
    internal const byte Voter = 2;
    internal const byte InSet = 4;
    internal const byte Overridden = 8;
    internal const byte Settled = 16;
    internal const byte HasProposal = 32;
    internal const byte EligibleVoter = Eligible | Voter;

    /// <summary>One member's weight is 2^40 units: α^h rounds to 1e-12, and 1M members still fit a long.</summary>
    internal const long Unit = 1L << 40;

    private readonly DelegationEngine _engine;
    private readonly ProposalState _proposal;
    private long[] _q = [Unit];
    private int[] _queue = [];
    private readonly Stack<int> _freeSlots = new();

    public TallyState(DelegationEngine engine, ProposalState proposal, TallyPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (policy.Problem() is string problem) throw new ArgumentException(problem, nameof(policy));
        _engine = engine;
        _proposal = proposal;
        Policy = policy;
    }

    public TallyPolicy Policy { get; }

    internal ProposalState Proposal => _proposal;

    internal int N { get; private set; }

    // Reverse adjacency in CSR form: the members whose effective delegation names y are
    // Sources[Offsets[y]..Offsets[y+1]] >> 2, each with the rank it gave y in the low two bits.
    internal int[] Offsets { get; private set; } = [];

    internal int[] Sources { get; private set; } = [];

    /// <summary>
    /// Set for one-off full tallies: <see cref="Build"/> keeps its sort buffers and the reverse
    /// adjacency for the next tally of the same proposal, which reuses it as it is when no
    /// delegation changed in between and patches it when a few did (TallyState.Patch.cs). The
    /// adjacency holds every edge — also those of voters and of members without a voting
    /// right, which the pass never follows — so that votes and voting rights can change without
    /// touching it. Live tallies (and reports) free the buffers.
    /// </summary>
    internal bool OneOff { get; init; }

    // Which proposal and delegation version (DelegationEngine.DelegationVersion) Offsets/Sources
    // stand for, once _pending is applied (one-off tallies only).
    private ProposalState? _adjacencyFor;
    private long _adjacencyVersion;

    /// <summary>How the last <see cref="Build"/> came by its reverse adjacency (for tests and benchmarks).</summary>
    internal AdjacencySource LastAdjacency { get; private set; }

    // Sort scratch: (delegate << 32) | (member << 2 | rank), one long per edge, so each radix
    // bucket is one write stream rather than two.
    private long[] _pairs = [];
    private long[] _pairs2 = [];

    // Per member, split by temperature: the passes stream Flags (1 byte) and probe Hop (4 bytes)
    // for every edge, so those two arrays stay small enough for the cache; Carrier is written
    // once per member reached; Slot and Choice are touched only for voters.
    internal byte[] Flags { get; private set; } = [];

    /// <summary>(hops to the carrying voter &lt;&lt; 2) | rank of the first hop; -1 when not reached.</summary>
    internal int[] Hop { get; private set; } = [];

    /// <summary>The carrying voter's slot; meaningful only where Hop ≥ 0.</summary>
    internal int[] Carrier { get; private set; } = [];

    /// <summary>A voter's own slot; meaningful only for eligible voters.</summary>
    internal int[] Slot { get; private set; } = [];

    /// <summary>0 = no vote, else a <see cref="VoteChoice"/>, whether or not it counts.</summary>
    internal byte[] Choice { get; private set; } = [];

    // Voters get dense slots so that the weights being summed stay in cache; Carrier points at a slot.
    internal int[] SlotMember { get; private set; } = [];

    internal long[] SlotWeight { get; private set; } = [];

    internal byte[] SlotChoice { get; private set; } = [];

    private int _slotCount;
    private bool _slotsInMemberOrder;

    internal long[] Totals { get; } = new long[4];

    internal int EligibleCount { get; private set; }

    internal int VoterCount { get; private set; }

    internal int Represented { get; private set; }

    internal int Unrepresented { get; private set; }

    /// <summary>Takes over another state's arrays, so repeated full tallies do not reallocate megabytes.</summary>
    internal void Adopt(TallyState? spare)
    {
        if (spare is null) return;
        Flags = spare.Flags;
        Hop = spare.Hop;
        Carrier = spare.Carrier;
        Slot = spare.Slot;
        Choice = spare.Choice;
        Offsets = spare.Offsets;
        Sources = spare.Sources;
        _pairs = spare._pairs;
        _pairs2 = spare._pairs2;
        _queue = spare._queue;
        _adjacencyFor = spare._adjacencyFor;
        _adjacencyVersion = spare._adjacencyVersion;
        _pending = spare._pending;
        SlotMember = spare.SlotMember;
        SlotWeight = spare.SlotWeight;
        SlotChoice = spare.SlotChoice;
    }

    /// <summary>Rebuilds everything from the engine: reverse adjacency, then the breadth-first resolution.</summary>
    internal void Build()
    {
        int n = _engine.MemberCount;
        N = n;
        long version = _engine.DelegationVersion;
        bool kept = OneOff && ReferenceEquals(_adjacencyFor, _proposal) && _adjacencyVersion == version
            && Flags.Length == n && Offsets.Length == n + 1;
        if (Flags.Length != n)
        {
            Flags = new byte[n];
            Hop = new int[n];
            Carrier = new int[n];
            Slot = new int[n];
            Choice = new byte[n];
            Offsets = new int[n + 1];
            _queue = new int[n];
        }
        else
        {
            Array.Clear(Choice);
        }

        var flags = Flags;
        _engine.CopyVotingRights(flags, Eligible);
        foreach (var (m, choice) in _proposal.Votes)
        {
            Choice[m] = (byte)choice;
            if ((flags[m] & Eligible) != 0) flags[m] |= Voter;
        }

        if (kept && _pending.Count == 0)
        {
            LastAdjacency = AdjacencySource.Reused;
        }
        else if (kept && TryPatchReverseAdjacency())
        {
            LastAdjacency = AdjacencySource.Patched;
        }
        else
        {
            foreach (var m in _proposal.Delegations.Keys) flags[m] |= HasProposal;
            BuildReverseAdjacency();
            foreach (var m in _proposal.Delegations.Keys) flags[m] &= unchecked((byte)~HasProposal);
            _adjacencyFor = OneOff ? _proposal : null;
            _adjacencyVersion = version;
            LastAdjacency = AdjacencySource.Rebuilt;
        }

        _pending.Clear();

        ResetOverlay();
        Solve();
    }

    /// <summary>Re-resolves from the current adjacency; lets a benchmark time the passes separately.</summary>
    internal void SolveAgain() => Solve();

    /// <summary>
    /// Reverse adjacency by a two-digit LSD radix sort of (delegate, source) pairs: every pass
    /// streams through memory, where a counting sort's scattered increments would miss the cache
    /// once per edge. Sources hold (member &lt;&lt; 2 | rank) so the rank costs no second array.
    /// </summary>
    private void BuildReverseAdjacency()
    {
        int n = N;
        var flags = Flags;
        var pairs = _pairs;
        int edges = 0;
        // Every edge, also of voters and of members without a voting right: votes and rights
        // change without a rebuild (a live tally updates in place; a one-off one reuses it).
        for (int x = 0; x < n; x++)
        {
            var list = ListForBuild(x, flags[x]);
            int length = list.Length;
            if (length == 0) continue;
            if (edges + 3 > pairs.Length)
            {
                Array.Resize(ref pairs, Math.Max(pairs.Length * 2, Math.Max(16, n * 2)));
            }

            long source = (long)x << 2;
            pairs[edges++] = ((long)list.D0 << 32) | source;
            if (length == 1) continue;
            pairs[edges++] = ((long)list.D1 << 32) | source | 1;
            if (length == 2) continue;
            pairs[edges++] = ((long)list.D2 << 32) | source | 2;
        }

        if (Sources.Length < edges) Sources = new int[pairs.Length];
        if (_pairs2.Length < edges) _pairs2 = new long[pairs.Length];

        int bits = Math.Max(2, 32 - int.LeadingZeroCount(Math.Max(n - 1, 1)));
        int low = bits / 2;
        Scatter(pairs, _pairs2, edges, shift: 32, (1 << low) - 1);
        Scatter(_pairs2, pairs, edges, shift: 32 + low, (1 << (bits - low)) - 1);
        var offsets = Offsets;
        var sources = Sources;
        Array.Clear(offsets);
        for (int e = 0; e < edges; e++)
        {
            long pair = pairs[e];
            sources[e] = (int)pair;
            offsets[(int)(pair >> 32) + 1]++;
        }

        for (int y = 0; y < n; y++) offsets[y + 1] += offsets[y];

        // A full-tally state keeps its scratch for the next rebuild; a live one lets it go.
        if (OneOff)
        {
            _pairs = pairs;
        }
        else
        {
            _pairs = _pairs2 = [];
        }
    }

    private static void Scatter(long[] from, long[] to, int count, int shift, int mask)
    {
        var starts = new int[mask + 2];
        for (int e = 0; e < count; e++) starts[((int)(from[e] >> shift) & mask) + 1]++;
        for (int d = 0; d <= mask; d++) starts[d + 1] += starts[d];
        for (int e = 0; e < count; e++)
        {
            long pair = from[e];
            to[starts[(int)(pair >> shift) & mask]++] = pair;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private DelegateList ListForBuild(int x, byte flags) =>
        (flags & HasProposal) != 0 ? _proposal.Delegations[x] : _engine.Inherited(x, _proposal, out _);

    /// <summary>
    /// The breadth-first resolution (DESIGN §3), backwards from all voters at once. A level-by-level
    /// FIFO gives each member the fewest hops; among delegates on that level its lowest rank wins,
    /// and since a member's next hop is fixed before its own level is expanded, its carrier is
    /// final when it is dequeued — so the lexicographic rank rule costs no second pass, and the
    /// member's weight can be credited right there.
    /// </summary>
    private void Solve()
    {
        int n = N;
        var flags = Flags;
        var hop = Hop;
        var carrier = Carrier;
        var offsets = Offsets;
        var sources = Sources;
        var queue = _queue;
        int eligible = 0, tail = 0;
        for (int x = 0; x < n; x++)
        {
            byte f = flags[x];
            if ((f & Eligible) == 0)
            {
                // -2 marks "never reachable" so the inner loop needs no second array: hop alone
                // says unreached (-1), settled or not eligible (DistOf still reads -1).
                hop[x] = -2;
                continue;
            }

            hop[x] = -1;
            eligible++;
            if ((f & Voter) != 0) queue[tail++] = x;
        }

        // Slots in member order, so the result lists voters in registration order without sorting.
        if (SlotMember.Length < tail)
        {
            int size = tail + (tail >> 3) + 16;
            SlotMember = new int[size];
            SlotWeight = new long[size];
            SlotChoice = new byte[size];
        }

        _freeSlots.Clear();
        _slotCount = tail;
        _slotsInMemberOrder = true;
        for (int s = 0; s < tail; s++)
        {
            int x = queue[s];
            hop[x] = 0;
            carrier[x] = s;
            Slot[x] = s;
            SlotMember[s] = x;
            SlotChoice[s] = Choice[x];
            SlotWeight[s] = 0;
        }

        // The hot loop runs once per edge reached (over a million at 1M members) and probes Hop at
        // a random member: it reads through refs without bounds checks. Every index is in range by
        // construction: y and x are member indices < n (Sources holds member << 2 | rank), e lies
        // in Offsets[y]..Offsets[y+1] ≤ Sources.Length, tail ≤ n = queue.Length since each member
        // is enqueued once (hop leaves -1 on enqueue), and c < _slotCount ≤ SlotWeight.Length.
        if (offsets.Length < n + 1 || hop.Length < n || carrier.Length < n || queue.Length < n || offsets[n] > sources.Length)
        {
            throw new InvalidOperationException("tally arrays out of step with the membership");
        }

        ref long weight = ref MemoryMarshal.GetArrayDataReference(SlotWeight);
        ref int hop0 = ref MemoryMarshal.GetArrayDataReference(hop);
        ref int carrier0 = ref MemoryMarshal.GetArrayDataReference(carrier);
        ref int queue0 = ref MemoryMarshal.GetArrayDataReference(queue);
        ref int offsets0 = ref MemoryMarshal.GetArrayDataReference(offsets);
        ref int sources0 = ref MemoryMarshal.GetArrayDataReference(sources);
        int represented = 0;
        int dist = 0;
        for (int head = 0, levelEnd = tail; head < tail; dist++, levelEnd = tail)
        {
            // Level by level: every member dequeued here is at `dist` hops, so Hop[y] is not read.
            long q = Q(dist);
            int next = (dist + 1) << 2;
            for (; head < levelEnd; head++)
            {
                int y = Unsafe.Add(ref queue0, head);
                int c = Unsafe.Add(ref carrier0, y);
                Unsafe.Add(ref weight, c) += q;
                int end = Unsafe.Add(ref offsets0, y + 1);
                for (int e = Unsafe.Add(ref offsets0, y); e < end; e++)
                {
                    int source = Unsafe.Add(ref sources0, e);
                    int x = source >> 2;
                    int candidate = next | (source & 3);
                    ref int h = ref Unsafe.Add(ref hop0, x);

                    // Voters sit at 0 and members without a voting right at -2: neither matches.
                    if (h == -1)
                    {
                        h = candidate;
                        Unsafe.Add(ref carrier0, x) = c;
                        Unsafe.Add(ref queue0, tail++) = x;
                        represented++;
                    }
                    else if ((h & ~3) == next && candidate < h)
                    {
                        h = candidate;
                        Unsafe.Add(ref carrier0, x) = c;
                    }
                }
            }
        }

        Array.Clear(Totals);
        for (int s = 0; s < _slotCount; s++) Totals[SlotChoice[s]] += SlotWeight[s];
        EligibleCount = eligible;
        VoterCount = _slotCount;
        Represented = represented;
        Unrepresented = eligible - _slotCount - represented;
    }

    /// <summary>Hops from a member to its carrying voter, -1 when it reaches none.</summary>
    internal int DistOf(int x) => Hop[x] >> 2;

    /// <summary>Adds one member's weight to its carrier and to the counts.</summary>
    private void Contribute(int x)
    {
        byte f = Flags[x];
        if ((f & Eligible) == 0) return;
        EligibleCount++;
        if (Hop[x] < 0)
        {
            Unrepresented++;
            return;
        }

        int c = Carrier[x];
        long w = Q(Hop[x] >> 2);
        SlotWeight[c] += w;
        Totals[SlotChoice[c]] += w;
        if ((f & Voter) != 0) VoterCount++;
        else Represented++;
    }

    /// <summary>Exactly undoes <see cref="Contribute"/> for the member's current state.</summary>
    private void Withdraw(int x)
    {
        byte f = Flags[x];
        if ((f & Eligible) == 0) return;
        EligibleCount--;
        if (Hop[x] < 0)
        {
            Unrepresented--;
            return;
        }

        int c = Carrier[x];
        long w = Q(Hop[x] >> 2);
        SlotWeight[c] -= w;
        Totals[SlotChoice[c]] -= w;
        if ((f & Voter) != 0) VoterCount--;
        else Represented--;
    }

    /// <summary>α^hops in units, rounded once per hop count so that every sum is exact and order-free.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private long Q(int hops) => hops < _q.Length ? _q[hops] : GrowQ(hops);

    private long GrowQ(int hops)
    {
        var q = new long[Math.Max(hops + 1, _q.Length * 2)];
        for (int h = 0; h < q.Length; h++)
        {
            q[h] = Policy.Viscosity == 1.0 ? Unit : (long)Math.Round(Math.Pow(Policy.Viscosity, h) * Unit);
        }

        _q = q;
        return q[hops];
    }

    internal static double ToWeight(long units) => units / (double)Unit;

    /// <summary>Carried weight of a member who votes (0 for anyone else).</summary>
    internal double WeightOf(int member) =>
        (Flags[member] & EligibleVoter) == EligibleVoter ? ToWeight(SlotWeight[Slot[member]]) : 0;

    /// <summary>The voting member of a carrier slot.</summary>
    internal int MemberOfSlot(int slot) => SlotMember[slot];

    internal Tally ToTally()
    {
        EnsureFresh();
        var slots = new List<(int Member, int Slot)>(VoterCount);
        for (int s = 0; s < _slotCount; s++)
        {
            if (SlotMember[s] >= 0) slots.Add((SlotMember[s], s));
        }

        if (!_slotsInMemberOrder) slots.Sort();
        var weights = new VoterWeight[slots.Count];
        var super = new List<long>();
        var ids = _engine.Members;

        // A decimal comparison per voter is slow; only weights within a hair of the line need it.
        double line = Policy.SuperDelegateShare * EligibleCount;
        for (int i = 0; i < weights.Length; i++)
        {
            var (member, slot) = slots[i];
            double w = ToWeight(SlotWeight[slot]);
            weights[i] = new VoterWeight(ids.IdOf(member), w, (VoteChoice)SlotChoice[slot]);
            bool isSuper = w > line * (1 + 1e-9) || (w >= line * (1 - 1e-9) && Thresholds.AtLeastShare(w, Policy.SuperDelegateShare, EligibleCount));
            if (isSuper) super.Add(ids.IdOf(member));
        }

        double yes = ToWeight(Totals[1]);
        double no = ToWeight(Totals[2]);
        double abstain = ToWeight(Totals[3]);
        bool quorum = Thresholds.AtLeastShare(yes + no + abstain, Policy.QuorumShare, EligibleCount);
        return new Tally(
            _proposal.Id, EligibleCount, VoterCount, Represented, Unrepresented, yes, no, abstain,
            quorum, quorum && Thresholds.MoreThanShare(yes, Policy.Majority, yes + no), weights, super);
    }
}
