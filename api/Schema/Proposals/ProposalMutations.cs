using Governance.Api.Schema.Data;
using Governance.Core.Accounts;
using Governance.Core.Delegation;
using Governance.Core.Proposals;
using Governance.GraphQL.Execution;
using Governance.GraphQL.Types;

namespace Governance.Api.Schema;

/// <summary>
/// propose, withdrawProposal, editProposal, support, withdrawSupport (the propose scope), vote (the vote
/// scope) and endorse (the delegate scope), always as the caller. The domain services commit, apply the change to the
/// live engine and publish it; a resolver checks the caller, binds the typed input and reads the
/// typed payload (docs/graphql-engine.md, "Typed inputs and payloads").
/// </summary>
internal static class ProposalMutations
{
    public static SchemaBuilder AddProposalMutations(this SchemaBuilder builder, SchemaServices s, DomainServices d) => builder
        .ResolveAsync("Mutation.propose", c => ProposeAsync(c, s, d))
        .ResolveAsync("Mutation.withdrawProposal", c =>
            ProposalCommandAsync(c, s, TokenScopes.Propose, c.Input<ProposalInput>().Proposal, (me, id) => d.Proposals.Withdraw(me, id).Id))
        .ResolveAsync("Mutation.editProposal", c => EditProposalAsync(c, s, d))
        .ResolveAsync("Mutation.support", c => SupportAsync(c, s, d))
        .ResolveAsync("Mutation.withdrawSupport", c => WithdrawSupportAsync(c, s, d))
        .ResolveAsync("Mutation.vote", c => VoteAsync(c, s, d))
        .ResolveAsync("Mutation.endorse", c => EndorseAsync(c, s, d))
        .BindInput<ProposeInput>("ProposeInput")
        .BindInput<ProposalInput>("WithdrawProposalInput")
        .BindInput<EditProposalInput>("EditProposalInput")
        .BindInput<SupportInput>("SupportInput")
        .BindInput<ProposalInput>("WithdrawSupportInput")
        .BindInput<VoteInput>("VoteInput")
        .BindInput<EndorseInput>("EndorseInput")
        .BindType<ProposalPayload>("ProposePayload")
        .BindType<ProposalPayload>("WithdrawProposalPayload")
        .BindType<ProposalPayload>("EditProposalPayload")
        .BindType<SupportPayload>("SupportPayload")
        .BindType<WithdrawSupportPayload>("WithdrawSupportPayload")
        .BindType<VotePayload>("VotePayload")
        .BindType<EndorsePayload>("EndorsePayload");

    private static async Task<ProposalPayload> ProposeAsync(ResolveContext c, SchemaServices s, DomainServices d)
    {
        using var held = s.Publisher.Hold();
        var input = c.Input<ProposeInput>();
        var caller = Caller.Of(c);
        if (MutationGuard.RequireScope(caller, TokenScopes.Propose) is { } refused)
        {
            return ProposalPayload.Refused(refused);
        }

        if (!Ids.TryLocal(input.Area, Ids.Area, out var areaId))
        {
            return ProposalPayload.Refused(UserErrors.NotFound("UNKNOWN_AREA", $"\"{input.Area}\" is not the id of an area.", "area"));
        }

        var outcome = await MutationGuard.TryAsync<long?>(async () => (await d.Proposals.ProposeAsync(caller.MemberId!.Value, areaId, input.Title, input.Body)).Id);
        return new ProposalPayload(await CommittedAsync(c, s, held, outcome.Value), outcome.Errors);
    }

    private static Task<ProposalPayload> EditProposalAsync(ResolveContext c, SchemaServices s, DomainServices d)
    {
        var input = c.Input<EditProposalInput>();
        return ProposalCommandAsync(c, s, TokenScopes.Propose, input.Proposal, (me, id) => d.Proposals.Edit(me, id, input.Title, input.Body).Id);
    }

    private static async Task<SupportPayload> SupportAsync(ResolveContext c, SchemaServices s, DomainServices d)
    {
        using var held = s.Publisher.Hold();
        var input = c.Input<SupportInput>();
        if (RefuseOrProposal(c, TokenScopes.Propose, input.Proposal, out var proposalId) is { } refused)
        {
            return new SupportPayload(null, null, null, [refused]);
        }

        var me = Caller.Of(c).MemberId!.Value;
        var outcome = await MutationGuard.TryAsync(() => d.Support.AllocateAsync(me, proposalId, input.Points));
        return outcome.Value is { } support
            ? new SupportPayload(await CommittedAsync(c, s, held, support.ProposalId), support.Points, AllowanceLeft(support), null)
            : new SupportPayload(await CommittedAsync(c, s, held, null), null, null, outcome.Errors);
    }

    private static async Task<WithdrawSupportPayload> WithdrawSupportAsync(ResolveContext c, SchemaServices s, DomainServices d)
    {
        using var held = s.Publisher.Hold();
        if (RefuseOrProposal(c, TokenScopes.Propose, c.Input<ProposalInput>().Proposal, out var proposalId) is { } refused)
        {
            return new WithdrawSupportPayload(null, null, [refused]);
        }

        var me = Caller.Of(c).MemberId!.Value;
        var outcome = await MutationGuard.TryAsync(() => d.Support.WithdrawAsync(me, proposalId));
        return outcome.Value is { } support
            ? new WithdrawSupportPayload(await CommittedAsync(c, s, held, support.ProposalId), AllowanceLeft(support), null)
            : new WithdrawSupportPayload(await CommittedAsync(c, s, held, null), null, outcome.Errors);
    }

    private static async Task<VotePayload> VoteAsync(ResolveContext c, SchemaServices s, DomainServices d)
    {
        using var held = s.Publisher.Hold();
        var input = c.Input<VoteInput>();
        if (RefuseOrProposal(c, TokenScopes.Vote, input.Proposal, out var proposalId) is { } refused)
        {
            return new VotePayload(null, null, [refused]);
        }

        var me = Caller.Of(c).MemberId!.Value;
        var outcome = await MutationGuard.TryAsync<long?>(async () =>
        {
            await d.Votes.CastAsync(me, proposalId, input.Choice);
            return proposalId;
        });
        return new VotePayload(await CommittedAsync(c, s, held, outcome.Value), outcome.Errors is null ? input.Choice : null, outcome.Errors);
    }

    private static async Task<EndorsePayload> EndorseAsync(ResolveContext c, SchemaServices s, DomainServices d)
    {
        var caller = Caller.Of(c);
        var input = c.Input<EndorseInput>();
        // A statement of trust in another member, as a delegation is: the delegate scope, so
        // that a token made to cast votes cannot also hand out karma (agenda power).
        if (MutationGuard.RequireScope(caller, TokenScopes.Delegate) is { } refused)
        {
            return new EndorsePayload(null, null, [refused]);
        }

        if (!Ids.TryLocal(input.Member, Ids.Member, out var endorsed))
        {
            return new EndorsePayload(null, null, [UserErrors.NotFound("UNKNOWN_MEMBER", $"\"{input.Member}\" is not the id of a member.", "member")]);
        }

        var outcome = await MutationGuard.TryAsync(() => Task.FromResult(d.Karma.Endorse(caller.MemberId!.Value, endorsed)));
        return outcome.Value is { } result
            ? new EndorsePayload((await s.Reads.MembersAsync([endorsed], c.CancellationToken)).GetValueOrDefault(endorsed), result.KarmaAwarded, null)
            : new EndorsePayload(null, null, outcome.Errors);
    }

    private static int AllowanceLeft(SupportResult support) => Math.Max(0, support.Allowance - support.Allocated);

    /// <summary>The caller's refusal (scope, or an id that is not a proposal's), else the proposal's local id.</summary>
    private static UserErrorValue? RefuseOrProposal(ResolveContext c, string scope, string proposal, out long proposalId)
    {
        proposalId = 0;
        if (MutationGuard.RequireScope(Caller.Of(c), scope) is { } refused)
        {
            return refused;
        }

        return Ids.TryLocal(proposal, Ids.Proposal, out proposalId)
            ? null
            : UserErrors.NotFound("UNKNOWN_PROPOSAL", $"\"{proposal}\" is not the id of a proposal.", "proposal");
    }

    /// <summary>A command on one proposal that answers with that proposal.</summary>
    private static async Task<ProposalPayload> ProposalCommandAsync(ResolveContext c, SchemaServices s, string scope, string proposal, Func<long, long, long> command)
    {
        if (RefuseOrProposal(c, scope, proposal, out var proposalId) is { } refused)
        {
            return ProposalPayload.Refused(refused);
        }

        var me = Caller.Of(c).MemberId!.Value;
        using var held = s.Publisher.Hold();
        var outcome = await MutationGuard.TryAsync<long?>(() => Task.FromResult<long?>(command(me, proposalId)));
        return new ProposalPayload(await CommittedAsync(c, s, held, outcome.Value), outcome.Errors);
    }

    /// <summary>
    /// The proposal a successful command changed, as committed (read afresh, not from the
    /// request's loaders); the command's events go to subscribers with that row, so that they
    /// need not read it again. Null (and the held events released as they are) on a refusal.
    /// </summary>
    private static async Task<ProposalRow?> CommittedAsync(ResolveContext c, SchemaServices s, GovernanceEventPublisher.Holding held, long? proposalId)
    {
        ProposalRow? row = null;
        if (proposalId is long id)
        {
            row = (await s.Reads.ProposalsAsync([id], c.CancellationToken)).GetValueOrDefault(id);
            held.Release(row);
        }

        held.Release();
        return row;
    }

    internal sealed record ProposeInput(string Area, string Title, string Body);

    /// <summary>WithdrawProposalInput and WithdrawSupportInput: the proposal only.</summary>
    internal sealed record ProposalInput(string Proposal);

    internal sealed record EditProposalInput(string Proposal, string? Title, string? Body);

    internal sealed record SupportInput(string Proposal, int Points);

    internal sealed record VoteInput(string Proposal, VoteChoice Choice);

    internal sealed record EndorseInput(string Member);

    /// <summary>ProposePayload, WithdrawProposalPayload and EditProposalPayload: the proposal as committed.</summary>
    internal sealed record ProposalPayload(ProposalRow? Proposal, IReadOnlyList<UserErrorValue>? Errors)
    {
        public static ProposalPayload Refused(UserErrorValue error) => new(null, [error]);
    }

    internal sealed record SupportPayload(ProposalRow? Proposal, int? Points, int? AllowanceLeft, IReadOnlyList<UserErrorValue>? Errors);

    internal sealed record WithdrawSupportPayload(ProposalRow? Proposal, int? AllowanceLeft, IReadOnlyList<UserErrorValue>? Errors);

    internal sealed record VotePayload(ProposalRow? Proposal, VoteChoice? Choice, IReadOnlyList<UserErrorValue>? Errors);

    internal sealed record EndorsePayload(MemberRow? Member, double? KarmaAwarded, IReadOnlyList<UserErrorValue>? Errors);
}
