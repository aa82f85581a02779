using System.Runtime.CompilerServices;
using Governance.GraphQL.Errors;
using Governance.GraphQL.Types;
using ProposalRow = Governance.Api.Schema.Data.ProposalRow;

namespace Governance.Api.Schema;

/// <summary>What the domain adds to reading proposals: the agenda, my vote, and the proposal subscriptions.</summary>
internal static class ProposalDomainResolvers
{
    public static SchemaBuilder AddProposalDomain(this SchemaBuilder builder, SchemaServices s, DomainServices d) => builder
        .ResolveAsync("Query.agenda", c => AgendaAsync(s, d, c.CancellationToken))
        .Resolve("Proposal.myVote", c =>
        {
            var caller = Caller.Of(c);
            return caller.CanRead ? d.Votes.MyVote(caller.MemberId!.Value, c.ParentAs<ProposalRow>().Id) : null;
        })
        .Subscribe("Subscription.proposalChanged", c =>
        {
            var given = c.Argument<string>("id");
            return Ids.TryLocal(given, Ids.Proposal, out var id)
                ? ChangesOfAsync(s, id, c.CancellationToken)
                : throw new GraphQLException($"\"{given}\" is not the id of a proposal.");
        })
        .Subscribe("Subscription.agendaChanged", c => AgendaChangesAsync(s, d, c.CancellationToken));

    /// <summary>Proposals on the agenda in the moderators' queue order (oldest on the agenda first).</summary>
    private static async Task<List<ProposalRow>> AgendaAsync(SchemaServices s, DomainServices d, CancellationToken cancellationToken)
    {
        var queue = d.Moderation.Queue().Select(p => p.Id).ToList();
        var rows = await s.Reads.ProposalsAsync(queue, cancellationToken);
        return [.. queue.Select(rows.GetValueOrDefault).OfType<ProposalRow>()];
    }

    private static async IAsyncEnumerable<ProposalRow> ChangesOfAsync(SchemaServices s, long id, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var _ in s.Events.SubscribeAsync<ProposalChanged>(e => e.ProposalId == id, cancellationToken))
        {
            if ((await s.Reads.ProposalsAsync([id], cancellationToken)).GetValueOrDefault(id) is { } row)
            {
                yield return row;
            }
        }
    }

    private static async IAsyncEnumerable<List<ProposalRow>> AgendaChangesAsync(SchemaServices s, DomainServices d, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var _ in s.Events.SubscribeAsync<AgendaChanged>(_ => true, cancellationToken))
        {
            yield return await AgendaAsync(s, d, cancellationToken);
        }
    }
}
