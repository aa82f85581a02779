using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Governance.Core.Delegation;
using Governance.Core.Lottery;
using Governance.GraphQL.Errors;
using Governance.GraphQL.Execution;
using Governance.GraphQL.Types;
using ProposalRow = Governance.Api.Schema.Data.ProposalRow;

namespace Governance.Api.Schema;

/// <summary>What the domain adds to reading proposals: the agenda, my vote, and the proposal subscriptions.</summary>
internal static class ProposalDomainResolvers
{
    public static SchemaBuilder AddProposalDomain(this SchemaBuilder builder, SchemaServices s, DomainServices d) => builder
        .ResolveAsync("Query.agenda", async c => ProposalVisibility.Listed(s, Caller.Of(c), await AgendaAsync(s, d, c.CancellationToken)))
        .ResolveAsync("Query.policy", async c => d.Policies.Effective(await AreaResolvers.AreaArgumentOrNullAsync(c, s, "area")).ToJson())
        .ResolveAsync("Query.lotteryDraws", c => LotteryDrawsAsync(c, s, d))
        .BindType<DrawView>("LotteryDraw")
        .Resolve("LotteryDraw.headSeq", c => (int)c.ParentAs<DrawView>().HeadSeq)
        .Resolve("LotteryDraw.headHash", c => c.ParentAs<DrawView>().HeadHashHex)
        .Resolve("LotteryDraw.seed", c => c.ParentAs<DrawView>().SeedHex)
        .ResolveAsync("LotteryDraw.drawn", c => c.Members(s.Reads, c.ParentAs<DrawView>().Drawn))
        .Resolve("LotteryDraw.entries", c => d.Lottery.Entries(c.ParentAs<DrawView>().PeriodId))
        .BindType<DrawEntryView>("LotteryEntry")
        .ResolveAsync("LotteryEntry.member", c => c.Member(s.Reads, c.ParentAs<DrawEntryView>().MemberId))
        .Resolve("LotteryEntry.memberNumber", c => c.ParentAs<DrawEntryView>().MemberId.ToString(CultureInfo.InvariantCulture))
        .Resolve("Proposal.myVote", c => ProposalMyVote(c, d))
        .ResolveAsync("Proposal.tally", c => VisibleTallyAsync(c.ParentAs<ProposalRow>(), s, d, c.CancellationToken))
        .Subscribe("Subscription.proposalChanged", c =>
        {
            var given = c.Argument<string>("id");
            return Ids.TryLocal(given, Ids.Proposal, out var id)
                ? ChangesOfAsync(s, id, c.CancellationToken)
                : throw new GraphQLException($"\"{given}\" is not the id of a proposal.");
        })
        .Subscribe("Subscription.agendaChanged", c => AgendaChangesAsync(s, d, Caller.Of(c), c.CancellationToken))
        .Subscribe("Subscription.tallyChanged", c =>
        {
            var given = c.Argument<string>("id");
            return Ids.TryLocal(given, Ids.Proposal, out var id)
                ? TallyChangesAsync(s, d, id, c.CancellationToken)
                : throw new GraphQLException($"\"{given}\" is not the id of a proposal.");
        });

    private static async Task<List<DrawView>> LotteryDrawsAsync(ResolveContext c, SchemaServices s, DomainServices d)
    {
        var first = c.Argument<int?>("first") ?? 10;
        if (first is < 0 or > 100)
        {
            throw new GraphQLException("Argument \"first\" must be between 0 and 100.");
        }

        var periods = await s.Reads.LotteryPeriodsAsync(first, c.CancellationToken);
        return periods.Select(d.Lottery.Get).OfType<DrawView>().ToList();
    }

    private static VoteChoice? ProposalMyVote(ResolveContext c, DomainServices d)
    {
        var caller = Caller.Of(c);
        return caller.CanRead ? d.Votes.MyVote(caller.MemberId!.Value, c.ParentAs<ProposalRow>().Id) : null;
    }

    /// <summary>
    /// DESIGN §5: the provisional tally stays hidden until voting closes (no herding). After
    /// the close it is the result stored with the vote (the recount of its snapshot), or for
    /// imported history without one, a recount of the engine as it stood at the close.
    /// </summary>
    private static async Task<Tally?> VisibleTallyAsync(ProposalRow proposal, SchemaServices s, DomainServices d, CancellationToken cancellationToken)
    {
        if (!Governance.Core.Proposals.ProposalStatus.ClosedByVote.Contains(proposal.Status))
        {
            return null;
        }

        // The tally alone: the stored result's snapshot (megabytes at 100,000 members) is not read.
        if (d.Votes.StoredTally(proposal.Id) is not { } stored)
        {
            return ProposalResolvers.RecountAtClose(proposal, s);
        }

        using var json = JsonDocument.Parse(stored);
        var root = json.RootElement;
        var superDelegates = await s.Reads.MemberIdsByHandleAsync([.. root.GetProperty("superDelegates").EnumerateArray().Select(e => e.GetString()!)], cancellationToken);
        return new Tally(
            proposal.Id,
            root.GetProperty("eligible").GetInt32(),
            root.GetProperty("voters").GetInt32(),
            root.GetProperty("represented").GetInt32(),
            root.GetProperty("unrepresented").GetInt32(),
            // A ranked issue's tally (DESIGN §8) has no yes/no: its ballots count as taking part
            // (participation), and it passed when the issue's own proposal won (Issue.result has the rest).
            root.TryGetProperty("yes", out var yes) ? yes.GetDouble() : 0,
            root.TryGetProperty("no", out var no) ? no.GetDouble() : 0,
            root.TryGetProperty("abstain", out var abstain) ? abstain.GetDouble() : root.GetProperty("participation").GetDouble(),
            root.GetProperty("quorumReached").GetBoolean(),
            root.TryGetProperty("passed", out var passed)
                ? passed.GetBoolean()
                : root.GetProperty("winner").ValueKind == JsonValueKind.String && root.GetProperty("winner").GetString() == Governance.Core.Proposals.IssueService.ProposalKey(proposal.Id),
            [],
            superDelegates);
    }

    /// <summary>Proposals on the agenda in the moderators' queue order (oldest on the agenda first).</summary>
    private static async Task<List<ProposalRow>> AgendaAsync(SchemaServices s, DomainServices d, CancellationToken cancellationToken)
    {
        var queue = d.Moderation.Queue().Select(p => p.Id).ToList();
        var rows = await s.Reads.ProposalsAsync(queue, cancellationToken);
        return [.. queue.Select(rows.GetValueOrDefault).OfType<ProposalRow>()];
    }

    /// <summary>
    /// The proposal after each change, read once per event for all its subscribers
    /// (<see cref="ProposalChanged.RowAsync"/>), with the time the change committed in the
    /// response's extensions ("publishedAt", ISO 8601 UTC).
    /// </summary>
    private static async IAsyncEnumerable<SubscriptionEvent> ChangesOfAsync(SchemaServices s, long id, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var change in s.Events.SubscribeToStateAsync<ProposalChanged>(e => e.ProposalId == id, cancellationToken))
        {
            if (await change.RowAsync(s.Reads).WaitAsync(cancellationToken) is { } row)
            {
                yield return new SubscriptionEvent(row, Published(change.PublishedAt));
            }
        }
    }

    private static Dictionary<string, object?> Published(DateTimeOffset at) =>
        new() { ["publishedAt"] = at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture) };

    /// <summary>
    /// The tally each time a different one becomes visible, starting with the one visible now
    /// (if any). Only a command on the proposal or a clock pass can change it.
    /// </summary>
    private static async IAsyncEnumerable<Tally> TallyChangesAsync(SchemaServices s, DomainServices d, long id, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Tally? last = null;
        await foreach (var e in Prepend(s.Events.SubscribeToStateAsync<object>(e => e is ClockAdvanced || (e is ProposalChanged p && p.ProposalId == id), cancellationToken)))
        {
            Tally? tally;
            if (e is ProposalChanged change)
            {
                // Shared by every watcher of this event: one read of the stored result at a close.
                var row = await change.RowAsync(s.Reads).WaitAsync(cancellationToken);
                tally = row is null ? null : await change.TallyAsync(() => VisibleTallyAsync(row, s, d, CancellationToken.None)).WaitAsync(cancellationToken);
            }
            else
            {
                var row = (await s.Reads.ProposalsAsync([id], cancellationToken)).GetValueOrDefault(id);
                tally = row is null ? null : await VisibleTallyAsync(row, s, d, cancellationToken);
            }

            if (tally is null)
            {
                continue;
            }

            if (last is null || !SameCounts(last, tally))
            {
                last = tally;
                yield return tally;
            }
        }
    }

    private static bool SameCounts(Tally a, Tally b) =>
        (a.Eligible, a.Voters, a.Yes, a.No, a.Abstain, a.Passed) == (b.Eligible, b.Voters, b.Yes, b.No, b.Abstain, b.Passed);

    /// <summary>One look at the state as it is before the first event.</summary>
    private static async IAsyncEnumerable<object?> Prepend(IAsyncEnumerable<object> events)
    {
        yield return null;
        await foreach (var e in events)
        {
            yield return e;
        }
    }

    private static async IAsyncEnumerable<List<ProposalRow>> AgendaChangesAsync(SchemaServices s, DomainServices d, Caller caller, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var _ in s.Events.SubscribeToStateAsync<object>(e => e is AgendaChanged or ClockAdvanced, cancellationToken))
        {
            yield return ProposalVisibility.Listed(s, caller, await AgendaAsync(s, d, cancellationToken));
        }
    }
}
