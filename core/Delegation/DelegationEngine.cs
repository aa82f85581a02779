using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Governance.Core.Delegation;

/// <summary>
/// The in-memory delegation graph of one organisation: members (dense indices behind
/// <see cref="Members"/>), areas (a parent array), delegations per scope and votes per proposal.
/// It is built from database rows and kept in step with every change through the methods here;
/// it tallies a proposal in one backward breadth-first pass (see docs/delegation-engine.md).
/// Not thread-safe: the owner serialises calls (one writer; readers take a <see cref="Tally"/>).
/// </summary>
public sealed partial class DelegationEngine
{
    private readonly MemberIdMap _members;
    private readonly Dictionary<long, int> _areaIndex = [];
    private readonly List<long> _areaIds = [];
    private readonly List<int> _areaParent = [];
    private readonly Dictionary<long, ProposalState> _proposals = [];
    private readonly List<ProposalState> _live = [];
    private readonly List<DelegateList> _before = [];
    private readonly List<int[]?> _areaDepths = [];
    private TallyState? _spare;

    // Bumped by every change that can alter any proposal's effective delegations (a stored
    // delegation of any scope, a new member). A full tally's reverse adjacency is kept between
    // tallies; each stored delegation is reported to it so it can be patched, and any other
    // move of this version makes the next tally rebuild it (see TallyState.Build).
    private long _delegationVersion;

    // Per member: the global delegation (13 bytes), the head of its area-delegation chain in
    // _areaPool (1-based, 0 = none) and its voting right.
    private DelegateList[] _global;
    private int[] _areaHead;
    private bool[] _votingRight;

    // Area delegations live in one pool, chained per member: most members have none or one,
    // so a short walk beats a dictionary per area both in memory and in tally time.
    private AreaEntry[] _areaPool = new AreaEntry[64];
    private int _areaPoolUsed;
    private int _areaFree;

    public DelegationEngine(int memberCapacity = 0)
    {
        _members = new MemberIdMap(memberCapacity);
        _global = new DelegateList[Math.Max(memberCapacity, 4)];
        _areaHead = new int[_global.Length];
        _votingRight = new bool[_global.Length];
    }

    public MemberIdMap Members => _members;

    public int MemberCount => _members.Count;

    public int AreaCount => _areaIds.Count;

    /// <summary>Registers a member; returns its dense index.</summary>
    public int AddMember(long memberId, bool votingRight = true)
    {
        int index = _members.Add(memberId);
        if (index == _global.Length)
        {
            int size = _global.Length * 2;
            Array.Resize(ref _global, size);
            Array.Resize(ref _areaHead, size);
            Array.Resize(ref _votingRight, size);
        }

        _votingRight[index] = votingRight;
        _delegationVersion++;
        foreach (var p in _live)
        {
            // A live tally's arrays are sized to the membership; it rebuilds on its next use.
            p.Live!.MarkStale();
        }

        return index;
    }

    public bool HasVotingRight(long memberId) => _votingRight[_members.IndexOf(memberId)];

    /// <summary>Grants or suspends a member's voting right (DESIGN §3: without it, neither vote nor carry).</summary>
    public void SetVotingRight(long memberId, bool votingRight)
    {
        int m = _members.IndexOf(memberId);
        if (_votingRight[m] == votingRight) return;
        _votingRight[m] = votingRight;
        foreach (var p in _live) p.Live!.OnVotingRightChanged(m, votingRight);
    }

    /// <summary>Adds an area under an existing parent (or as a root). Parents come before children.</summary>
    public void AddArea(long areaId, long? parentAreaId)
    {
        int parent = -1;
        if (parentAreaId is long pid && !_areaIndex.TryGetValue(pid, out parent))
        {
            throw new ArgumentException($"unknown parent area {pid} (add parents first)", nameof(parentAreaId));
        }

        if (!_areaIndex.TryAdd(areaId, _areaIds.Count))
        {
            throw new ArgumentException($"area {areaId} is already registered", nameof(areaId));
        }

        _areaIds.Add(areaId);
        _areaParent.Add(parent);
    }

    public bool HasArea(long areaId) => _areaIndex.ContainsKey(areaId);

    /// <summary>
    /// Puts an area (with its sub-areas) under another parent. Area delegations are resolved at
    /// the time of use, so every proposal in the moved subtree now inherits along the new chain;
    /// live tallies rebuild on their next use. Refuses a move that would make a cycle.
    /// </summary>
    public void MoveArea(long areaId, long newParentAreaId)
    {
        int area = AreaIndexOf(areaId);
        int parent = AreaIndexOf(newParentAreaId);
        for (int a = parent; a >= 0; a = _areaParent[a])
        {
            if (a == area)
            {
                throw new ArgumentException($"area {newParentAreaId} is area {areaId} or lies under it", nameof(newParentAreaId));
            }
        }

        if (_areaParent[area] == parent) return;
        _areaParent[area] = parent;

        // The shared depth arrays describe the old tree: drop them all and give every proposal
        // a fresh one (a move is a rare admin act; this is one pass over the proposals).
        _areaDepths.Clear();
        foreach (var p in _proposals.Values)
        {
            p.AreaDepth = NewProposalState(p.Id, p.Area).AreaDepth;
        }

        _delegationVersion++;
        foreach (var p in _live)
        {
            p.Live!.MarkStale();
        }
    }

    public bool HasProposal(long proposalId) => _proposals.ContainsKey(proposalId);

    /// <summary>Registers a proposal in an area, so that votes and proposal-scope delegations can refer to it.</summary>
    public void AddProposal(long proposalId, long areaId)
    {
        if (!_proposals.TryAdd(proposalId, NewProposalState(proposalId, AreaIndexOf(areaId))))
        {
            throw new ArgumentException($"proposal {proposalId} is already registered", nameof(proposalId));
        }
    }

    /// <summary>Forgets a proposal (its votes, proposal-scope delegations and live tally).</summary>
    public void RemoveProposal(long proposalId)
    {
        if (!_proposals.Remove(proposalId, out var p)) return;
        if (p.Live is not null) _live.Remove(p);
        if (ReferenceEquals(_spare?.KeptAdjacencyProposal, p)) _spare!.ForgetAdjacency();
    }

    /// <summary>
    /// Sets a member's delegation for a scope: 1–3 delegates in rank order, or none for an
    /// explicit "no delegation" that blocks inheritance from wider scopes. Replaces any earlier one.
    /// </summary>
    public void SetDelegation(long memberId, DelegationScope scope, ReadOnlySpan<long> delegateIds)
    {
        int m = _members.IndexOf(memberId);
        if (delegateIds.Length > 3)
        {
            throw new ArgumentException($"member {memberId} names {delegateIds.Length} delegates; at most 3", nameof(delegateIds));
        }

        Span<int> delegates = stackalloc int[3];
        for (int i = 0; i < delegateIds.Length; i++)
        {
            if (delegateIds[i] == memberId)
            {
                throw new ArgumentException($"member {memberId} may not delegate to themselves", nameof(delegateIds));
            }

            if (!_members.TryGetIndex(delegateIds[i], out int d))
            {
                throw new ArgumentException($"unknown delegate {delegateIds[i]}", nameof(delegateIds));
            }

            if (delegates[..i].Contains(d))
            {
                throw new ArgumentException($"member {memberId} names delegate {delegateIds[i]} twice", nameof(delegateIds));
            }

            delegates[i] = d;
        }

        Store(m, scope, DelegateList.From(delegates[..delegateIds.Length]));
    }

    /// <summary>For bulk loads of already validated data by dense index (the recount).</summary>
    internal void SetValidatedDelegation(int member, DelegationScope scope, ReadOnlySpan<int> delegates) =>
        Store(member, scope, DelegateList.From(delegates));

    /// <summary>Takes a delegation back: the scope falls back to inheritance from wider scopes.</summary>
    public void RevokeDelegation(long memberId, DelegationScope scope) =>
        Store(_members.IndexOf(memberId), scope, default);

    /// <summary>The member's own record for a scope: null if none, empty for an explicit block.</summary>
    public long[]? GetDelegation(long memberId, DelegationScope scope)
    {
        int m = _members.IndexOf(memberId);
        var list = scope.Kind switch
        {
            ScopeKind.Global => _global[m],
            ScopeKind.Area => FindAreaEntry(m, AreaIndexOf(scope.Id)) is int e and >= 0 ? _areaPool[e].List : default,
            _ => ProposalOf(scope.Id).Delegations.GetValueOrDefault(m),
        };
        return list.Exists ? ToIds(list) : null;
    }

    /// <summary>Records or changes a member's vote on a proposal.</summary>
    public void CastVote(long proposalId, long memberId, VoteChoice choice)
    {
        if (choice is not (VoteChoice.Yes or VoteChoice.No or VoteChoice.Abstain))
        {
            throw new ArgumentOutOfRangeException(nameof(choice));
        }

        var p = ProposalOf(proposalId);
        int m = _members.IndexOf(memberId);
        p.Votes[m] = choice;
        p.Rankings.Remove(m);
        p.Live?.OnVoteChanged(m, (byte)choice);
    }

    public void WithdrawVote(long proposalId, long memberId)
    {
        var p = ProposalOf(proposalId);
        int m = _members.IndexOf(memberId);
        p.Rankings.Remove(m);
        if (p.Votes.Remove(m)) p.Live?.OnVoteChanged(m, 0);
    }

    /// <summary>Full tally of a proposal now: one backward breadth-first pass from its voters.</summary>
    public Tally Count(long proposalId, TallyPolicy policy)
    {
        var state = new TallyState(this, ProposalOf(proposalId), policy) { OneOff = true };
        state.Adopt(_spare);
        _spare = null;
        state.Build();
        var tally = state.ToTally();

        // Keep the arrays for the next full tally: at 1M members they are tens of megabytes,
        // and reallocating them each time costs more than the tally's own passes.
        _spare = state;
        return tally;
    }

    /// <summary>How the last <see cref="Count"/> came by its reverse adjacency (tests and benchmarks).</summary>
    internal AdjacencySource LastCountAdjacency => _spare?.LastAdjacency ?? AdjacencySource.Rebuilt;

    /// <summary>
    /// Drops the buffers <see cref="Count"/> keeps for the next full tally (about 65 bytes per
    /// member at 1M). The next full tally allocates them again.
    /// </summary>
    public void ReleaseTallyBuffers() => _spare = null;

    /// <summary>
    /// Starts (or returns) the provisional tally of an open proposal; every later change made
    /// through this engine updates it incrementally.
    /// </summary>
    public LiveTally StartLiveTally(long proposalId, TallyPolicy policy)
    {
        var p = ProposalOf(proposalId);
        if (p.Live is null || p.Live.Policy != policy)
        {
            if (p.Live is null) _live.Add(p);
            p.Live = new TallyState(this, p, policy);
            p.Live.Build();
        }

        return new LiveTally(p.Live);
    }

    /// <summary>Stops updating a proposal's provisional tally (for instance when voting closes).</summary>
    public void StopLiveTally(long proposalId)
    {
        var p = ProposalOf(proposalId);
        if (p.Live is not null)
        {
            p.Live = null;
            _live.Remove(p);
        }
    }

    /// <summary>
    /// "Where does my vote go on this proposal?" — the path hop by hop, or why it reaches nobody.
    /// Uses the live tally when one runs (and its policy); otherwise resolves the proposal afresh
    /// with <paramref name="policy"/> (default policy if null), which only matters for the arriving weight.
    /// </summary>
    public VotePath WhereDoesMyVoteGo(long proposalId, long memberId, TallyPolicy? policy = null)
    {
        int m = _members.IndexOf(memberId);
        return ResolvedState(ProposalOf(proposalId), policy).Trace(m);
    }

    /// <summary>
    /// <see cref="WhereDoesMyVoteGo"/> for several members of one proposal, resolving it once.
    /// Members the engine does not know, or a proposal it does not hold, are left out.
    /// </summary>
    public IReadOnlyList<VotePath> WhereDoTheirVotesGo(long proposalId, IEnumerable<long> memberIds, TallyPolicy? policy = null)
    {
        if (!HasProposal(proposalId))
        {
            return [];
        }

        var state = ResolvedState(ProposalOf(proposalId), policy);
        var paths = new List<VotePath>();
        foreach (var memberId in memberIds)
        {
            if (_members.TryGetIndex(memberId, out var m))
            {
                paths.Add(state.Trace(m));
            }
        }

        return paths;
    }

    /// <summary>The proposal's live tally, brought up to date, or one resolved afresh with <paramref name="policy"/>.</summary>
    private TallyState ResolvedState(ProposalState p, TallyPolicy? policy)
    {
        if (p.Live is { } live)
        {
            live.EnsureFresh();
            return live;
        }

        var state = new TallyState(this, p, policy ?? TallyPolicy.Default);
        state.Build();
        return state;
    }

    internal bool VotingRight(int member) => _votingRight[member];

    internal long DelegationVersion => _delegationVersion;

    /// <summary>Writes the voting rights as flag bytes (the bit must be 1: bools are bytes 0/1).</summary>
    internal void CopyVotingRights(byte[] flags, byte eligibleBit)
    {
        if (eligibleBit != 1) throw new ArgumentOutOfRangeException(nameof(eligibleBit));
        MemoryMarshal.AsBytes(_votingRight.AsSpan(0, MemberCount)).CopyTo(flags);
    }

    private ProposalState NewProposalState(long proposalId, int area)
    {
        // Every proposal in an area has the same ancestor depths, and areas added later are
        // never ancestors (DepthOf answers -1 past the array): one array per area, shared,
        // instead of one per proposal (4 bytes × areas for each of what can be 100,000s).
        while (_areaDepths.Count <= area) _areaDepths.Add(null);
        if (_areaDepths[area] is not { } depth)
        {
            depth = new int[_areaIds.Count];
            Array.Fill(depth, -1);
            int chain = 0;
            for (int a = area; a >= 0; a = _areaParent[a]) chain++;
            for (int a = area; a >= 0; a = _areaParent[a]) depth[a] = --chain;
            _areaDepths[area] = depth;
        }

        return new ProposalState(proposalId, area, depth);
    }

    internal long AreaId(int area) => _areaIds[area];

    internal int AreaParent(int area) => _areaParent[area];

    internal int AreaIndexOf(long areaId) =>
        _areaIndex.TryGetValue(areaId, out int a) ? a : throw new KeyNotFoundException($"unknown area {areaId}");

    internal ProposalState ProposalOf(long proposalId) =>
        _proposals.TryGetValue(proposalId, out var p) ? p : throw new KeyNotFoundException($"unknown proposal {proposalId}");

    internal long[] ToIds(DelegateList list)
    {
        var ids = new long[list.Length];
        for (int r = 0; r < ids.Length; r++) ids[r] = _members.IdOf(list[r]);
        return ids;
    }

    /// <summary>The effective delegation of a member for a proposal (DESIGN §3) and where it came from.</summary>
    internal DelegateList Effective(int m, ProposalState p, out ScopeKind kind, out int area)
    {
        if (p.Delegations.Count != 0 && p.Delegations.TryGetValue(m, out var own))
        {
            kind = ScopeKind.Proposal;
            area = -1;
            return own;
        }

        var list = Inherited(m, p, out area);
        kind = area >= 0 ? ScopeKind.Area : ScopeKind.Global;
        return list;
    }

    /// <summary>
    /// The delegation a member inherits when it has none on the proposal itself: the deepest of
    /// its area delegations on the proposal's area chain, else its global one. A block counts
    /// as found, which is what stops the search.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal DelegateList Inherited(int m, ProposalState p, out int area)
    {
        area = -1;
        int e = _areaHead[m];
        if (e != 0)
        {
            int best = -1;
            DelegateList found = default;
            var depth = p.AreaDepth;
            for (; e != 0; e = _areaPool[e - 1].Next)
            {
                ref var entry = ref _areaPool[e - 1];
                int d = entry.Area < depth.Length ? depth[entry.Area] : -1;
                if (d > best)
                {
                    best = d;
                    found = entry.List;
                    area = entry.Area;
                }
            }

            if (best >= 0) return found;
        }

        return _global[m];
    }

    private void Store(int m, DelegationScope scope, DelegateList list)
    {
        // Remember the effective delegation of every provisional tally the change can touch,
        // so each is told only when its own view of this member changed.
        _before.Clear();
        foreach (var p in _live) _before.Add(Effective(m, p, out _, out _));

        // Likewise for the proposal whose reverse adjacency Count keeps: its old and new effective
        // delegation of m is all the next full tally needs to patch it instead of rebuilding.
        var kept = _spare?.KeptAdjacencyProposal;
        var keptBefore = kept is null ? default : Effective(m, kept, out _, out _);
        _delegationVersion++;

        switch (scope.Kind)
        {
            case ScopeKind.Global:
                _global[m] = list;
                break;
            case ScopeKind.Area:
                StoreArea(m, AreaIndexOf(scope.Id), list);
                break;
            case ScopeKind.Proposal:
                var proposal = ProposalOf(scope.Id);
                if (list.Exists) proposal.Delegations[m] = list;
                else proposal.Delegations.Remove(m);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(scope));
        }

        if (kept is not null) _spare!.OnDelegationStored(m, keptBefore, Effective(m, kept, out _, out _), _delegationVersion);

        for (int i = 0; i < _live.Count; i++)
        {
            var p = _live[i];
            if (!Effective(m, p, out _, out _).Equals(_before[i])) p.Live!.OnDelegationChanged(m);
        }
    }

    private int FindAreaEntry(int m, int area)
    {
        for (int e = _areaHead[m]; e != 0; e = _areaPool[e - 1].Next)
        {
            if (_areaPool[e - 1].Area == area) return e - 1;
        }

        return -1;
    }

    private void StoreArea(int m, int area, DelegateList list)
    {
        int prev = 0;
        for (int e = _areaHead[m]; e != 0; prev = e, e = _areaPool[e - 1].Next)
        {
            ref var entry = ref _areaPool[e - 1];
            if (entry.Area != area) continue;
            if (list.Exists)
            {
                entry.List = list;
                return;
            }

            // Revoked: unlink and recycle the slot.
            if (prev == 0) _areaHead[m] = entry.Next;
            else _areaPool[prev - 1].Next = entry.Next;
            entry.Next = _areaFree;
            _areaFree = e;
            return;
        }

        if (!list.Exists) return;
        int slot;
        if (_areaFree != 0)
        {
            slot = _areaFree;
            _areaFree = _areaPool[slot - 1].Next;
        }
        else
        {
            if (_areaPoolUsed == _areaPool.Length) Array.Resize(ref _areaPool, _areaPool.Length * 2);
            slot = ++_areaPoolUsed;
        }

        _areaPool[slot - 1] = new AreaEntry { Area = area, Next = _areaHead[m], List = list };
        _areaHead[m] = slot;
    }

    [StructLayout(LayoutKind.Sequential, Pack = 1)]
    private struct AreaEntry
    {
        public int Area;
        public int Next;
        public DelegateList List;
    }
}
