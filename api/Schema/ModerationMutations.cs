using Governance.Core.Accounts;
using Governance.GraphQL.Execution;
using Governance.GraphQL.Types;

namespace Governance.Api.Schema;

/// <summary>
/// The moderators' actions on the agenda queue: schedule, return, decline, merge. A moderator
/// (checked by the domain, which refuses anyone else) with the moderate scope on a token; every
/// action carries a public reason.
/// </summary>
internal static class ModerationMutations
{
    public static SchemaBuilder AddModerationMutations(this SchemaBuilder builder, SchemaServices s, DomainServices d) => builder
        .ResolveAsync("Mutation.scheduleProposal", c => ModerateAsync(c, s, (me, id, input) =>
            d.Moderation.Schedule(me, id, (string)input["reason"]!, input.GetValueOrDefault("discussionStartsAt") as DateTimeOffset?).Id))
        .ResolveAsync("Mutation.returnProposal", c => ModerateAsync(c, s, (me, id, input) =>
            d.Moderation.Return(me, id, (string)input["reason"]!).Id))
        .ResolveAsync("Mutation.declineProposal", c => ModerateAsync(c, s, (me, id, input) =>
            d.Moderation.Decline(me, id, (string)input["reason"]!, input.GetValueOrDefault("abuse") as bool? ?? false).Id))
        .ResolveAsync("Mutation.mergeProposal", async c =>
        {
            if (ProposalMutations.RefuseOrProposal(c, TokenScopes.Moderate, out _, "into") is { } refused)
            {
                return UserErrors.Payload("proposal", refused);
            }

            var into = ProposalMutations.Input(c)["into"] as string;
            Ids.TryLocal(into, Ids.Proposal, out var intoId);
            return await ModerateAsync(c, s, (me, id, input) => d.Moderation.Merge(me, id, intoId, (string)input["reason"]!).Id);
        })
        .BindDictionary("ModerateProposalPayload");

    private static async Task<object?> ModerateAsync(ResolveContext c, SchemaServices s, Func<long, long, IReadOnlyDictionary<string, object?>, long> action)
    {
        var caller = Caller.Of(c);
        if (ProposalMutations.RefuseOrProposal(c, TokenScopes.Moderate, out var proposalId) is { } refused)
        {
            return UserErrors.Payload("proposal", refused);
        }

        if (!caller.Roles.Contains("moderator"))
        {
            return UserErrors.Payload("proposal", UserErrors.NotAuthorized("FORBIDDEN", "Only moderators act on the agenda queue."));
        }

        var input = ProposalMutations.Input(c);
        using var held = s.Publisher.Hold();
        var payload = await MutationGuard.RunAsync("proposal", () => Task.FromResult<object?>(action(caller.MemberId!.Value, proposalId, input)));
        return await ProposalMutations.ProposalPayloadAsync(c, s, held, payload);
    }
}
