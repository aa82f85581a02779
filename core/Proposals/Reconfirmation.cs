using Governance.Core.Domain;
using Governance.Core.Events;
using Governance.Core.Policies;
using Governance.Core.Storage;

namespace Governance.Core.Proposals;

/// <summary>
/// The supportAfterEdit policy's RECONFIRM (issue 17): after an author edits an open proposal,
/// each supporter of the earlier text confirms by supporting again; points not confirmed within
/// the policy's reconfirmDays of the edit are released, with a public log entry per member.
/// </summary>
public static class Reconfirmation
{
    /// <summary>Releases what is due at <paramref name="now"/>; returns the proposals it changed.</summary>
    public static IReadOnlyList<long> ReleaseDue(Database database, DateTimeOffset now)
    {
        var nowMs = Millis.Of(now);
        var changed = new List<long>();
        foreach (var proposalId in Transactions.Read(database, ProposalVersionStore.OpenEdited))
        {
            var released = Transactions.Write(database, (c, t) =>
            {
                var proposal = ProposalStore.Find(c, t, proposalId);
                if (proposal is not { Status: ProposalStatus.Open })
                {
                    return 0;
                }

                var policy = ProposalService.PolicyOf(c, t, proposal);
                if (policy.SupportAfterEdit != SupportAfterEdit.Reconfirm)
                {
                    return 0;
                }

                var members = ProposalVersionStore.Unconfirmed(c, t, proposalId, nowMs - Millis.Days(policy.ReconfirmDays));
                foreach (var member in members)
                {
                    ProposalStore.ReleaseSupport(c, t, member, proposalId, nowMs);
                    EventLog.Append(c, t, now, null, EventTypes.SupportReleasedUnconfirmed, new { proposal = proposalId, member });
                }

                return members.Count;
            });
            if (released > 0)
            {
                changed.Add(proposalId);
            }
        }

        return changed;
    }

    /// <summary>
    /// Under RECONFIRM, when the member's support for an earlier version of the proposal is
    /// released unless they confirm it; null under KEEP, or when their support is on the text in force.
    /// </summary>
    public static DateTimeOffset? ReleasesAt(Database database, long memberId, long proposalId) => Transactions.Read(database, c =>
    {
        var proposal = ProposalStore.Find(c, null, proposalId);
        if (proposal is null || ProposalVersionStore.SupportedVersion(c, memberId, proposalId) is not { } version)
        {
            return (DateTimeOffset?)null;
        }

        var policy = ProposalService.PolicyOf(c, null, proposal);
        return policy.SupportAfterEdit == SupportAfterEdit.Reconfirm && ProposalVersionStore.ReplacedAt(c, proposalId, version) is { } replaced
            ? Millis.At(replaced + Millis.Days(policy.ReconfirmDays))
            : null;
    });
}
