namespace Governance.Core.Delegation;

/// <summary>
/// Incremental updates. A change at member m (its delegation, its vote, its voting right) can
/// only alter the result of members whose paths may pass through m: the set U of members that
/// reach m backwards through eligible non-voters. We withdraw U's contributions, apply the
/// change, re-resolve U alone (seeded from the unchanged members it delegates to) and add U
/// back. Work is O(|U| + edges touching U), which is tiny for a typical member.
/// The reverse adjacency is not rebuilt per change: a member whose effective delegation
/// changed is marked Overridden (its CSR entries are skipped) and its new edges go to an
/// overlay; when the overlay grows past n/8 the whole state is rebuilt (amortised O(1)).
/// </summary>
internal sealed partial class TallyState
{
    private readonly Dictionary<int, List<InEdge>> _overlayIn = [];
    private readonly Dictionary<int, DelegateList> _overlayOut = [];
    private readonly List<int> _set = [];
    private readonly List<(int Dist, int Node)> _seeds = [];
    private readonly List<(int Dist, int Node)> _fifo = [];
    private bool _stale;

    private readonly record struct InEdge(int Source, byte Rank);

    internal void MarkStale() => _stale = true;

    internal void EnsureFresh()
    {
        if (_stale)
        {
            _stale = false;
            Build();
        }
    }

    private void ResetOverlay()
    {
        _overlayIn.Clear();
        _overlayOut.Clear();
        _stale = false;
    }

    internal void OnDelegationChanged(int m)
    {
        if (_stale) return;
        CollectUpstream(m);
        WithdrawSet();
        if ((Flags[m] & Overridden) != 0)
        {
            var old = _overlayOut[m];
            for (int r = 0; r < old.Length; r++) _overlayIn[old[r]].RemoveAll(edge => edge.Source == m);
        }
        else
        {
            Flags[m] |= Overridden;
        }

        var now = _engine.Effective(m, _proposal, out _, out _);
        _overlayOut[m] = now;
        for (int r = 0; r < now.Length; r++)
        {
            if (!_overlayIn.TryGetValue(now[r], out var edges)) _overlayIn[now[r]] = edges = [];
            edges.Add(new InEdge(m, (byte)r));
        }

        RecomputeSet();
        if (_overlayOut.Count > (N >> 3) + 64) Build();
    }

    internal void OnVoteChanged(int m, byte choice)
    {
        if (_stale) return;
        byte old = Choice[m];
        if (old == choice) return;
        if ((Flags[m] & Eligible) == 0 || (old != 0 && choice != 0))
        {
            // Not counted at all, or a voter changing their mind: the weight they carry moves
            // between totals and nobody's path changes.
            if ((Flags[m] & Eligible) != 0)
            {
                Totals[old] -= Weight[m];
                Totals[choice] += Weight[m];
            }

            Choice[m] = choice;
            return;
        }

        CollectUpstream(m);
        WithdrawSet();
        Choice[m] = choice;
        Flags[m] = choice != 0 ? (byte)(Flags[m] | Voter) : (byte)(Flags[m] & ~Voter);
        RecomputeSet();
    }

    internal void OnVotingRightChanged(int m, bool votingRight)
    {
        if (_stale) return;
        CollectUpstream(m);
        WithdrawSet();
        byte f = (byte)(Flags[m] & ~EligibleVoter);
        if (votingRight) f |= Choice[m] != 0 ? EligibleVoter : Eligible;
        Flags[m] = f;
        RecomputeSet();
    }

    /// <summary>U: m and every eligible non-voter that reaches m through eligible non-voters.</summary>
    private void CollectUpstream(int m)
    {
        _set.Clear();
        _set.Add(m);
        Flags[m] |= InSet;
        for (int i = 0; i < _set.Count; i++)
        {
            int y = _set[i];
            for (int e = Offsets[y], end = Offsets[y + 1]; e < end; e++) Enter(Sources[e], skipOverridden: true);
            if (_overlayIn.TryGetValue(y, out var extra))
            {
                foreach (var edge in extra) Enter(edge.Source, skipOverridden: false);
            }
        }

        void Enter(int x, bool skipOverridden)
        {
            byte f = Flags[x];
            if (skipOverridden && (f & Overridden) != 0) return;
            if ((f & (InSet | EligibleVoter)) != Eligible) return;
            Flags[x] = (byte)(f | InSet);
            _set.Add(x);
        }
    }

    private void WithdrawSet()
    {
        foreach (int x in _set) Withdraw(x);
    }

    /// <summary>
    /// Re-resolves U: members delegating out of U start at (their delegate's hops + 1), voters
    /// in U at 0; a FIFO merged with the sorted seeds then relaxes edges inside U in order of
    /// hops, with the same rank tie-break as the full pass.
    /// </summary>
    private void RecomputeSet()
    {
        foreach (int x in _set)
        {
            Dist[x] = -1;
            Carrier[x] = -1;
        }

        _seeds.Clear();
        foreach (int x in _set)
        {
            byte f = Flags[x];
            if ((f & Eligible) == 0) continue;
            if ((f & Voter) != 0)
            {
                Dist[x] = 0;
                Carrier[x] = x;
                _seeds.Add((0, x));
                continue;
            }

            var list = (f & Overridden) != 0 ? _overlayOut[x] : _engine.Effective(x, _proposal, out _, out _);
            for (int r = 0; r < list.Length; r++)
            {
                int y = list[r];
                if ((Flags[y] & (InSet | Eligible)) != Eligible || Dist[y] < 0) continue;
                int candidate = Dist[y] + 1;
                if (Dist[x] < 0 || candidate < Dist[x])
                {
                    Dist[x] = candidate;
                    BestRank[x] = (byte)r;
                    Carrier[x] = Carrier[y];
                }
            }

            if (Dist[x] >= 0) _seeds.Add((Dist[x], x));
        }

        _seeds.Sort();
        _fifo.Clear();
        int seed = 0, head = 0;
        while (true)
        {
            (int d, int x) item;
            if (seed < _seeds.Count && (head >= _fifo.Count || _seeds[seed].Dist <= _fifo[head].Dist)) item = _seeds[seed++];
            else if (head < _fifo.Count) item = _fifo[head++];
            else break;

            var (dx, y) = item;
            if ((Flags[y] & Settled) != 0 || Dist[y] != dx) continue;
            Flags[y] |= Settled;
            int next = dx + 1;
            int c = Carrier[y];
            for (int e = Offsets[y], end = Offsets[y + 1]; e < end; e++)
            {
                int w = Sources[e];
                if ((Flags[w] & Overridden) == 0) Relax(w, Ranks[e], next, c);
            }

            if (_overlayIn.TryGetValue(y, out var extra))
            {
                foreach (var edge in extra) Relax(edge.Source, edge.Rank, next, c);
            }
        }

        foreach (int x in _set)
        {
            Flags[x] &= unchecked((byte)~(InSet | Settled));
            Contribute(x);
        }
    }

    private void Relax(int w, byte rank, int next, int carrier)
    {
        if ((Flags[w] & (InSet | EligibleVoter)) != (InSet | Eligible)) return;
        int dw = Dist[w];
        if (dw < 0 || next < dw)
        {
            Dist[w] = next;
            BestRank[w] = rank;
            Carrier[w] = carrier;
            _fifo.Add((next, w));
        }
        else if (next == dw && rank < BestRank[w])
        {
            BestRank[w] = rank;
            Carrier[w] = carrier;
        }
    }
}
