using Governance.Api.Schema.Data;
using Governance.GraphQL.Execution;

namespace Governance.Api.Schema;

/// <summary>
/// The request's DataLoaders: every field that needs a member, area, proposal, score or list of
/// supporters queues its key, and one statement per loader answers the whole level.
/// </summary>
internal static class Loaders
{
    public static Task<MemberRow?> Member(this ResolveContext context, GovernanceReads reads, long id) =>
        context.DataLoader<long, MemberRow>("member", reads.MembersAsync).LoadAsync(id);

    public static async Task<MemberRow[]> Members(this ResolveContext context, GovernanceReads reads, IEnumerable<long> ids)
    {
        var loaded = await Task.WhenAll(ids.Select(id => context.Member(reads, id)));
        return [.. loaded.OfType<MemberRow>()];
    }

    /// <summary>All areas (a small table), read once per request.</summary>
    public static async Task<IReadOnlyList<AreaRow>> AllAreas(this ResolveContext context, GovernanceReads reads) =>
        (await context.DataLoader<int, List<AreaRow>>("areas", async (_, ct) => new Dictionary<int, List<AreaRow>> { [0] = await reads.AreasAsync(ct) }).LoadAsync(0))!;

    public static async Task<AreaRow?> Area(this ResolveContext context, GovernanceReads reads, long id) =>
        (await context.AllAreas(reads)).FirstOrDefault(a => a.Id == id);

    public static Task<ProposalRow?> Proposal(this ResolveContext context, GovernanceReads reads, long id) =>
        context.DataLoader<long, ProposalRow>("proposal", reads.ProposalsAsync).LoadAsync(id);

    public static Task<ProposalScore?> Score(this ResolveContext context, GovernanceReads reads, long proposalId) =>
        context.DataLoader<long, ProposalScore>("score", reads.ScoresAsync).LoadAsync(proposalId);

    public static Task<AgendaSupportRow?> AgendaSupport(this ResolveContext context, GovernanceReads reads, long proposalId) =>
        context.DataLoader<long, AgendaSupportRow>("agenda-support", reads.AgendaSupportAsync).LoadAsync(proposalId);

    public static async Task<SupportRow[]> Supporters(this ResolveContext context, GovernanceReads reads, long proposalId) =>
        await context.DataLoader<long, SupportRow[]>("supporters", reads.SupportersAsync).LoadAsync(proposalId) ?? [];

    public static async Task<StatusRow[]> StatusHistory(this ResolveContext context, GovernanceReads reads, long proposalId) =>
        await context.DataLoader<long, StatusRow[]>("status-history", reads.StatusHistoryAsync).LoadAsync(proposalId) ?? [];

    public static async Task<long?> MySupport(this ResolveContext context, GovernanceReads reads, long memberId, long proposalId)
    {
        var points = await context.DataLoader<long, long>("my-support", (ids, ct) => reads.MySupportAsync(memberId, ids, ct)).LoadAsync(proposalId);
        return points;
    }
}
