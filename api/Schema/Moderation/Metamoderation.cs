using Governance.Core.Accounts;
using Governance.Core.Metamoderation;
using Governance.Core.Storage;
using Governance.GraphQL.Errors;
using Governance.GraphQL.Execution;
using Governance.GraphQL.Types;

namespace Governance.Api.Schema;

/// <summary>
/// Metamoderation over GraphQL (issue 17 point 5): the public draws and per-moderator figures,
/// the caller's tasks, a juror's judgement and an admin's review, with typed inputs and payloads.
/// </summary>
internal static class Metamoderation
{
    public static SchemaBuilder AddMetamoderation(this SchemaBuilder builder, SchemaServices s, DomainServices d) => builder
        .Resolve("Query.metamoderationDraws", c => MetamoderationDraws(c, d))
        .BindType<MetaDrawView>("MetamoderationDraw")
        .Resolve("MetamoderationDraw.headSeq", c => (int)c.ParentAs<MetaDrawView>().HeadSeq)
        .Resolve("MetamoderationDraw.headHash", c => c.ParentAs<MetaDrawView>().HeadHashHex)
        .Resolve("MetamoderationDraw.seed", c => c.ParentAs<MetaDrawView>().SeedHex)
        .Resolve("MetamoderationDraw.judgements", c => (int)c.ParentAs<MetaDrawView>().Judgements)
        .ResolveAsync("MetamoderationDraw.jurors", c => c.Members(s.Reads, c.ParentAs<MetaDrawView>().Jurors))
        .Resolve("Query.metamoderationTasks", c => Caller.Of(c) is { CanRead: true, MemberId: { } me } ? d.Metamoderation.Tasks(me) : [])
        .BindType<MetaTask>("MetamoderationTask")
        .Resolve("MetamoderationTask.action", c => Ids.Of(Ids.Event, c.ParentAs<MetaTask>().Seq))
        .ResolveAsync("MetamoderationTask.moderator", c => c.Member(s.Reads, c.ParentAs<MetaTask>().ModeratorId))
        .ResolveAsync("MetamoderationTask.proposal", async c => c.ParentAs<MetaTask>().ProposalId is { } p ? await c.Proposal(s.Reads, p) : null)
        .Resolve("Query.metamoderationResults", _ => d.Metamoderation.Results())
        .BindType<ModeratorFairness>("ModeratorFairness")
        .ResolveAsync("ModeratorFairness.moderator", c => c.Member(s.Reads, c.ParentAs<ModeratorFairness>().ModeratorId))
        .Resolve("ModeratorFairness.judgements", c => (int)c.ParentAs<ModeratorFairness>().Judgements)
        .Resolve("ModeratorFairness.fair", c => (int)c.ParentAs<ModeratorFairness>().Fair)
        .Resolve("ModeratorFairness.windowJudgements", c => (int)c.ParentAs<ModeratorFairness>().WindowJudgements)
        .Resolve("ModeratorFairness.isModerator", c => Transactions.Read(s.Database, db => MemberStore.HasRole(db, null, c.ParentAs<ModeratorFairness>().ModeratorId, "moderator")))
        .Resolve("Query.moderatorReviews", c => Caller.Of(c) is { IsAdmin: true } ? d.Metamoderation.Reviews() : null)
        .BindType<ModeratorReviewRow>("ModeratorReview")
        .Resolve("ModeratorReview.id", c => Ids.Of(Ids.ModeratorReview, c.ParentAs<ModeratorReviewRow>().Id))
        .ResolveAsync("ModeratorReview.moderator", c => c.Member(s.Reads, c.ParentAs<ModeratorReviewRow>().MemberId))
        .Resolve("ModeratorReview.suspendedAt", c => DateTimeOffset.FromUnixTimeMilliseconds(c.ParentAs<ModeratorReviewRow>().SuspendedAt))
        .Resolve("ModeratorReview.judgements", c => (int)c.ParentAs<ModeratorReviewRow>().Judgements)
        .Resolve("ModeratorReview.decidedAt", c => c.ParentAs<ModeratorReviewRow>().DecidedAt is { } at ? DateTimeOffset.FromUnixTimeMilliseconds(at) : (DateTimeOffset?)null)
        .ResolveAsync("Mutation.judgeModeration", c => JudgeModerationAsync(c, d))
        .ResolveAsync("Mutation.decideModeratorReview", c => DecideModeratorReviewAsync(c, d))
        .BindInput<JudgeModerationInput>("JudgeModerationInput")
        .BindInput<DecideModeratorReviewInput>("DecideModeratorReviewInput")
        .BindType<JudgeModerationPayload>("JudgeModerationPayload")
        .BindType<ModeratorReviewPayload>("ModeratorReviewPayload");

    private static IReadOnlyList<MetaDrawView> MetamoderationDraws(ResolveContext c, DomainServices d)
    {
        var first = c.Argument<int?>("first") ?? 10;
        if (first is < 0 or > 100)
        {
            throw new GraphQLException("Argument \"first\" must be between 0 and 100.");
        }

        return d.Metamoderation.Draws(first);
    }

    private static async Task<JudgeModerationPayload> JudgeModerationAsync(ResolveContext c, DomainServices d)
    {
        var input = c.Input<JudgeModerationInput>();
        var caller = Caller.Of(c);
        if (MutationGuard.RequireScope(caller, TokenScopes.Propose) is { } refused)
        {
            return new JudgeModerationPayload(null, [refused]);
        }

        if (!Ids.TryLocal(input.Action, Ids.Event, out var seq))
        {
            return new JudgeModerationPayload(null, [UserErrors.NotFound("UNKNOWN_ACTION", $"\"{input.Action}\" is not the id of an event-log entry.", "action")]);
        }

        var outcome = await MutationGuard.RunAsync("task", () => Task.FromResult<object?>(d.Metamoderation.Judge(caller.MemberId!.Value, input.Period, seq, input.Fair, input.Comment)));
        return new JudgeModerationPayload(outcome["task"] as MetaTask, (IReadOnlyList<UserErrorValue>?)outcome["errors"]);
    }

    private static async Task<ModeratorReviewPayload> DecideModeratorReviewAsync(ResolveContext c, DomainServices d)
    {
        var input = c.Input<DecideModeratorReviewInput>();
        var caller = Caller.Of(c);
        if (MutationGuard.RequireAdmin(caller) is { } refused)
        {
            return new ModeratorReviewPayload(null, [refused]);
        }

        if (!Ids.TryLocal(input.Review, Ids.ModeratorReview, out var id))
        {
            return new ModeratorReviewPayload(null, [UserErrors.NotFound("UNKNOWN_REVIEW", $"\"{input.Review}\" is not the id of a moderator review.", "review")]);
        }

        var outcome = await MutationGuard.RunAsync("review", () => Task.FromResult<object?>(d.Metamoderation.DecideReview(caller.MemberId!.Value, id, input.Restore, input.Reason)));
        return new ModeratorReviewPayload(outcome["review"] as ModeratorReviewRow, (IReadOnlyList<UserErrorValue>?)outcome["errors"]);
    }

    internal sealed record JudgeModerationInput(string Period, string Action, bool Fair, string? Comment);

    internal sealed record DecideModeratorReviewInput(string Review, bool Restore, string Reason);

    internal sealed record JudgeModerationPayload(MetaTask? Task, IReadOnlyList<UserErrorValue>? Errors);

    internal sealed record ModeratorReviewPayload(ModeratorReviewRow? Review, IReadOnlyList<UserErrorValue>? Errors);
}
