namespace Governance.Core.Delegation;

public sealed partial class DelegationEngine
{
    /// <summary>
    /// The concentration report for an area (see <see cref="ConcentrationReport"/>): weight
    /// distribution in power-of-two buckets, the <paramref name="top"/> largest holders, the
    /// super-delegates, the longest chains and the largest cycles. O(members + delegations).
    /// </summary>
    public ConcentrationReport Concentration(long areaId, TallyPolicy policy, int top = 10)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(top);
        var area = NewProposalState(long.MinValue, AreaIndexOf(areaId));
        for (int x = 0; x < MemberCount; x++)
        {
            if (!_votingRight[x]) continue;
            var list = Inherited(x, area, out _);
            bool usable = false;
            for (int r = 0; r < list.Length; r++) usable |= _votingRight[list[r]];
            if (!usable) area.Votes[x] = VoteChoice.Abstain;
        }

        var state = new TallyState(this, area, policy);
        state.Build();

        var distribution = new SortedDictionary<int, (int Holders, double Total)>();
        var largest = new PriorityQueue<int, double>();
        var super = new List<long>();
        for (int x = 0; x < state.N; x++)
        {
            if ((state.Flags[x] & TallyState.EligibleVoter) != TallyState.EligibleVoter) continue;
            double w = state.WeightOf(x);
            int bucket = (int)Math.Floor(Math.Log2(w));
            var (holders, total) = distribution.GetValueOrDefault(bucket);
            distribution[bucket] = (holders + 1, total + w);
            largest.Enqueue(x, w);
            if (largest.Count > top) largest.Dequeue();
            if (Thresholds.AtLeastShare(w, policy.SuperDelegateShare, state.EligibleCount)) super.Add(_members.IdOf(x));
        }

        var shares = new List<WeightShare>();
        while (largest.TryDequeue(out int x, out double w)) shares.Add(new WeightShare(_members.IdOf(x), w, w / state.EligibleCount));
        shares.Reverse();

        var longest = new PriorityQueue<int, int>();
        for (int x = 0; x < state.N; x++)
        {
            if (state.DistOf(x) <= 0) continue;
            longest.Enqueue(x, state.DistOf(x));
            if (longest.Count > top) longest.Dequeue();
        }

        var chains = new List<DelegationChain>();
        while (longest.TryDequeue(out int x, out int hops))
        {
            var path = state.Trace(x);
            chains.Add(new DelegationChain(_members.IdOf(x), path.CarrierId!.Value, hops, [path.MemberId, .. path.Hops.Select(h => h.To)]));
        }

        chains.Reverse();
        return new ConcentrationReport(
            areaId, state.EligibleCount, state.VoterCount, state.Represented, state.Unrepresented,
            distribution.Select(b => new WeightBucket(Math.Pow(2, b.Key), Math.Pow(2, b.Key + 1), b.Value.Holders, b.Value.Total)).ToList(),
            shares, super, chains, Cycles(state, top));
    }

    /// <summary>
    /// Strongly connected components of two or more members among eligible members (iterative
    /// Tarjan over the reverse adjacency, which has the same components), largest first.
    /// </summary>
    private List<DelegationCycle> Cycles(TallyState state, int top)
    {
        int n = state.N;
        var index = new int[n];
        var low = new int[n];
        Array.Fill(index, -1);
        var onStack = new bool[n];
        var stack = new Stack<int>();
        var calls = new Stack<(int Node, int Edge)>();
        var found = new List<List<int>>();
        int counter = 0;
        for (int root = 0; root < n; root++)
        {
            if (index[root] >= 0 || !_votingRight[root]) continue;
            calls.Push((root, state.Offsets[root]));
            index[root] = low[root] = counter++;
            stack.Push(root);
            onStack[root] = true;
            while (calls.Count > 0)
            {
                var (v, e) = calls.Pop();
                bool descended = false;
                for (; e < state.Offsets[v + 1]; e++)
                {
                    int w = state.Sources[e] >> 2;
                    if (!_votingRight[w]) continue;
                    if (index[w] < 0)
                    {
                        calls.Push((v, e + 1));
                        calls.Push((w, state.Offsets[w]));
                        index[w] = low[w] = counter++;
                        stack.Push(w);
                        onStack[w] = true;
                        descended = true;
                        break;
                    }

                    if (onStack[w]) low[v] = Math.Min(low[v], index[w]);
                }

                if (descended) continue;
                if (low[v] == index[v])
                {
                    var component = new List<int>();
                    int w;
                    do
                    {
                        w = stack.Pop();
                        onStack[w] = false;
                        component.Add(w);
                    }
                    while (w != v);
                    if (component.Count > 1) found.Add(component);
                }

                if (calls.Count > 0)
                {
                    int parent = calls.Peek().Node;
                    low[parent] = Math.Min(low[parent], low[v]);
                }
            }
        }

        return found.OrderByDescending(c => c.Count).Take(top)
            .Select(c => new DelegationCycle(c.Count, state.DistOf(c[0]) < 0, c.Take(100).Select(_members.IdOf).ToList()))
            .ToList();
    }
}
