using Governance.Core.Accounts;
using Governance.Core.Storage;
using Governance.GraphQL.Execution;
using Governance.GraphQL.Types;
using ProposalRow = Governance.Api.Schema.Data.ProposalRow;

namespace Governance.Api.Schema;

/// <summary>Suggestions over GraphQL (issue 17): Proposal.suggestions ranked, and suggest, giveOpinion, markSuggestionAnswered.</summary>
internal static class Suggestions
{
    public static SchemaBuilder AddSuggestions(this SchemaBuilder builder, SchemaServices s, DomainServices d) => builder
        .Resolve("Proposal.suggestions", c => Transactions.Read(s.Database, db => SuggestionStore.OfProposal(db, c.ParentAs<ProposalRow>().Id)))
        .BindType<SuggestionRow>("Suggestion")
        .Resolve("Suggestion.id", c => Ids.Of(Ids.Suggestion, c.ParentAs<SuggestionRow>().Id))
        .Resolve("Suggestion.supportWeight", c => (int)Math.Clamp(c.ParentAs<SuggestionRow>().SupportWeight, int.MinValue, int.MaxValue))
        .ResolveAsync("Suggestion.proposal", c => c.Proposal(s.Reads, c.ParentAs<SuggestionRow>().ProposalId))
        .ResolveAsync("Suggestion.author", c => c.Member(s.Reads, c.ParentAs<SuggestionRow>().AuthorId))
        .Resolve("Suggestion.createdAt", c => DateTimeOffset.FromUnixTimeMilliseconds(c.ParentAs<SuggestionRow>().CreatedAt))
        .Resolve("Suggestion.answeredAt", c => c.ParentAs<SuggestionRow>().AnsweredAt is { } at ? DateTimeOffset.FromUnixTimeMilliseconds(at) : (DateTimeOffset?)null)
        .Resolve("Suggestion.editedSince", c => Transactions.Read(s.Database, db => ProposalVersionStore.Current(db, null, c.ParentAs<SuggestionRow>().ProposalId)) > c.ParentAs<SuggestionRow>().CreatedVersion)
        .Resolve("Suggestion.myOpinion", c => Mine(c, s) is { } o ? DegreeName(o.Degree) : null)
        .Resolve("Suggestion.myFulfilled", c => Mine(c, s)?.Fulfilled)
        .ResolveAsync("Mutation.suggest", c =>
        {
            var input = c.Input<SuggestInput>();
            return Ids.TryLocal(input.Proposal, Ids.Proposal, out var proposalId)
                ? RunAsync(c, me => d.Suggestions.Suggest(me, proposalId, input.Body))
                : Task.FromResult(Refused(c, UserErrors.NotFound("UNKNOWN_PROPOSAL", $"\"{input.Proposal}\" is not the id of a proposal.", "proposal")));
        })
        .ResolveAsync("Mutation.giveOpinion", c =>
        {
            var input = c.Input<GiveOpinionInput>();
            return Ids.TryLocal(input.Suggestion, Ids.Suggestion, out var id)
                ? RunAsync(c, me => d.Suggestions.Opine(me, id, Degree(input.Degree), input.Fulfilled))
                : Task.FromResult(Refused(c, UserErrors.NotFound("UNKNOWN_SUGGESTION", $"\"{input.Suggestion}\" is not the id of a suggestion.", "suggestion")));
        })
        .ResolveAsync("Mutation.markSuggestionAnswered", c =>
        {
            var input = c.Input<MarkSuggestionAnsweredInput>();
            return Ids.TryLocal(input.Suggestion, Ids.Suggestion, out var id)
                ? RunAsync(c, me => d.Suggestions.MarkAnswered(me, id, input.Answered))
                : Task.FromResult(Refused(c, UserErrors.NotFound("UNKNOWN_SUGGESTION", $"\"{input.Suggestion}\" is not the id of a suggestion.", "suggestion")));
        })
        .BindInput<SuggestInput>("SuggestInput")
        .BindInput<GiveOpinionInput>("GiveOpinionInput")
        .BindInput<MarkSuggestionAnsweredInput>("MarkSuggestionAnsweredInput")
        .BindType<SuggestionPayload>("SuggestionPayload");

    private static OpinionRow? Mine(ResolveContext c, SchemaServices s)
    {
        var caller = Caller.Of(c);
        return caller.CanRead ? Transactions.Read(s.Database, db => SuggestionStore.Opinion(db, c.ParentAs<SuggestionRow>().Id, caller.MemberId!.Value)) : null;
    }

    private static int? Degree(string? name) => name switch
    {
        "MUST" => 2,
        "SHOULD" => 1,
        "SHOULD_NOT" => -1,
        "MUST_NOT" => -2,
        _ => null,
    };

    private static string DegreeName(int degree) => degree switch
    {
        2 => "MUST",
        1 => "SHOULD",
        -1 => "SHOULD_NOT",
        _ => "MUST_NOT",
    };

    private static SuggestionPayload Refused(ResolveContext c, UserErrorValue error) =>
        new(null, [MutationGuard.RequireScope(Caller.Of(c), TokenScopes.Propose) ?? error]);

    private static async Task<SuggestionPayload> RunAsync(ResolveContext c, Func<long, SuggestionRow> command)
    {
        var caller = Caller.Of(c);
        if (MutationGuard.RequireScope(caller, TokenScopes.Propose) is { } refused)
        {
            return new SuggestionPayload(null, [refused]);
        }

        var outcome = await MutationGuard.RunAsync("suggestion", () => Task.FromResult<object?>(command(caller.MemberId!.Value)));
        return new SuggestionPayload(outcome["suggestion"] as SuggestionRow, (IReadOnlyList<UserErrorValue>?)outcome["errors"]);
    }

    internal sealed record SuggestInput(string Proposal, string Body);

    internal sealed record GiveOpinionInput(string Suggestion, string? Degree, bool? Fulfilled);

    internal sealed record MarkSuggestionAnsweredInput(string Suggestion, bool Answered);

    internal sealed record SuggestionPayload(SuggestionRow? Suggestion, IReadOnlyList<UserErrorValue>? Errors);
}
