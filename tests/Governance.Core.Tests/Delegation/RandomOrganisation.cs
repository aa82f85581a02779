using Governance.Core.Delegation;

namespace Governance.Core.Tests.Delegation;

/// <summary>
/// Random organisations with every feature the rules have: area trees, delegations at every
/// scope (including another proposal's, which must be ignored), explicit blocks, ranked lists,
/// chains and cycles (small membership makes them frequent), members without voting right,
/// votes by members without voting right, and viscosity.
/// </summary>
internal static class RandomOrganisation
{
    // 1, 0.5 and 0.25 keep every sum exact in binary, so engine and reference must agree to the
    // bit; 0.8 exercises rounding and is compared with a tolerance.
    private static readonly double[] Viscosities = [1.0, 1.0, 0.5, 0.25, 0.8];

    public static Organisation Create(Random random, int members)
    {
        var org = new Organisation();
        for (int m = 0; m < members; m++) org.VotingRight.Add(random.NextDouble() < 0.85);
        int areas = random.Next(1, 6);
        for (int a = 0; a < areas; a++) org.AreaParent.Add(a == 0 ? -1 : random.Next(-1, a));
        org.ProposalArea = random.Next(areas);
        org.Policy = new TallyPolicy
        {
            Viscosity = Viscosities[random.Next(Viscosities.Length)],
            SuperDelegateShare = random.Next(3) switch { 0 => 0.1, 1 => 0.25, _ => 0.5 },
            QuorumShare = random.Next(3) switch { 0 => 0.1, 1 => 0.3, _ => 0.6 },
            Majority = random.Next(2) == 0 ? 0.5 : 0.6,
        };

        for (int m = 0; m < members; m++)
        {
            if (random.NextDouble() < 0.6) org.Delegations[(m, ScopeKind.Global, 0)] = RandomList(random, members, m);
            for (int a = 0; a < areas; a++)
            {
                if (random.NextDouble() < 0.2) org.Delegations[(m, ScopeKind.Area, a)] = RandomList(random, members, m);
            }

            if (random.NextDouble() < 0.15) org.Delegations[(m, ScopeKind.Proposal, (int)Organisation.Proposal)] = RandomList(random, members, m);
            if (random.NextDouble() < 0.1) org.Delegations[(m, ScopeKind.Proposal, (int)Organisation.OtherProposal)] = RandomList(random, members, m);
            if (random.NextDouble() < 0.35) org.Votes[m] = RandomChoice(random);
        }

        return org;
    }

    public static int[] RandomList(Random random, int members, int self)
    {
        if (members == 1 || random.NextDouble() < 0.12) return [];
        int length = Math.Min(random.Next(1, 4), members - 1);
        var list = new List<int>();
        while (list.Count < length)
        {
            int d = random.Next(members);
            if (d != self && !list.Contains(d)) list.Add(d);
        }

        return [.. list];
    }

    public static VoteChoice RandomChoice(Random random) => (VoteChoice)random.Next(1, 4);
}
