using System.Globalization;

namespace Governance.Core.Delegation.Synthetic;

/// <summary>Shape of a generated organisation; the defaults are the benchmark's (issue 3).</summary>
public sealed record SyntheticOptions
{
    public double GlobalDelegationShare { get; init; } = 0.60;

    public double AreaDelegationShare { get; init; } = 0.30;

    public double ProposalDelegationShare { get; init; } = 0.05;

    /// <summary>Share of delegation records that are an explicit "no delegation".</summary>
    public double BlockShare { get; init; } = 0.03;

    public double VotingShare { get; init; } = 0.10;

    public double WithoutVotingRightShare { get; init; } = 0.02;

    public int TopAreas { get; init; } = 8;

    public int MaxSubAreas { get; init; } = 4;

    /// <summary>
    /// Popularity skew: a delegate is drawn at popularity rank n·u^k, so the top 1 % of members
    /// attract about 0.01^(1/k) of all choices (k = 3: ~22 %; the top 0.1 %: ~10 %).
    /// </summary>
    public double PopularityExponent { get; init; } = 3.0;
}

/// <summary>One generated delegation: scope area is -1 unless <see cref="Kind"/> is Area.</summary>
public readonly record struct SyntheticDelegation(int Member, ScopeKind Kind, int Area, int D0, int D1, int D2, int Count);

/// <summary>
/// A seeded, structural organisation for benchmarks and the demo seeder: members 0..n-1,
/// ~8 top areas with a few sub-areas each, ranked delegation lists of 1–3 at global, area and
/// proposal scope with power-law popularity of delegates, and the votes on one proposal.
/// Everything is flat arrays of structs, so a million members take a second or two.
/// </summary>
public sealed class SyntheticOrganisation
{
    private SyntheticOrganisation(int members, int[] areaParents, int proposalArea, bool[] votingRights,
        SyntheticDelegation[] delegations, int[] voters, VoteChoice[] choices)
    {
        MemberCount = members;
        AreaParents = areaParents;
        ProposalArea = proposalArea;
        VotingRights = votingRights;
        Delegations = delegations;
        Voters = voters;
        Choices = choices;
    }

    public int MemberCount { get; }

    /// <summary>Parent of each area (-1 for a top area); parents come before children.</summary>
    public int[] AreaParents { get; }

    /// <summary>The area of the proposal being voted on (a sub-area).</summary>
    public int ProposalArea { get; }

    public bool[] VotingRights { get; }

    public SyntheticDelegation[] Delegations { get; }

    public int[] Voters { get; }

    public VoteChoice[] Choices { get; }

    /// <summary>The proposal id used by <see cref="LoadInto"/> and <see cref="WriteSnapshot"/>.</summary>
    public const long ProposalId = 1;

    public static SyntheticOrganisation Generate(int members, int seed, SyntheticOptions? options = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(members, 2);
        options ??= new SyntheticOptions();
        var random = new Random(seed);

        var parents = new List<int>();
        for (int top = 0; top < options.TopAreas; top++)
        {
            int topIndex = parents.Count;
            parents.Add(-1);
            int subAreas = random.Next(2, options.MaxSubAreas + 1);
            for (int s = 0; s < subAreas; s++) parents.Add(topIndex);
        }

        int proposalArea;
        do proposalArea = random.Next(parents.Count);
        while (parents[proposalArea] < 0);

        // Popularity is a random permutation, so popular delegates are spread over the index space.
        var byPopularity = new int[members];
        for (int i = 0; i < members; i++) byPopularity[i] = i;
        random.Shuffle(byPopularity);
        var popularityRank = new int[members];
        for (int i = 0; i < members; i++) popularityRank[byPopularity[i]] = i;

        var rights = new bool[members];
        for (int m = 0; m < members; m++) rights[m] = random.NextDouble() >= options.WithoutVotingRightShare;

        var delegations = new List<SyntheticDelegation>((int)(members * (options.GlobalDelegationShare + options.AreaDelegationShare + options.ProposalDelegationShare + 0.05)));
        Span<int> list = stackalloc int[3];
        for (int m = 0; m < members; m++)
        {
            if (random.NextDouble() < options.GlobalDelegationShare) Add(m, ScopeKind.Global, -1, list);
            if (random.NextDouble() < options.AreaDelegationShare)
            {
                Add(m, ScopeKind.Area, random.Next(parents.Count), list);

                // Some members delegate in two areas, e.g. a top area and one of its sub-areas.
                if (random.NextDouble() < 0.1) Add(m, ScopeKind.Area, random.Next(parents.Count), list);
            }

            if (random.NextDouble() < options.ProposalDelegationShare) Add(m, ScopeKind.Proposal, -1, list);
        }

        // Popular members vote more often (delegates tend to), the rest fill up to VotingShare.
        int popularCut = Math.Max(1, members / 100);
        double popularTurnout = Math.Min(1.0, options.VotingShare * 7);
        double otherTurnout = Math.Max(0, ((options.VotingShare * members) - (popularTurnout * popularCut)) / (members - popularCut));
        var voters = new List<int>((int)(members * options.VotingShare * 1.1));
        var choices = new List<VoteChoice>(voters.Capacity);
        for (int m = 0; m < members; m++)
        {
            if (random.NextDouble() < (popularityRank[m] < popularCut ? popularTurnout : otherTurnout))
            {
                voters.Add(m);
                double u = random.NextDouble();
                choices.Add(u < 0.5 ? VoteChoice.Yes : u < 0.9 ? VoteChoice.No : VoteChoice.Abstain);
            }
        }

        return new SyntheticOrganisation(members, [.. parents], proposalArea, rights, [.. delegations], [.. voters], [.. choices]);

        void Add(int m, ScopeKind kind, int area, Span<int> list)
        {
            if (kind == ScopeKind.Area && delegations.Count > 0 && delegations[^1] is { Kind: ScopeKind.Area } last && last.Member == m && last.Area == area) return;
            int count = random.NextDouble() < options.BlockShare ? 0 : random.Next(1, 4);
            for (int i = 0; i < count; i++)
            {
                int d;
                do d = byPopularity[(int)(members * Math.Pow(random.NextDouble(), options.PopularityExponent))];
                while (d == m || list[..i].Contains(d));
                list[i] = d;
            }

            delegations.Add(new SyntheticDelegation(m, kind, area,
                count > 0 ? list[0] : -1, count > 1 ? list[1] : -1, count > 2 ? list[2] : -1, count));
        }
    }

    /// <summary>
    /// Loads everything into an engine: member ids are 0..n-1, area ids 0..a-1, and the
    /// proposal is <see cref="ProposalId"/> in <see cref="ProposalArea"/>.
    /// </summary>
    public DelegationEngine LoadInto(DelegationEngine? engine = null)
    {
        engine ??= new DelegationEngine(MemberCount);
        for (int m = 0; m < MemberCount; m++) engine.AddMember(m, VotingRights[m]);
        for (int a = 0; a < AreaParents.Length; a++) engine.AddArea(a, AreaParents[a] < 0 ? null : AreaParents[a]);
        engine.AddProposal(ProposalId, ProposalArea);
        Span<long> list = stackalloc long[3];
        foreach (var d in Delegations)
        {
            list[0] = d.D0;
            list[1] = d.D1;
            list[2] = d.D2;
            engine.SetDelegation(d.Member, ScopeOf(d), list[..d.Count]);
        }

        for (int i = 0; i < Voters.Length; i++) engine.CastVote(ProposalId, Voters[i], Choices[i]);
        return engine;
    }

    /// <summary>Writes the organisation as a DESIGN §7 snapshot (members "m&lt;n&gt;", areas "a&lt;n&gt;").</summary>
    public void WriteSnapshot(TextWriter writer, TallyPolicy? policy = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        policy ??= TallyPolicy.Default;
        var invariant = CultureInfo.InvariantCulture;
        writer.Write("{\n  \"proposal\": \"p1\",\n");
        writer.Write(string.Create(invariant, $"  \"area\": \"a{ProposalArea}\",\n  \"areas\": ["));
        for (int a = 0; a < AreaParents.Length; a++)
        {
            string parent = AreaParents[a] < 0 ? "null" : $"\"a{AreaParents[a]}\"";
            writer.Write(string.Create(invariant, $"{(a == 0 ? "" : ",")}\n    {{ \"id\": \"a{a}\", \"parent\": {parent} }}"));
        }

        writer.Write("\n  ],\n  \"members\": [");
        for (int m = 0; m < MemberCount; m++)
        {
            writer.Write(m == 0 ? "\n    { \"id\": \"m" : ",\n    { \"id\": \"m");
            writer.Write(m);
            writer.Write(VotingRights[m] ? "\", \"votingRight\": true }" : "\", \"votingRight\": false }");
        }

        writer.Write("\n  ],\n  \"delegations\": [");
        for (int i = 0; i < Delegations.Length; i++)
        {
            var d = Delegations[i];
            string scope = d.Kind switch { ScopeKind.Global => "global", ScopeKind.Proposal => "proposal", _ => $"area:a{d.Area}" };
            writer.Write(i == 0 ? "\n    { \"member\": \"m" : ",\n    { \"member\": \"m");
            writer.Write(d.Member);
            writer.Write("\", \"scope\": \"");
            writer.Write(scope);
            writer.Write("\", \"delegates\": [");
            for (int r = 0; r < d.Count; r++)
            {
                writer.Write(r == 0 ? "\"m" : ", \"m");
                writer.Write(r == 0 ? d.D0 : r == 1 ? d.D1 : d.D2);
                writer.Write('"');
            }

            writer.Write("] }");
        }

        writer.Write("\n  ],\n  \"votes\": [");
        for (int i = 0; i < Voters.Length; i++)
        {
            writer.Write(i == 0 ? "\n    { \"member\": \"m" : ",\n    { \"member\": \"m");
            writer.Write(Voters[i]);
            writer.Write(Choices[i] switch { VoteChoice.Yes => "\", \"choice\": \"yes\" }", VoteChoice.No => "\", \"choice\": \"no\" }", _ => "\", \"choice\": \"abstain\" }" });
        }

        writer.Write(string.Create(invariant,
            $"\n  ],\n  \"policy\": {{ \"viscosity\": {policy.Viscosity:R}, \"superDelegateShare\": {policy.SuperDelegateShare:R}, \"quorumShare\": {policy.QuorumShare:R}, \"majority\": {policy.Majority:R} }}\n}}\n"));
    }

    private static DelegationScope ScopeOf(SyntheticDelegation d) => d.Kind switch
    {
        ScopeKind.Global => DelegationScope.Global,
        ScopeKind.Area => DelegationScope.ForArea(d.Area),
        _ => DelegationScope.ForProposal(ProposalId),
    };
}
