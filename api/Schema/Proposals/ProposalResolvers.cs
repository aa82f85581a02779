using ProposalRow = Governance.Api.Schema.Data.ProposalRow;
using SupportRow = Governance.Api.Schema.Data.SupportRow;
using System.Collections.Concurrent;
using Governance.Api.Schema.Data;
using Governance.Core.Delegation;
using Governance.Core.Storage;
using Governance.GraphQL.Errors;
using Governance.GraphQL.Execution;
using Governance.GraphQL.Relay;
using Governance.GraphQL.Types;

namespace Governance.Api.Schema;

/// <summary>Proposal and what hangs off it; Query.proposals and Query.proposal. Proposals are public.</summary>
internal static class ProposalResolvers
{
    // A closed vote's tally never changes: recount it once (from the engine as it stood at close).
    private static readonly ConcurrentDictionary<(Database, long), Tally?> ClosedTallies = new();

    public static SchemaBuilder AddProposals(this SchemaBuilder builder, SchemaServices s, DomainServices d) => builder
        .BindType<ProposalRow>("Proposal")
        .Resolve("Proposal.id", c => Ids.Of(Ids.Proposal, c.ParentAs<ProposalRow>().Id))
        .Resolve("Proposal.status", c => StatusName(c.ParentAs<ProposalRow>().Status))
        .ResolveAsync("Proposal.area", c => c.Area(s.Reads, c.ParentAs<ProposalRow>().AreaId))
        .ResolveAsync("Proposal.author", c => c.Member(s.Reads, c.ParentAs<ProposalRow>().AuthorId))
        .Resolve("Proposal.createdAt", c => DateTimeOffset.FromUnixTimeMilliseconds(c.ParentAs<ProposalRow>().CreatedAt))
        .Resolve("Proposal.updatedAt", c => DateTimeOffset.FromUnixTimeMilliseconds(c.ParentAs<ProposalRow>().UpdatedAt))
        .ResolveAsync("Proposal.editedAt", async c =>
            (await c.StatusHistory(s.Reads, c.ParentAs<ProposalRow>().Id)).LastOrDefault(h => h.Reason == ProposalStore.EditedReason) is { } edit
                ? DateTimeOffset.FromUnixTimeMilliseconds(edit.At)
                : (DateTimeOffset?)null)
        .ResolveAsync("Proposal.mergedInto", async c => c.ParentAs<ProposalRow>().MergedIntoId is { } into ? await c.Proposal(s.Reads, into) : null)
        .Resolve("Proposal.reworkUntil", c => c.ParentAs<ProposalRow>().Status == "open" ? d.Proposals.ReworkUntil(c.ParentAs<ProposalRow>().Id) : null)
        .ResolveAsync("Proposal.agendaSupport", c => c.AgendaSupport(s.Reads, c.ParentAs<ProposalRow>().Id))
        .BindType<AgendaSupportRow>("AgendaSupport")
        .Resolve("AgendaSupport.score", c => (int)c.ParentAs<AgendaSupportRow>().Score)
        .Resolve("AgendaSupport.supporterCount", c => (int)c.ParentAs<AgendaSupportRow>().Supporters)
        .Resolve("AgendaSupport.reachedAt", c => DateTimeOffset.FromUnixTimeMilliseconds(c.ParentAs<AgendaSupportRow>().ReachedAt))
        .ResolveAsync("Proposal.score", async c => (int)((await c.Score(s.Reads, c.ParentAs<ProposalRow>().Id))?.Score ?? 0))
        .ResolveAsync("Proposal.supporterCount", async c => (int)((await c.Score(s.Reads, c.ParentAs<ProposalRow>().Id))?.Supporters ?? 0))
        .ResolveAsync("Proposal.hotness", c => ProposalHotnessAsync(c, s, d))
        .ResolveAsync("Proposal.supporters", c => c.Supporters(s.Reads, c.ParentAs<ProposalRow>().Id))
        .ResolveAsync("Proposal.statusHistory", c => c.StatusHistory(s.Reads, c.ParentAs<ProposalRow>().Id))
        .ResolveAsync("Proposal.mySupport", c => ProposalMySupportAsync(c, s))
        .Resolve("Proposal.whereDoesMyVoteGo", c => ProposalWhereDoesMyVoteGo(c, s))
        .BindType<SupportRow>("Support")
        .ResolveAsync("Support.member", c => c.Member(s.Reads, c.ParentAs<SupportRow>().MemberId))
        .Resolve("Support.points", c => (int)c.ParentAs<SupportRow>().Points)
        .Resolve("Support.allocatedAt", c => DateTimeOffset.FromUnixTimeMilliseconds(c.ParentAs<SupportRow>().AllocatedAt))
        .BindType<StatusRow>("StatusChange")
        .Resolve("StatusChange.status", c => StatusName(c.ParentAs<StatusRow>().Status))
        .Resolve("StatusChange.at", c => DateTimeOffset.FromUnixTimeMilliseconds(c.ParentAs<StatusRow>().At))
        .ResolveAsync("StatusChange.actor", async c => c.ParentAs<StatusRow>().ActorId is { } actor ? await c.Member(s.Reads, actor) : null)
        .BindType<Connection<ProposalRow>>("ProposalConnection")
        .BindType<Edge<ProposalRow>>("ProposalEdge")
        .ResolveAsync("Query.proposal", async c =>
            Ids.TryLocal(c.Argument<string>("id"), Ids.Proposal, out var id) ? await c.Proposal(s.Reads, id) : null)
        .ResolveAsync("Query.proposals", c => ProposalsAsync(c, s, d))
        .AddVotePaths(s);

    private static async Task<double> ProposalHotnessAsync(ResolveContext c, SchemaServices s, DomainServices d)
    {
        var proposal = c.ParentAs<ProposalRow>();
        // The gravity is read once per request, however many proposals ask.
        var gravity = await c.DataLoader<int, double>("hot-gravity", (_, _) =>
            Task.FromResult<IReadOnlyDictionary<int, double>>(new Dictionary<int, double> { [0] = d.Policies.Effective().HotGravity })).LoadAsync(0);
        return Hotness((await c.Score(s.Reads, proposal.Id))?.Score ?? 0, proposal.CreatedAt, s.Clock.GetUtcNow(), gravity);
    }

    private static async Task<int?> ProposalMySupportAsync(ResolveContext c, SchemaServices s)
    {
        var caller = Caller.Of(c);
        return caller.CanRead ? (int?)await c.MySupport(s.Reads, caller.MemberId!.Value, c.ParentAs<ProposalRow>().Id) : null;
    }

    private static VotePath? ProposalWhereDoesMyVoteGo(ResolveContext c, SchemaServices s)
    {
        var caller = Caller.Of(c);
        var proposal = c.ParentAs<ProposalRow>();
        if (!caller.CanRead)
        {
            return null;
        }

        // A member who joined after start-up is not yet known to this engine instance (null then).
        return s.Engine.Read(e => e.Explain(caller.MemberId!.Value, proposal.Id));
    }

    private static async Task<Connection<ProposalRow>> ProposalsAsync(ResolveContext c, SchemaServices s, DomainServices d)
    {
        long? areaId = null;
        if (c.Argument<string>("area") is { } area)
        {
            areaId = Ids.TryLocal(area, Ids.Area, out var id) ? id : throw new GraphQLException($"\"{area}\" is not the id of an area.");
        }

        var status = c.Argument<string>("status")?.ToLowerInvariant();
        var caller = Caller.Of(c);
        var ranks = await s.Reads.RankProposalsAsync(areaId, status, caller.MemberId, ProposalVisibility.SeesHidden(caller), c.CancellationToken);
        return await ProposalPages.PageAsync(
            ranks, c.Argument<string>("orderBy") ?? "HOT", ConnectionArguments.From(c), s.Clock.GetUtcNow(), d.Policies.Effective().HotGravity, id => c.Proposal(s.Reads, id));
    }

    private static SchemaBuilder AddVotePaths(this SchemaBuilder builder, SchemaServices s) => builder
        .BindType<VotePath>("VotePath")
        .ResolveAsync("VotePath.carrier", async c => c.ParentAs<VotePath>().CarrierId is { } id ? await c.Member(s.Reads, id) : null)
        .ResolveAsync("VotePath.deadEnd", async c => c.ParentAs<VotePath>().DeadEndId is { } id ? await c.Member(s.Reads, id) : null)
        .ResolveAsync("VotePath.cycle", c => c.Members(s.Reads, c.ParentAs<VotePath>().Cycle))
        .BindType<VoteHop>("VoteHop")
        .ResolveAsync("VoteHop.from", c => c.Member(s.Reads, c.ParentAs<VoteHop>().From))
        .ResolveAsync("VoteHop.to", c => c.Member(s.Reads, c.ParentAs<VoteHop>().To))
        .Resolve("VoteHop.scope", c => Scopes.ToGraph(c.ParentAs<VoteHop>().Scope))
        .BindType<Tally>("Tally")
        .ResolveAsync("Tally.superDelegates", c => c.Members(s.Reads, c.ParentAs<Tally>().SuperDelegates));

    /// <summary>score^0.8 / (age in hours + 2)^gravity (DESIGN §5; the organisation's policy, 1.8 by default).</summary>
    public static double Hotness(long score, long createdAtMs, DateTimeOffset now, double gravity)
    {
        var hours = Math.Max(0, (now - DateTimeOffset.FromUnixTimeMilliseconds(createdAtMs)).TotalHours);
        return Math.Pow(score, 0.8) / Math.Pow(hours + 2, gravity);
    }

    public static string StatusName(string status) => status.ToUpperInvariant();

    /// <summary>
    /// A closed vote without a stored result (imported history): recounted as the engine stood
    /// at the close.
    /// </summary>
    internal static Tally? RecountAtClose(ProposalRow proposal, SchemaServices s)
    {
        if (!Governance.Core.Proposals.ProposalStatus.ClosedByVote.Contains(proposal.Status) || proposal.VotingEndsAt is not { } endedAt)
        {
            return null;
        }

        return ClosedTallies.GetOrAdd((s.Database, proposal.Id), key =>
        {
            var asOf = EngineLoader.Load(key.Item1, DateTimeOffset.FromUnixTimeMilliseconds(endedAt));
            return asOf.Count(key.Item2, TallyPolicy.Default);
        });
    }
}
