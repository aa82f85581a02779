using Governance.Core.Delegation;

namespace Governance.Core.Tests.Delegation;

/// <summary>
/// The slow, obviously correct reference: DESIGN §3 transcribed literally. Each member looks
/// up its own effective delegation by walking the scopes, then searches its own paths: for
/// h = 1, 2, … it enumerates simple paths of exactly h hops in rank order (depth-first, best
/// rank first), so the first one that ends at a voter has the fewest hops and, among those,
/// the lexicographically best ranks. Exponential, so only for small organisations.
/// </summary>
internal static class ReferenceTally
{
    public sealed record Result(
        int Eligible, int Voters, int Represented, int Unrepresented,
        double Yes, double No, double Abstain, bool QuorumReached, bool Passed,
        Dictionary<int, double> Weights, List<int> SuperDelegates, Dictionary<int, (int Carrier, int Hops)> Carried);

    public static int[] Effective(Organisation org, int member)
    {
        if (org.Delegations.TryGetValue((member, ScopeKind.Proposal, (int)Organisation.Proposal), out var own)) return own;
        for (int a = org.ProposalArea; a >= 0; a = org.AreaParent[a])
        {
            if (org.Delegations.TryGetValue((member, ScopeKind.Area, a), out var inArea)) return inArea;
        }

        return org.Delegations.TryGetValue((member, ScopeKind.Global, 0), out var global) ? global : [];
    }

    public static Result Compute(Organisation org)
    {
        bool IsVoter(int m) => org.VotingRight[m] && org.Votes.ContainsKey(m);

        var weights = new Dictionary<int, double>();
        var carried = new Dictionary<int, (int, int)>();
        int eligible = 0, voters = 0, represented = 0, unrepresented = 0;
        for (int m = 0; m < org.Count; m++)
        {
            if (!org.VotingRight[m]) continue;
            eligible++;
            if (IsVoter(m))
            {
                voters++;
                weights[m] = weights.GetValueOrDefault(m) + 1;
                continue;
            }

            var found = Search(org, m, IsVoter);
            if (found is (int carrier, int hops))
            {
                represented++;
                carried[m] = (carrier, hops);
                weights[carrier] = weights.GetValueOrDefault(carrier) + Math.Pow(org.Policy.Viscosity, hops);
            }
            else
            {
                unrepresented++;
            }
        }

        double yes = 0, no = 0, abstain = 0;
        foreach (var (voter, weight) in weights)
        {
            switch (org.Votes[voter])
            {
                case VoteChoice.Yes: yes += weight; break;
                case VoteChoice.No: no += weight; break;
                default: abstain += weight; break;
            }
        }

        bool quorum = Thresholds.AtLeastShare(yes + no + abstain, org.Policy.QuorumShare, eligible);
        bool passed = quorum && Thresholds.MoreThanShare(yes, org.Policy.Majority, yes + no);
        var super = weights.Where(w => Thresholds.AtLeastShare(w.Value, org.Policy.SuperDelegateShare, eligible))
            .Select(w => w.Key).Order().ToList();
        return new Result(eligible, voters, represented, unrepresented, yes, no, abstain, quorum, passed, weights, super, carried);
    }

    private static (int Carrier, int Hops)? Search(Organisation org, int member, Func<int, bool> isVoter)
    {
        for (int hops = 1; hops < org.Count; hops++)
        {
            var visited = new HashSet<int> { member };
            if (Walk(member, hops) is int carrier) return (carrier, hops);

            int? Walk(int at, int left)
            {
                foreach (int next in Effective(org, at))
                {
                    // A delegate without a voting right is skipped as if not in the list.
                    if (!org.VotingRight[next] || visited.Contains(next)) continue;
                    if (left == 1)
                    {
                        if (isVoter(next)) return next;
                        continue;
                    }

                    // A voter ends a path; a longer path cannot pass through them.
                    if (isVoter(next)) continue;
                    visited.Add(next);
                    var found = Walk(next, left - 1);
                    visited.Remove(next);
                    if (found is not null) return found;
                }

                return null;
            }
        }

        return null;
    }
}
