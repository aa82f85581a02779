namespace Governance.Core.Delegation;

internal sealed partial class TallyState
{
    /// <summary>The path of a member's weight, re-derived from the resolved hops (see <see cref="VotePath"/>).</summary>
    internal VotePath Trace(int m)
    {
        var ids = _engine.Members;
        long id = ids.IdOf(m);
        var hops = new List<VoteHop>();
        if ((Flags[m] & Eligible) == 0)
        {
            return new VotePath(id, VotePathOutcome.NoVotingRight, hops, null, 0, null, []);
        }

        if ((Flags[m] & Voter) != 0)
        {
            return new VotePath(id, VotePathOutcome.VotesDirectly, hops, id, 1, null, []);
        }

        if (Dist[m] >= 0)
        {
            // Follow the rule itself: at each member the best-ranked delegate one hop closer.
            for (int x = m; (Flags[x] & Voter) == 0;)
            {
                var list = _engine.Effective(x, _proposal, out var kind, out int area);
                int next = -1;
                for (int r = 0; r < list.Length && next < 0; r++)
                {
                    int y = list[r];
                    if ((Flags[y] & Eligible) != 0 && Dist[y] == Dist[x] - 1)
                    {
                        next = y;
                        hops.Add(new VoteHop(ids.IdOf(x), ids.IdOf(y), r + 1, ScopeOf(kind, area)));
                    }
                }

                x = next;
            }

            return new VotePath(id, VotePathOutcome.Carried, hops, ids.IdOf(Carrier[m]), ToWeight(Q(Dist[m])), null, []);
        }

        // Unrepresented: walk first usable delegates until a dead end or a repeat.
        var seenAt = new Dictionary<int, int> { [m] = 0 };
        var walk = new List<int> { m };
        for (int x = m; ;)
        {
            var list = _engine.Effective(x, _proposal, out var kind, out int area);
            int next = -1;
            for (int r = 0; r < list.Length && next < 0; r++)
            {
                if ((Flags[list[r]] & Eligible) != 0)
                {
                    next = list[r];
                    hops.Add(new VoteHop(ids.IdOf(x), ids.IdOf(next), r + 1, ScopeOf(kind, area)));
                }
            }

            if (next < 0)
            {
                return new VotePath(id, VotePathOutcome.DeadEnd, hops, null, 0, ids.IdOf(x), []);
            }

            if (seenAt.TryGetValue(next, out int start))
            {
                var cycle = walk.Skip(start).Select(ids.IdOf).ToList();
                return new VotePath(id, VotePathOutcome.Cycle, hops, null, 0, null, cycle);
            }

            seenAt[next] = walk.Count;
            walk.Add(next);
            x = next;
        }
    }

    private DelegationScope ScopeOf(ScopeKind kind, int area) => kind switch
    {
        ScopeKind.Global => DelegationScope.Global,
        ScopeKind.Area => DelegationScope.ForArea(_engine.AreaId(area)),
        _ => DelegationScope.ForProposal(_proposal.Id),
    };
}
