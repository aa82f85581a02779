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
        .Resolve("Invitation.status", c =>
        {
            var i = c.ParentAs<InvitationInfo>();
            return i.UsedBy is not null ? "USED" : i.RevokedAt is not null ? "REVOKED" : i.ExpiresAt <= s.Clock.GetUtcNow() ? "EXPIRED" : "OPEN";
        })
        .BindType<RegistryImportReport>("RegistryImport")
        .BindType<RegistryEntryChange>("RegistryEntryChange")
        .BindType<VotingRightChange>("VotingRightChange")
        .ResolveAsync("VotingRightChange.member", c => c.Member(s.Reads, c.ParentAs<VotingRightChange>().MemberId))
        .ResolveAsync("Mutation.createInvitation", async c =>
        {
            var caller = Caller.Of(c);
            var input = Input(c);
            if (MutationGuard.RequireAdmin(caller) is { } refused)
            {
                return UserErrors.Payload("invitation", refused);
            }

            string? code = null;
            var payload = await MutationGuard.RunAsync("invitation", () =>
            {
                var (created, invitation) = d.Membership.CreateInvitation(caller.MemberId!.Value, input.GetValueOrDefault("note") as string, input.GetValueOrDefault("expiresInDays") as int?);
                code = created;
                return Task.FromResult<object?>(invitation);
            });
            payload["code"] = code;
            return payload;
        })
        .BindDictionary("CreateInvitationPayload")
        .ResolveAsync("Mutation.revokeInvitation", async c =>
        {
            var caller = Caller.Of(c);
            var input = Input(c);
            if (MutationGuard.RequireAdmin(caller) is { } refused)
            {
                return UserErrors.Payload("invitation", refused);
            }

            if (!Ids.TryLocal(input["invitation"] as string, Ids.Invitation, out var id))
            {
                return UserErrors.Payload("invitation", UserErrors.NotFound("UNKNOWN_INVITATION", $"\"{input["invitation"]}\" is not the id of an invitation.", "invitation"));
            }

            return await MutationGuard.RunAsync("invitation", () => Task.FromResult<object?>(d.Membership.RevokeInvitation(caller.MemberId!.Value, id)));
        })
        .BindDictionary("RevokeInvitationPayload")
        .ResolveAsync("Mutation.importRegistry", async c =>
        {
            var caller = Caller.Of(c);
            var input = Input(c);
            if (MutationGuard.RequireAdmin(caller) is { } refused)
            {
                return UserErrors.Payload("report", refused);
            }

            return await MutationGuard.RunAsync("report", async () =>
                await d.Membership.ImportRegistryAsync(caller.MemberId!.Value, (string)input["csv"]!, input.GetValueOrDefault("dryRun") as bool? ?? false));
        })
        .BindDictionary("ImportRegistryPayload");

    private static IReadOnlyDictionary<string, object?> Input(ResolveContext c) => (IReadOnlyDictionary<string, object?>)c.Arguments["input"]!;
}
