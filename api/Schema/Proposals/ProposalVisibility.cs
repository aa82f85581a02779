using Governance.Core.Comments;
using Governance.Core.Storage;
using ProposalRow = Governance.Api.Schema.Data.ProposalRow;

namespace Governance.Api.Schema;

/// <summary>
/// Which hidden proposals a caller's lists show (issue 17): a proposal hidden by a moderator,
/// or by members' reports until one decides, leaves every list (Query.proposals in each order,
/// area and status; the agenda and its subscription) for everyone but moderators and its
/// author, who see it with Proposal.hidden set and the public reason. Query.proposal(id) still
/// answers, so a link to it shows the hide and its reason rather than nothing.
/// </summary>
internal static class ProposalVisibility
{
    /// <summary>Whether the caller sees every hidden proposal in lists: a moderator does.</summary>
    public static bool SeesHidden(Caller caller) => caller.IsAuthenticated && caller.Roles.Contains("moderator");

    /// <summary>The rows without the hidden proposals this caller may not see listed, in order.</summary>
    public static List<ProposalRow> Listed(SchemaServices s, Caller caller, List<ProposalRow> rows)
    {
        if (SeesHidden(caller) || rows.Count == 0)
        {
            return rows;
        }

        var hidden = Transactions.Read(s.Database, db => ReportStore.HiddenMany(db, ReportService.Proposal, rows.Select(r => r.Id).ToArray()));
        return [.. rows.Where(r => !(hidden.TryGetValue(r.Id, out var h) && h.InForce) || r.AuthorId == caller.MemberId)];
    }
}
