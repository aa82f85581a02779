using Governance.Core.Accounts;
using Governance.Core.Delegation;
using Governance.Core.Proposals;
using Governance.GraphQL.Execution;
using Governance.GraphQL.Types;

namespace Governance.Api.Schema;

/// <summary>
/// propose, withdrawProposal, editProposal, support, withdrawSupport (the propose scope), vote (the vote
/// scope) and endorse (the delegate scope), always as the caller. The domain services commit, apply the change to the
/// live engine and publish it; a resolver checks the caller, binds the input and reads the payload.
/// </summary>
internal static class ProposalMutations
{
    public static SchemaBuilder AddProposalMutations(this SchemaBuilder builder, SchemaServices s, DomainServices d) => builder
        .ResolveAsync("Mutation.propose", async c =>
        {
            using var held = s.Publisher.Hold();
            var input = Input(c);
            var caller = Caller.Of(c);
            if (MutationGuard.RequireScope(caller, TokenScopes.Propose) is { } refused)
            {
                return UserErrors.Payload("proposal", refused);
            }

            if (!Ids.TryLocal(input["area"] as string, Ids.Area, out var areaId))
            {
                return UserErrors.Payload("proposal", UserErrors.NotFound("UNKNOWN_AREA", $"\"{input["area"]}\" is not the id of an area.", "area"));
            }

            var payload = await MutationGuard.RunAsync("proposal", async () =>
                (await d.Proposals.ProposeAsync(caller.MemberId!.Value, areaId, (string)input["title"]!, (string)input["body"]!)).Id);
            return await ProposalPayloadAsync(c, s, held, payload);
        })
        .ResolveAsync("Mutation.withdrawProposal", c => ProposalCommandAsync(c, s, TokenScopes.Propose, (me, id) => d.Proposals.Withdraw(me, id).Id))
        .ResolveAsync("Mutation.editProposal", c => ProposalCommandAsync(c, s, TokenScopes.Propose, (me, id) =>
        {
            var input = Input(c);
            return d.Proposals.Edit(me, id, input.GetValueOrDefault("title") as string, input.GetValueOrDefault("body") as string).Id;
        }))
        .ResolveAsync("Mutation.support", async c =>
        {
            using var held = s.Publisher.Hold();
            var caller = Caller.Of(c);
            if (RefuseOrProposal(c, TokenScopes.Propose, out var proposalId) is { } refused)
            {
                return UserErrors.Payload("proposal", refused);
            }

            var points = (int)Input(c)["points"]!;
            var payload = await MutationGuard.RunAsync("proposal", async () => (object?)await d.Support.AllocateAsync(caller.MemberId!.Value, proposalId, points));
            if (payload["proposal"] is SupportResult support)
            {
                payload["points"] = support.Points;
                payload["allowanceLeft"] = Math.Max(0, support.Allowance - support.Allocated);
                payload["proposal"] = support.ProposalId;
            }

            return await ProposalPayloadAsync(c, s, held, payload);
        })
        .ResolveAsync("Mutation.withdrawSupport", async c =>
        {
            using var held = s.Publisher.Hold();
            var caller = Caller.Of(c);
            if (RefuseOrProposal(c, TokenScopes.Propose, out var proposalId) is { } refused)
            {
                return UserErrors.Payload("proposal", refused);
            }

            var payload = await MutationGuard.RunAsync("proposal", async () => (object?)await d.Support.WithdrawAsync(caller.MemberId!.Value, proposalId));
            if (payload["proposal"] is SupportResult support)
            {
                payload["allowanceLeft"] = Math.Max(0, support.Allowance - support.Allocated);
                payload["proposal"] = support.ProposalId;
            }

            return await ProposalPayloadAsync(c, s, held, payload);
        })
        .ResolveAsync("Mutation.vote", async c =>
        {
            using var held = s.Publisher.Hold();
            var caller = Caller.Of(c);
            if (RefuseOrProposal(c, TokenScopes.Vote, out var proposalId) is { } refused)
            {
                return UserErrors.Payload("proposal", refused);
            }

            var choice = Enum.Parse<VoteChoice>((string)Input(c)["choice"]!, ignoreCase: true);
            var me = caller.MemberId!.Value;
            var payload = await MutationGuard.RunAsync("proposal", async () =>
            {
                await d.Votes.CastAsync(me, proposalId, choice);
                return proposalId;
            });
            if (payload["errors"] is null)
            {
                payload["choice"] = choice;
            }

            return await ProposalPayloadAsync(c, s, held, payload);
        })
        .ResolveAsync("Mutation.endorse", async c =>
        {
            var caller = Caller.Of(c);
            // A statement of trust in another member, as a delegation is: the delegate scope, so
            // that a token made to cast votes cannot also hand out karma (agenda power).
            if (MutationGuard.RequireScope(caller, TokenScopes.Delegate) is { } refused)
            {
                return UserErrors.Payload("member", refused);
            }

            if (!Ids.TryLocal(Input(c)["member"] as string, Ids.Member, out var endorsed))
            {
                return UserErrors.Payload("member", UserErrors.NotFound("UNKNOWN_MEMBER", $"\"{Input(c)["member"]}\" is not the id of a member.", "member"));
            }

            var payload = await MutationGuard.RunAsync("member", () => Task.FromResult<object?>(d.Karma.Endorse(caller.MemberId!.Value, endorsed)));
            if (payload["member"] is Governance.Core.Karma.EndorsementResult result)
            {
                payload["karmaAwarded"] = result.KarmaAwarded;
                payload["member"] = (await s.Reads.MembersAsync([endorsed], c.CancellationToken)).GetValueOrDefault(endorsed);
            }

            return payload;
        })
        .BindDictionary("EndorsePayload")
        .BindDictionary("ProposePayload")
        .BindDictionary("WithdrawProposalPayload")
        .BindDictionary("EditProposalPayload")
        .BindDictionary("SupportPayload")
        .BindDictionary("WithdrawSupportPayload")
        .BindDictionary("VotePayload");

    internal static IReadOnlyDictionary<string, object?> Input(ResolveContext c) => (IReadOnlyDictionary<string, object?>)c.Arguments["input"]!;

    /// <summary>The caller's refusal (scope, or an id that is not a proposal's), else the proposal's local id.</summary>
    internal static UserErrorValue? RefuseOrProposal(ResolveContext c, string scope, out long proposalId, string field = "proposal")
    {
        proposalId = 0;
        if (MutationGuard.RequireScope(Caller.Of(c), scope) is { } refused)
        {
            return refused;
        }

        return Ids.TryLocal(Input(c)[field] as string, Ids.Proposal, out proposalId)
            ? null
            : UserErrors.NotFound("UNKNOWN_PROPOSAL", $"\"{Input(c)[field]}\" is not the id of a proposal.", field);
    }

    /// <summary>A command on one proposal that answers with that proposal.</summary>
    internal static async Task<object?> ProposalCommandAsync(ResolveContext c, SchemaServices s, string scope, Func<long, long, long> command)
    {
        if (RefuseOrProposal(c, scope, out var proposalId) is { } refused)
        {
            return UserErrors.Payload("proposal", refused);
        }

        var me = Caller.Of(c).MemberId!.Value;
        using var held = s.Publisher.Hold();
        var payload = await MutationGuard.RunAsync("proposal", () => Task.FromResult<object?>(command(me, proposalId)));
        return await ProposalPayloadAsync(c, s, held, payload);
    }

    /// <summary>
    /// Turns the proposal id of a successful payload into the proposal as committed (read
    /// afresh, not from the request's loaders), and lets the command's events go to subscribers
    /// with that row, so that they need not read it again.
    /// </summary>
    internal static async Task<Dictionary<string, object?>> ProposalPayloadAsync(ResolveContext c, SchemaServices s, GovernanceEventPublisher.Holding held, Dictionary<string, object?> payload)
    {
        if (payload["proposal"] is long id)
        {
            var row = (await s.Reads.ProposalsAsync([id], c.CancellationToken)).GetValueOrDefault(id);
            payload["proposal"] = row;
            held.Release(row);
        }

        held.Release();
        return payload;
    }
}
