using Governance.Core.Accounts;
using Governance.Core.Comments;
using Governance.Core.Storage;
using Governance.GraphQL.Execution;
using Governance.GraphQL.Relay;
using Governance.GraphQL.Types;
using ProposalRow = Governance.Api.Schema.Data.ProposalRow;

namespace Governance.Api.Schema;

/// <summary>
/// Reports and hiding over GraphQL (issue 17): report, hideContent, decideReport, appealHide
/// with typed inputs and payloads, the moderators' reportQueue, and the hidden state of a
/// proposal or comment. A hidden comment's text is withheld from everyone but its author and
/// moderators; the reason is public.
/// </summary>
internal static class Reports
{
    public static SchemaBuilder AddReports(this SchemaBuilder builder, SchemaServices s, DomainServices d) => builder
        .ResolveAsync("Proposal.hidden", c => c.Hidden(s, ReportService.Proposal, c.ParentAs<ProposalRow>().Id))
        .ResolveAsync("Comment.hidden", c => c.Hidden(s, ReportService.Comment, c.ParentAs<CommentRow>().Id))
        .BindType<HiddenRow>("HiddenContent")
        .Resolve("HiddenContent.hiddenAt", c => At(c.ParentAs<HiddenRow>().HiddenAt))
        .Resolve("HiddenContent.appealedAt", c => c.ParentAs<HiddenRow>().AppealedAt is { } at ? At(at) : (DateTimeOffset?)null)
        .Resolve("HiddenContent.decidedAt", c => c.ParentAs<HiddenRow>().DecidedAt is { } at ? At(at) : (DateTimeOffset?)null)
        .ResolveAsync("HiddenContent.hiddenBy", async c => c.ParentAs<HiddenRow>().HiddenBy is { } by ? await c.Member(s.Reads, by) : null)
        .Resolve("Query.reportQueue", c => Caller.Of(c) is { } caller && caller.Roles.Contains("moderator") && caller.Has(TokenScopes.Moderate) ? d.Reports.Queue() : [])
        .BindType<ReportQueueRow>("ReportQueueItem")
        .Resolve("ReportQueueItem.target", c => TargetId(c.ParentAs<ReportQueueRow>().TargetKind, c.ParentAs<ReportQueueRow>().TargetId))
        .Resolve("ReportQueueItem.kind", c => c.ParentAs<ReportQueueRow>().TargetKind.ToUpperInvariant())
        .ResolveAsync("ReportQueueItem.proposal", c => c.Proposal(s.Reads, c.ParentAs<ReportQueueRow>().ProposalId))
        .ResolveAsync("ReportQueueItem.comment", async c =>
            c.ParentAs<ReportQueueRow>() is { TargetKind: ReportService.Comment } row ? await c.Comment(s, row.TargetId) : null)
        .Resolve("ReportQueueItem.reportCount", c => c.ParentAs<ReportQueueRow>().Reports)
        .Resolve("ReportQueueItem.reasons", c => Transactions.Read(s.Database, db => ReportStore.Reasons(db, c.ParentAs<ReportQueueRow>().TargetKind, c.ParentAs<ReportQueueRow>().TargetId)))
        .ResolveAsync("ReportQueueItem.hidden", c => c.Hidden(s, c.ParentAs<ReportQueueRow>().TargetKind, c.ParentAs<ReportQueueRow>().TargetId))
        .ResolveAsync("Mutation.report", c => ReportAsync(c, d))
        .ResolveAsync("Mutation.hideContent", c => HideContentAsync(c, d))
        .ResolveAsync("Mutation.decideReport", c => DecideReportAsync(c, d))
        .ResolveAsync("Mutation.appealHide", c => AppealHideAsync(c, d))
        .BindInput<ReportInput>("ReportInput")
        .BindInput<HideContentInput>("HideContentInput")
        .BindInput<DecideReportInput>("DecideReportInput")
        .BindInput<AppealHideInput>("AppealHideInput")
        .BindType<ReportPayload>("ReportPayload")
        .BindType<HidePayload>("HidePayload");

    private static async Task<ReportPayload> ReportAsync(ResolveContext c, DomainServices d)
    {
        var input = c.Input<ReportInput>();
        var outcome = await RunAsync(c, TokenScopes.Propose, input.Target, (me, kind, id) => d.Reports.Report(me, kind, id, input.Reason));
        return new ReportPayload(outcome.Result as bool?, outcome.Errors);
    }

    private static async Task<HidePayload> HideContentAsync(ResolveContext c, DomainServices d)
    {
        var input = c.Input<HideContentInput>();
        var outcome = await RunAsync(c, TokenScopes.Moderate, input.Target, (me, kind, id) => d.Reports.Hide(me, kind, id, input.Reason));
        return new HidePayload(outcome.Result as HiddenRow, outcome.Errors);
    }

    private static async Task<HidePayload> DecideReportAsync(ResolveContext c, DomainServices d)
    {
        var input = c.Input<DecideReportInput>();
        var outcome = await RunAsync(c, TokenScopes.Moderate, input.Target, (me, kind, id) => d.Reports.Decide(me, kind, id, input.Restore, input.Reason));
        return new HidePayload(outcome.Result as HiddenRow, outcome.Errors);
    }

    private static async Task<HidePayload> AppealHideAsync(ResolveContext c, DomainServices d)
    {
        var input = c.Input<AppealHideInput>();
        var outcome = await RunAsync(c, TokenScopes.Propose, input.Target, (me, kind, id) => d.Reports.Appeal(me, kind, id, input.Text));
        return new HidePayload(outcome.Result as HiddenRow, outcome.Errors);
    }

    /// <summary>Hidden state in force (not restored), batched per kind.</summary>
    internal static async Task<HiddenRow?> Hidden(this ResolveContext context, SchemaServices s, string kind, long id)
    {
        var row = await context.DataLoader<long, HiddenRow>("hidden-" + kind, (ids, _) =>
            Task.FromResult(Transactions.Read(s.Database, db => ReportStore.HiddenMany(db, kind, ids.ToArray())))).LoadAsync(id);
        return row is { InForce: true } ? row : null;
    }

    /// <summary>Whether the caller may read a hidden comment's text: its author, or a moderator.</summary>
    internal static bool MaySeeHidden(ResolveContext context, long authorId)
    {
        var caller = Caller.Of(context);
        return caller.CanRead && (caller.MemberId == authorId || caller.Roles.Contains("moderator"));
    }

    private static DateTimeOffset At(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);

    private static string TargetId(string kind, long id) => Ids.Of(kind == ReportService.Comment ? Ids.Comment : Ids.Proposal, id);

    private static async Task<(object? Result, IReadOnlyList<UserErrorValue>? Errors)> RunAsync(ResolveContext c, string scope, string target, Func<long, string, long, object?> command)
    {
        var caller = Caller.Of(c);
        if (MutationGuard.RequireScope(caller, scope) is { } refused)
        {
            return (null, [refused]);
        }

        string kind;
        if (Ids.TryLocal(target, Ids.Comment, out var id))
        {
            kind = ReportService.Comment;
        }
        else if (Ids.TryLocal(target, Ids.Proposal, out id))
        {
            kind = ReportService.Proposal;
        }
        else
        {
            return (null, [UserErrors.NotFound("UNKNOWN_TARGET", $"\"{target}\" is not the id of a proposal or a comment.", "target")]);
        }

        var outcome = await MutationGuard.RunAsync("result", () => Task.FromResult(command(caller.MemberId!.Value, kind, id)));
        return (outcome["result"], (IReadOnlyList<UserErrorValue>?)outcome["errors"]);
    }

    internal sealed record ReportInput(string Target, string Reason);

    internal sealed record HideContentInput(string Target, string Reason);

    internal sealed record DecideReportInput(string Target, bool Restore, string Reason);

    internal sealed record AppealHideInput(string Target, string Text);

    internal sealed record ReportPayload(bool? Hidden, IReadOnlyList<UserErrorValue>? Errors);

    internal sealed record HidePayload(HiddenRow? Hidden, IReadOnlyList<UserErrorValue>? Errors);
}
