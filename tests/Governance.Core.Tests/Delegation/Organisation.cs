using Governance.Core.Delegation;

namespace Governance.Core.Tests.Delegation;

/// <summary>
/// A plain description of an organisation for tests: members 0..N-1, areas with parents,
/// the current delegation records keyed by (member, scope kind, scope id), votes on the
/// proposal under test. Both the engine and the reference are built from it.
/// </summary>
internal sealed class Organisation
{
    public const long Proposal = 1;
    public const long OtherProposal = 2;

    public List<bool> VotingRight { get; } = [];

    public List<int> AreaParent { get; } = [];

    public int ProposalArea { get; set; }

    public Dictionary<(int Member, ScopeKind Kind, int Scope), int[]> Delegations { get; } = [];

    public Dictionary<int, VoteChoice> Votes { get; } = [];

    public TallyPolicy Policy { get; set; } = TallyPolicy.Default;

    public int Count => VotingRight.Count;

    public static long MemberId(int m) => 100 + m;

    public static long AreaId(int a) => 1000 + a;

    public static DelegationScope ScopeOf(ScopeKind kind, int scope) => kind switch
    {
        ScopeKind.Global => DelegationScope.Global,
        ScopeKind.Area => DelegationScope.ForArea(AreaId(scope)),
        _ => DelegationScope.ForProposal(scope),
    };

    public DelegationEngine BuildEngine()
    {
        var engine = new DelegationEngine();
        for (int m = 0; m < Count; m++) engine.AddMember(MemberId(m), VotingRight[m]);
        for (int a = 0; a < AreaParent.Count; a++) engine.AddArea(AreaId(a), AreaParent[a] < 0 ? null : AreaId(AreaParent[a]));
        engine.AddProposal(Proposal, AreaId(ProposalArea));
        engine.AddProposal(OtherProposal, AreaId(0));
        foreach (var ((member, kind, scope), delegates) in Delegations)
        {
            engine.SetDelegation(MemberId(member), ScopeOf(kind, scope), delegates.Select(d => MemberId(d)).ToArray());
        }

        foreach (var (member, choice) in Votes) engine.CastVote(Proposal, MemberId(member), choice);
        return engine;
    }

    public override string ToString()
    {
        var lines = new List<string>
        {
            $"members: {string.Join(" ", Enumerable.Range(0, Count).Select(m => VotingRight[m] ? $"{m}" : $"{m}(no right)"))}",
            $"areas (parent): {string.Join(" ", AreaParent.Select((p, a) => $"{a}<{p}"))}; proposal in area {ProposalArea}",
            $"policy: {Policy}",
        };
        lines.AddRange(Delegations.Select(d => $"  {d.Key.Member} {d.Key.Kind}:{d.Key.Scope} -> [{string.Join(",", d.Value)}]"));
        lines.Add($"votes: {string.Join(" ", Votes.Select(v => $"{v.Key}={v.Value}"))}");
        return string.Join("\n", lines);
    }
}
