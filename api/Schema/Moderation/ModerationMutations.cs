using Governance.Api.Schema.Data;
using Governance.Core.Accounts;
using Governance.GraphQL.Execution;
using Governance.GraphQL.Types;

namespace Governance.Api.Schema;

/// <summary>
/// The moderators' actions on the agenda queue: schedule, return, decline, merge. A moderator
/// (checked by the domain, which refuses anyone else) with the moderate scope on a token; every
/// action carries a public reason. Inputs and the payload are records bound by the engine
/// (docs/graphql-engine.md, "Typed inputs and payloads"), the example for the other mutations.
/// </summary>
internal static class ModerationMutations
{
    public static SchemaBuilder AddModerationMutations(this SchemaBuilder builder, SchemaServices s, DomainServices d) => builder
        .ResolveAsync("Mutation.scheduleProposal", c => ScheduleProposalAsync(c, s, d))
        .ResolveAsync("Mutation.returnProposal", c => ReturnProposalAsync(c, s, d))
        .ResolveAsync("Mutation.declineProposal", c => DeclineProposalAsync(c, s, d))
        .ResolveAsync("Mutation.mergeProposal", c => MergeProposalAsync(c, s, d))
        .BindInput<ScheduleProposalInput>("ScheduleProposalInput")
        .BindInput<ReturnProposalInput>("ReturnProposalInput")
        .BindInput<DeclineProposalInput>("DeclineProposalInput")
        .BindInput<MergeProposalInput>("MergeProposalInput")
        .BindType<ModerateProposalPayload>("ModerateProposalPayload");

    private static Task<ModerateProposalPayload> ScheduleProposalAsync(ResolveContext c, SchemaServices s, DomainServices d)
    {
        var input = c.Input<ScheduleProposalInput>();
        return ModerateAsync(c, s, input.Proposal, (me, id) => d.Moderation.Schedule(me, id, input.Reason, input.DiscussionStartsAt).Id);
    }

    private static Task<ModerateProposalPayload> ReturnProposalAsync(ResolveContext c, SchemaServices s, DomainServices d)
    {
        var input = c.Input<ReturnProposalInput>();
        return ModerateAsync(c, s, input.Proposal, (me, id) => d.Moderation.Return(me, id, input.Reason).Id);
    }

    private static Task<ModerateProposalPayload> DeclineProposalAsync(ResolveContext c, SchemaServices s, DomainServices d)
    {
        var input = c.Input<DeclineProposalInput>();
        return ModerateAsync(c, s, input.Proposal, (me, id) => d.Moderation.Decline(me, id, input.Reason, input.Abuse ?? false).Id);
    }

    private static Task<ModerateProposalPayload> MergeProposalAsync(ResolveContext c, SchemaServices s, DomainServices d)
    {
        var input = c.Input<MergeProposalInput>();
        if (Refusal(Caller.Of(c), input.Into, "into", out var intoId) is { } refused)
        {
            return Task.FromResult(ModerateProposalPayload.Refused(refused));
        }

        return ModerateAsync(c, s, input.Proposal, (me, id) => d.Moderation.Merge(me, id, intoId, input.Reason).Id);
    }

    private static async Task<ModerateProposalPayload> ModerateAsync(ResolveContext c, SchemaServices s, string proposal, Func<long, long, long> action)
    {
        var caller = Caller.Of(c);
        if (Refusal(caller, proposal, "proposal", out var proposalId) is { } refused)
        {
            return ModerateProposalPayload.Refused(refused);
        }

        if (!caller.Roles.Contains("moderator"))
        {
            return ModerateProposalPayload.Refused(UserErrors.NotAuthorized("FORBIDDEN", "Only moderators act on the agenda queue."));
        }

        using var held = s.Publisher.Hold();
        var outcome = await MutationGuard.RunAsync("proposal", () => Task.FromResult<object?>(action(caller.MemberId!.Value, proposalId)));
        if (outcome["proposal"] is not long id)
        {
            return new ModerateProposalPayload(null, (IReadOnlyList<UserErrorValue>?)outcome["errors"]);
        }

        // The proposal as committed (read afresh, not from the request's loaders); the held
        // events go to subscribers with that row, so that they need not read it again.
        var row = (await s.Reads.ProposalsAsync([id], c.CancellationToken)).GetValueOrDefault(id);
        held.Release(row);
        return new ModerateProposalPayload(row, null);
    }

    /// <summary>The caller's refusal (scope, or an id that is not a proposal's), else the proposal's local id.</summary>
    private static UserErrorValue? Refusal(Caller caller, string proposal, string field, out long proposalId)
    {
        proposalId = 0;
        if (MutationGuard.RequireScope(caller, TokenScopes.Moderate) is { } refused)
        {
            return refused;
        }

        return Ids.TryLocal(proposal, Ids.Proposal, out proposalId)
            ? null
            : UserErrors.NotFound("UNKNOWN_PROPOSAL", $"\"{proposal}\" is not the id of a proposal.", field);
    }

    internal sealed record ScheduleProposalInput(string Proposal, string Reason, DateTimeOffset? DiscussionStartsAt);

    internal sealed record ReturnProposalInput(string Proposal, string Reason);

    /// <summary><c>abuse</c> defaults to false in the schema but a client may still send null, hence bool?.</summary>
    internal sealed record DeclineProposalInput(string Proposal, string Reason, bool? Abuse);

    internal sealed record MergeProposalInput(string Proposal, string Into, string Reason);

    internal sealed record ModerateProposalPayload(ProposalRow? Proposal, IReadOnlyList<UserErrorValue>? Errors)
    {
        public static ModerateProposalPayload Refused(UserErrorValue error) => new(null, [error]);
    }
}
