using Governance.Core.Delegation;

namespace Governance.Core.Tests.Delegation;

/// <summary>Random live changes applied identically to the test model and to the engine.</summary>
internal static class LiveChanges
{
    public static string ApplyRandom(Random random, Organisation org, DelegationEngine engine, int maxMembers = 12)
    {
        int m = random.Next(org.Count);
        long id = Organisation.MemberId(m);
        switch (random.Next(20))
        {
            case < 8:
            {
                var (kind, scope) = random.Next(4) switch
                {
                    0 => (ScopeKind.Global, 0),
                    1 => (ScopeKind.Area, random.Next(org.AreaParent.Count)),
                    2 => (ScopeKind.Proposal, (int)Organisation.Proposal),
                    _ => (ScopeKind.Proposal, (int)Organisation.OtherProposal),
                };
                var list = RandomOrganisation.RandomList(random, org.Count, m);
                org.Delegations[(m, kind, scope)] = list;
                engine.SetDelegation(id, Organisation.ScopeOf(kind, scope), list.Select(d => Organisation.MemberId(d)).ToArray());
                return $"{m} sets {kind}:{scope} -> [{string.Join(",", list)}]";
            }

            case < 11:
            {
                if (org.Delegations.Count == 0) return "no delegation to revoke";
                var key = org.Delegations.Keys.ElementAt(random.Next(org.Delegations.Count));
                org.Delegations.Remove(key);
                engine.RevokeDelegation(Organisation.MemberId(key.Member), Organisation.ScopeOf(key.Kind, key.Scope));
                return $"{key.Member} revokes {key.Kind}:{key.Scope}";
            }

            case < 15:
            {
                var choice = RandomOrganisation.RandomChoice(random);
                org.Votes[m] = choice;
                engine.CastVote(Organisation.Proposal, id, choice);
                return $"{m} votes {choice}";
            }

            case < 17:
                org.Votes.Remove(m);
                engine.WithdrawVote(Organisation.Proposal, id);
                return $"{m} withdraws their vote";
            case < 19:
                org.VotingRight[m] = !org.VotingRight[m];
                engine.SetVotingRight(id, org.VotingRight[m]);
                return $"{m} voting right {org.VotingRight[m]}";
            default:
            {
                if (org.Count >= maxMembers) return "membership full";
                int added = org.Count;
                org.VotingRight.Add(true);
                engine.AddMember(Organisation.MemberId(added));
                return $"{added} joins";
            }
        }
    }
}
