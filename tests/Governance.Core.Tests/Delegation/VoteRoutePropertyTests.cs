using FsCheck;
using FsCheck.Fluent;
using Governance.Core.Delegation;

namespace Governance.Core.Tests.Delegation;

/// <summary>
/// One vote path (issue 16): the proposal page and whereDoesMyVoteGo (<see cref="DelegationEngine.Explain"/>)
/// and the Delegations page (<see cref="DelegationEngine.Route"/> for an area) are compared on
/// random organisations with each other and with a slow reading of DESIGN §3, for every member
/// in every state: voted, delegated, blocked at some scope, reaching nobody, without a right.
/// </summary>
public sealed class VoteRoutePropertyTests
{
    private static Arbitrary<(int Seed, int Size)> Cases() =>
        Arb.From(from seed in Gen.Choose(0, 1_000_000_000)
                 from size in Gen.Choose(1, 9)
                 select (seed, size));

    /// <summary>DESIGN §3 read slowly: the proposal's own record, else the deepest area's up the chain, else the global one.</summary>
    private static List<(ScopeKind Kind, int Scope, int[] Delegates)> Records(Organisation org, int m, int area, bool withProposal)
    {
        var found = new List<(ScopeKind, int, int[])>();
        if (withProposal && org.Delegations.TryGetValue((m, ScopeKind.Proposal, (int)Organisation.Proposal), out var own)) found.Add((ScopeKind.Proposal, (int)Organisation.Proposal, own));
        for (int a = area; a >= 0; a = org.AreaParent[a])
        {
            if (org.Delegations.TryGetValue((m, ScopeKind.Area, a), out var list)) found.Add((ScopeKind.Area, a, list));
        }

        if (org.Delegations.TryGetValue((m, ScopeKind.Global, 0), out var global)) found.Add((ScopeKind.Global, 0, global));
        return found;
    }

    private static void AssertStep((ScopeKind Kind, int Scope, int[] Delegates) expected, DelegationStep? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(Organisation.ScopeOf(expected.Kind, expected.Scope), actual.Scope);
        Assert.Equal(expected.Delegates.Select(d => Organisation.MemberId(d)), actual.Delegates);
    }

    private static string Describe(DelegationRoute route) =>
        string.Join(" | ", new[] { route.Applied }.Concat(route.Unused).Select(s => s is null ? "none" : $"{s.Scope}:[{string.Join(",", s.Delegates)}]"));

    [Fact]
    public void TheProposalPageTheDelegationsPageAndWhereMyVoteGoesAgreeOnRandomOrganisations() =>
        FsCheck.Check.One(Config.QuickThrowOnFailure.WithMaxTest(2000), Prop.ForAll(Cases(), c =>
        {
            var org = RandomOrganisation.Create(new Random(c.Seed), c.Size);
            var engine = org.BuildEngine();
            for (int m = 0; m < org.Count; m++)
            {
                var member = Organisation.MemberId(m);
                var explained = engine.Explain(member, Organisation.Proposal)!;
                var bare = engine.WhereDoesMyVoteGo(Organisation.Proposal, member);
                var onProposal = engine.Route(member, Organisation.AreaId(org.ProposalArea), Organisation.Proposal)!;
                var inArea = engine.Route(member, Organisation.AreaId(org.ProposalArea))!;
                var context = $"member {m}\n{org}";
                try
                {
                    // whereDoesMyVoteGo is the path itself, carrying the route the proposal page shows.
                    Assert.Equal(bare.ToString(), explained.ToString());
                    Assert.Equal(bare.Hops, explained.Hops);
                    Assert.Equal(bare.Cycle, explained.Cycle);
                    Assert.Equal(Describe(onProposal), Describe(explained.Route!));

                    // The route is DESIGN §3's most specific record, the rest unused; the area's
                    // route (the Delegations page) is the same without the proposal's own record.
                    var records = Records(org, m, org.ProposalArea, withProposal: true);
                    Assert.Equal(records.Count > 0, onProposal.Applied is not null);
                    if (records.Count > 0) AssertStep(records[0], onProposal.Applied);
                    Assert.Equal(Math.Max(0, records.Count - 1), onProposal.Unused.Count);
                    for (int i = 1; i < records.Count; i++) AssertStep(records[i], onProposal.Unused[i - 1]);
                    var areaRecords = Records(org, m, org.ProposalArea, withProposal: false);
                    Assert.Equal(areaRecords.Count > 0, inArea.Applied is not null);
                    if (areaRecords.Count > 0) AssertStep(areaRecords[0], inArea.Applied);
                    Assert.Equal(Math.Max(0, areaRecords.Count - 1), inArea.Unused.Count);

                    // The path never contradicts the route: a voter votes whatever they delegated;
                    // otherwise the first hop leaves through the applied delegation, and a block or
                    // no delegation at all means no hop.
                    if (!org.VotingRight[m])
                    {
                        Assert.Equal(VotePathOutcome.NoVotingRight, explained.Outcome);
                    }
                    else if (org.Votes.ContainsKey(m))
                    {
                        Assert.Equal(VotePathOutcome.VotesDirectly, explained.Outcome);
                    }
                    else if (onProposal.Applied is null || onProposal.Blocked)
                    {
                        Assert.Empty(explained.Hops);
                        Assert.NotEqual(VotePathOutcome.Carried, explained.Outcome);
                    }
                    else if (explained.Hops.Count > 0)
                    {
                        Assert.Equal(onProposal.Applied.Scope, explained.Hops[0].Scope);
                        Assert.Contains(explained.Hops[0].To, onProposal.Applied.Delegates);
                    }
                }
                catch (Exception e) when (e is Xunit.Sdk.XunitException)
                {
                    throw new Xunit.Sdk.XunitException($"{e.Message}\n{context}");
                }
            }
        }));
}
