using Governance.Api.Schema.Data;
using Governance.Core.Accounts;
using Governance.GraphQL.Execution;
using Governance.GraphQL.Types;

namespace Governance.Api.Schema;

/// <summary>
/// Who may vote: invitations and the membership-register import (admins, through a session),
/// and the viewer's reason for their voting right. The rules live in <see cref="MembershipService"/>.
/// </summary>
internal static class MembershipResolvers
{
    public static SchemaBuilder AddMembership(this SchemaBuilder builder, SchemaServices s, DomainServices d) => builder
        .Resolve("Viewer.votingRightReason", c => d.Membership.VotingRightReason(c.ParentAs<ViewerRow>().Id) ?? string.Empty)
        .Resolve("Query.invitations", c => Caller.Of(c) is { IsAdmin: true } ? d.Membership.Invitations() : null)
        .BindType<InvitationInfo>("Invitation")
        .Resolve("Invitation.id", c => Ids.Of(Ids.Invitation, c.ParentAs<InvitationInfo>().Id))
        .ResolveAsync("Invitation.createdBy", c => c.Member(s.Reads, c.ParentAs<InvitationInfo>().CreatedBy))
        .ResolveAsync("Invitation.usedBy", async c => c.ParentAs<InvitationInfo>().UsedBy is { } id ? await c.Member(s.Reads, id) : null)
        .Resolve("Invitation.status", c => InvitationStatus(c, s))
        .BindType<RegistryImportReport>("RegistryImport")
        .BindType<RegistryEntryChange>("RegistryEntryChange")
        .BindType<VotingRightChange>("VotingRightChange")
        .ResolveAsync("VotingRightChange.member", c => c.Member(s.Reads, c.ParentAs<VotingRightChange>().MemberId))
        .ResolveAsync("Mutation.createInvitation", c => CreateInvitationAsync(c, d))
        .ResolveAsync("Mutation.revokeInvitation", c => RevokeInvitationAsync(c, d))
        .ResolveAsync("Mutation.importRegistry", c => ImportRegistryAsync(c, d))
        .BindInput<CreateInvitationInput>("CreateInvitationInput")
        .BindInput<RevokeInvitationInput>("RevokeInvitationInput")
        .BindInput<ImportRegistryInput>("ImportRegistryInput")
        .BindType<CreateInvitationPayload>("CreateInvitationPayload")
        .BindType<RevokeInvitationPayload>("RevokeInvitationPayload")
        .BindType<ImportRegistryPayload>("ImportRegistryPayload");

    private static string? InvitationStatus(ResolveContext c, SchemaServices s)
    {
        var i = c.ParentAs<InvitationInfo>();
        return i.UsedBy is not null ? "USED" : i.RevokedAt is not null ? "REVOKED" : i.ExpiresAt <= s.Clock.GetUtcNow() ? "EXPIRED" : "OPEN";
    }

    private static async Task<CreateInvitationPayload> CreateInvitationAsync(ResolveContext c, DomainServices d)
    {
        var caller = Caller.Of(c);
        var input = c.Input<CreateInvitationInput>();
        if (MutationGuard.RequireAdmin(caller) is { } refused)
        {
            return new CreateInvitationPayload(null, null, [refused]);
        }

        var outcome = await MutationGuard.TryAsync(() => Task.FromResult(d.Membership.CreateInvitation(caller.MemberId!.Value, input.Note, input.ExpiresInDays)));
        return new CreateInvitationPayload(outcome.Value.Invitation, outcome.Value.Code, outcome.Errors);
    }

    private static async Task<RevokeInvitationPayload> RevokeInvitationAsync(ResolveContext c, DomainServices d)
    {
        var caller = Caller.Of(c);
        var input = c.Input<RevokeInvitationInput>();
        if (MutationGuard.RequireAdmin(caller) is { } refused)
        {
            return new RevokeInvitationPayload(null, [refused]);
        }

        if (!Ids.TryLocal(input.Invitation, Ids.Invitation, out var id))
        {
            return new RevokeInvitationPayload(null, [UserErrors.NotFound("UNKNOWN_INVITATION", $"\"{input.Invitation}\" is not the id of an invitation.", "invitation")]);
        }

        var outcome = await MutationGuard.TryAsync(() => Task.FromResult(d.Membership.RevokeInvitation(caller.MemberId!.Value, id)));
        return new RevokeInvitationPayload(outcome.Value, outcome.Errors);
    }

    private static async Task<ImportRegistryPayload> ImportRegistryAsync(ResolveContext c, DomainServices d)
    {
        var caller = Caller.Of(c);
        var input = c.Input<ImportRegistryInput>();
        if (MutationGuard.RequireAdmin(caller) is { } refused)
        {
            return new ImportRegistryPayload(null, [refused]);
        }

        var outcome = await MutationGuard.TryAsync(() => d.Membership.ImportRegistryAsync(caller.MemberId!.Value, input.Csv, input.DryRun ?? false));
        return new ImportRegistryPayload(outcome.Value, outcome.Errors);
    }

    internal sealed record CreateInvitationInput(string? Note, int? ExpiresInDays);

    internal sealed record RevokeInvitationInput(string Invitation);

    /// <summary><c>dryRun</c> defaults to false in the schema but a client may still send null, hence bool?.</summary>
    internal sealed record ImportRegistryInput(string Csv, bool? DryRun);

    /// <summary>The code is shown this once: only the payload carries it, never the invitation.</summary>
    internal sealed record CreateInvitationPayload(InvitationInfo? Invitation, string? Code, IReadOnlyList<UserErrorValue>? Errors);

    internal sealed record RevokeInvitationPayload(InvitationInfo? Invitation, IReadOnlyList<UserErrorValue>? Errors);

    internal sealed record ImportRegistryPayload(RegistryImportReport? Report, IReadOnlyList<UserErrorValue>? Errors);
}
