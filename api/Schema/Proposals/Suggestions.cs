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
        .ResolveAsync("Suggestion.editedSince", async c => await CurrentVersion(c, s, c.ParentAs<SuggestionRow>().ProposalId) > c.ParentAs<SuggestionRow>().CreatedVersion)
        .ResolveAsync("Suggestion.myOpinion", async c => await Mine(c, s) is { } o ? DegreeName(o.Degree) : null)
        .ResolveAsync("Suggestion.myFulfilled", async c => (await Mine(c, s))?.Fulfilled)
        .ResolveAsync("Mutation.suggest", c => SuggestAsync(c, d))
        .ResolveAsync("Mutation.giveOpinion", c => GiveOpinionAsync(c, d))
        .ResolveAsync("Mutation.markSuggestionAnswered", c => MarkSuggestionAnsweredAsync(c, d))
        .BindInput<SuggestInput>("SuggestInput")
        .BindInput<GiveOpinionInput>("GiveOpinionInput")
        .BindInput<MarkSuggestionAnsweredInput>("MarkSuggestionAnsweredInput")
        .BindType<SuggestionPayload>("SuggestionPayload");

    private static Task<SuggestionPayload> SuggestAsync(ResolveContext c, DomainServices d)
    {
        var input = c.Input<SuggestInput>();
        return Ids.TryLocal(input.Proposal, Ids.Proposal, out var proposalId)
            ? RunAsync(c, me => d.Suggestions.Suggest(me, proposalId, input.Body))
            : Task.FromResult(Refused(c, UserErrors.NotFound("UNKNOWN_PROPOSAL", $"\"{input.Proposal}\" is not the id of a proposal.", "proposal")));
    }

    private static Task<SuggestionPayload> GiveOpinionAsync(ResolveContext c, DomainServices d)
    {
        var input = c.Input<GiveOpinionInput>();
        return Ids.TryLocal(input.Suggestion, Ids.Suggestion, out var id)
            ? RunAsync(c, me => d.Suggestions.Opine(me, id, Degree(input.Degree), input.Fulfilled))
            : Task.FromResult(Refused(c, UserErrors.NotFound("UNKNOWN_SUGGESTION", $"\"{input.Suggestion}\" is not the id of a suggestion.", "suggestion")));
    }

    private static Task<SuggestionPayload> MarkSuggestionAnsweredAsync(ResolveContext c, DomainServices d)
    {
        var input = c.Input<MarkSuggestionAnsweredInput>();
        return Ids.TryLocal(input.Suggestion, Ids.Suggestion, out var id)
            ? RunAsync(c, me => d.Suggestions.MarkAnswered(me, id, input.Answered))
            : Task.FromResult(Refused(c, UserErrors.NotFound("UNKNOWN_SUGGESTION", $"\"{input.Suggestion}\" is not the id of a suggestion.", "suggestion")));
    }

    /// <summary>
    /// My opinion, read for the whole list in one statement (a DataLoader): one read per
    /// suggestion made 300 suggestions take 400 ms (docs/benchmarks.md, "A busy proposal's page").
    /// </summary>
    private static async Task<OpinionRow?> Mine(ResolveContext c, SchemaServices s)
    {
        var caller = Caller.Of(c);
        if (!caller.CanRead)
        {
            return null;
        }

        var me = caller.MemberId!.Value;
        return await c.DataLoader<long, OpinionRow>("my-opinions", (ids, _) =>
            Task.FromResult(Transactions.Read(s.Database, db => SuggestionStore.OpinionsOf(db, me, ids.ToArray())))).LoadAsync(c.ParentAs<SuggestionRow>().Id);
    }

    /// <summary>The number of a proposal's text in force, read once per proposal in a request.</summary>
    private static async Task<int> CurrentVersion(ResolveContext c, SchemaServices s, long proposalId) =>
        await c.DataLoader<long, int>("proposal-version", (ids, _) =>
            Task.FromResult<IReadOnlyDictionary<long, int>>(Transactions.Read(s.Database, db => ids.Distinct().ToDictionary(id => id, id => ProposalVersionStore.Current(db, null, id))))).LoadAsync(proposalId);

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
