using System.Reflection;
using Governance.Api.Schema.Data;
using Governance.Core.Karma;
using Governance.Core.Policies;
using Governance.Core.Proposals;
using Governance.Core.Storage;
using Governance.GraphQL.Types;
using ProposalRow = Governance.Api.Schema.Data.ProposalRow;

namespace Governance.Api.Schema;

/// <summary>
/// The rules members can see: the typed Policy of the organisation, an area or a proposal with
/// where each value comes from; a declined proposal's appeal; what a viewer may still endorse.
/// Reads only: every value comes from core's services.
/// </summary>
internal static class PolicyResolvers
{
    public static SchemaBuilder AddPolicies(this SchemaBuilder builder, SchemaServices s, DomainServices d)
    {
        builder
            .ResolveAsync("Query.policyInForce", async c => d.Policies.InForce(await AreaResolvers.AreaArgumentOrNullAsync(c, s, "area")))
            .Resolve("Area.policy", c => d.Policies.InForce(c.ParentAs<AreaRow>().Id))
            .Resolve("Proposal.policy", c => d.Policies.OfProposal(c.ParentAs<ProposalRow>().Id))
            .BindType<PolicyInForce>("Policy")
            .ResolveAsync("Policy.area", async c => c.ParentAs<PolicyInForce>().AreaId is { } area ? await c.Area(s.Reads, area) : null)
            .Resolve("Policy.maxDelegates", _ => PolicyInForce.MaxDelegates)
            .BindType<PolicySource>("PolicySource")
            .Resolve("PolicySource.field", c => c.ParentAs<PolicySource>().Key)
            .ResolveAsync("PolicySource.area", async c => c.ParentAs<PolicySource>().AreaId is { } area ? await c.Area(s.Reads, area) : null)
            .Resolve("Proposal.appealDeadline", c => d.Proposals.Get(c.ParentAs<ProposalRow>().Id).AppealUntil)
            .Resolve("Proposal.appeal", c => d.Proposals.Appeal(c.ParentAs<ProposalRow>().Id))
            .BindType<AppealView>("Appeal")
            .Resolve("Appeal.supporterCount", c => c.ParentAs<AppealView>().Supporters)
            .Resolve("StatusChange.appealOutcome", c => AppealOutcomeOf(c.ParentAs<StatusRow>()))
            .Resolve("Viewer.endorsementAllowance", c => d.Karma.Endorsements(c.ParentAs<ViewerRow>().Id))
            .BindType<EndorsementAllowance>("EndorsementAllowance")
            .BindType<RecentEndorsement>("RecentEndorsement")
            .ResolveAsync("RecentEndorsement.member", c => c.Member(s.Reads, c.ParentAs<RecentEndorsement>().MemberId));

        // One resolver per policy value, named as its camelCase JSON key: the schema and
        // PolicyValues cannot drift apart silently (an unmatched field fails the schema's build).
        foreach (var property in typeof(PolicyValues).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            var getter = property.GetMethod!;
            builder.Resolve("Policy." + PolicyValues.Json.PropertyNamingPolicy!.ConvertName(property.Name), c => getter.Invoke(c.ParentAs<PolicyInForce>().Values, null));
        }

        return builder;
    }

    /// <summary>An appeal's outcome as the status history records it (see <see cref="ProposalStore.AppealUpheldPrefix"/>).</summary>
    private static AppealOutcome? AppealOutcomeOf(StatusRow row) => row switch
    {
        { Status: ProposalStatus.OnAgenda, Reason: { } r } when r.StartsWith(ProposalStore.AppealUpheldPrefix, StringComparison.Ordinal) => AppealOutcome.Upheld,
        { Status: ProposalStatus.Declined, Reason: { } r } when r.StartsWith(ProposalStore.AppealLapsedPrefix, StringComparison.Ordinal) => AppealOutcome.Lapsed,
        _ => null,
    };
}
