using System.Runtime.CompilerServices;

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

    public TallyState(DelegationEngine engine, ProposalState proposal, TallyPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (policy.Problem() is string problem) throw new ArgumentException(problem, nameof(policy));
        _engine = engine;
        _proposal = proposal;
        Policy = policy;
    }

    public TallyPolicy Policy { get; }

    internal DelegationEngine Engine => _engine;

    internal ProposalState Proposal => _proposal;

    internal int N { get; private set; }

    // Reverse adjacency in CSR form: the members whose effective delegation names y are
    // Sources[Offsets[y]..Offsets[y+1]], each with the rank (0..2) it gave y.
    internal int[] Offsets { get; private set; } = [];

    internal int[] Sources { get; private set; } = [];

    internal byte[] Ranks { get; private set; } = [];

    internal byte[] Flags { get; private set; } = [];

    /// <summary>0 = no vote, else a <see cref="VoteChoice"/>.</summary>
    internal byte[] Choice { get; private set; } = [];

    /// <summary>Hops to the carrying voter (0 for a voter), -1 when unrepresented or not eligible.</summary>
    internal int[] Dist { get; private set; } = [];

    /// <summary>The voter who carries this member's weight, -1 if none.</summary>
    internal int[] Carrier { get; private set; } = [];

    /// <summary>Rank of the first hop on the chosen path (the tie-break among equally close voters).</summary>
    internal byte[] BestRank { get; private set; } = [];

    /// <summary>Carried weight of each voter in units.</summary>
    internal long[] Weight { get; private set; } = [];

    internal long[] Totals { get; } = new long[4];

    internal int EligibleCount { get; private set; }

    internal int VoterCount { get; private set; }

    internal int Represented { get; private set; }

    internal int Unrepresented { get; private set; }

    /// <summary>Rebuilds everything from the engine: reverse adjacency, then the breadth-first resolution.</summary>
    internal void Build()
    {
        int n = _engine.MemberCount;
        N = n;
        if (Flags.Length != n)
        {
            Flags = new byte[n];
            Choice = new byte[n];
            Dist = new int[n];
            Carrier = new int[n];
            BestRank = new byte[n];
            Weight = new long[n];
            Offsets = new int[n + 1];
            _queue = new int[n];
        }
        else
        {
            Array.Clear(Choice);
            Array.Clear(Offsets);
        }

        var flags = Flags;
        for (int x = 0; x < n; x++) flags[x] = _engine.VotingRight(x) ? Eligible : (byte)0;
        foreach (var (m, choice) in _proposal.Votes)
        {
            Choice[m] = (byte)choice;
            if ((flags[m] & Eligible) != 0) flags[m] |= Voter;
        }

        foreach (var m in _proposal.Delegations.Keys) flags[m] |= HasProposal;

        // Counting pass: in-degree of every delegate, then prefix sums into Offsets.
        var offsets = Offsets;
        for (int x = 0; x < n; x++)
        {
            var list = ListForBuild(x, flags[x]);
            switch (list.Length)
            {
                case 3:
                    offsets[list.D2 + 1]++;
                    goto case 2;
                case 2:
                    offsets[list.D1 + 1]++;
                    goto case 1;
                case 1:
                    offsets[list.D0 + 1]++;
                    break;
            }
        }

        for (int y = 0; y < n; y++) offsets[y + 1] += offsets[y];
        int edges = offsets[n];
        if (Sources.Length != edges)
        {
            Sources = new int[edges];
            Ranks = new byte[edges];
        }

        // Filling pass: offsets[y] walks forward as a cursor, then everything shifts back by one slot.
        var sources = Sources;
        var ranks = Ranks;
        for (int x = 0; x < n; x++)
        {
            var list = ListForBuild(x, flags[x]);
            int length = list.Length;
            if (length == 0) continue;
            int at = offsets[list.D0]++;
            sources[at] = x;
            ranks[at] = 0;
            if (length == 1) continue;
            at = offsets[list.D1]++;
            sources[at] = x;
            ranks[at] = 1;
            if (length == 2) continue;
            at = offsets[list.D2]++;
            sources[at] = x;
            ranks[at] = 2;
        }

        for (int y = n; y > 0; y--) offsets[y] = offsets[y - 1];
        offsets[0] = 0;
        for (int x = 0; x < n; x++) flags[x] &= unchecked((byte)~HasProposal);

        ResetOverlay();
        Solve();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private DelegateList ListForBuild(int x, byte flags) =>
        (flags & HasProposal) != 0 ? _proposal.Delegations[x] : _engine.Inherited(x, _proposal, out _);

    /// <summary>
    /// The breadth-first resolution (DESIGN §3), backwards from all voters at once. A level-by-level
    /// FIFO gives each member the fewest hops; among delegates on that level its lowest rank wins,
    /// and since a member's next hop is fixed before its own level is expanded, its carrier is
    /// final when it is dequeued — so the lexicographic rank rule costs no second pass.
    /// </summary>
    private void Solve()
    {
        int n = N;
        var flags = Flags;
        var dist = Dist;
        var carrier = Carrier;
        var bestRank = BestRank;
        var offsets = Offsets;
        var sources = Sources;
        var ranks = Ranks;
        var queue = _queue;
        Array.Fill(dist, -1);
        Array.Fill(carrier, -1);
        Array.Clear(Weight);
        Array.Clear(Totals);
        EligibleCount = VoterCount = Represented = Unrepresented = 0;

        int tail = 0;
        for (int x = 0; x < n; x++)
        {
            if ((flags[x] & EligibleVoter) == EligibleVoter)
            {
                dist[x] = 0;
                carrier[x] = x;
                queue[tail++] = x;
            }
        }

        for (int head = 0; head < tail; head++)
        {
            int y = queue[head];
            int next = dist[y] + 1;
            int c = carrier[y];
            for (int e = offsets[y], end = offsets[y + 1]; e < end; e++)
            {
                int x = sources[e];
                if ((flags[x] & EligibleVoter) != Eligible) continue;
                int dx = dist[x];
                if (dx < 0)
                {
                    dist[x] = next;
                    bestRank[x] = ranks[e];
                    carrier[x] = c;
                    queue[tail++] = x;
                }
                else if (dx == next && ranks[e] < bestRank[x])
                {
                    bestRank[x] = ranks[e];
                    carrier[x] = c;
                }
            }
        }

        for (int x = 0; x < n; x++) Contribute(x);
    }

    /// <summary>Adds one member's weight to its carrier and to the counts.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Contribute(int x)
    {
        if ((Flags[x] & Eligible) == 0) return;
        EligibleCount++;
        int c = Carrier[x];
        if (c < 0)
        {
            Unrepresented++;
            return;
        }

        long w = Q(Dist[x]);
        Weight[c] += w;
        Totals[Choice[c]] += w;
        if (c == x) VoterCount++;
        else Represented++;
    }

    /// <summary>Exactly undoes <see cref="Contribute"/> for the member's current state.</summary>
    private void Withdraw(int x)
    {
        if ((Flags[x] & Eligible) == 0) return;
        EligibleCount--;
        int c = Carrier[x];
        if (c < 0)
        {
            Unrepresented--;
            return;
        }

        long w = Q(Dist[x]);
        Weight[c] -= w;
        Totals[Choice[c]] -= w;
        if (c == x) VoterCount--;
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

    internal Tally ToTally()
    {
        EnsureFresh();
        var weights = new List<VoterWeight>();
        var super = new List<long>();
        var ids = _engine.Members;
        for (int x = 0; x < N; x++)
        {
            if ((Flags[x] & EligibleVoter) != EligibleVoter) continue;
            double w = ToWeight(Weight[x]);
            weights.Add(new VoterWeight(ids.IdOf(x), w, (VoteChoice)Choice[x]));
            if (Thresholds.AtLeastShare(w, Policy.SuperDelegateShare, EligibleCount)) super.Add(ids.IdOf(x));
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
