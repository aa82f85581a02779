using System.Globalization;
using System.Runtime.CompilerServices;
using Governance.Api.Schema.Data;
using Governance.Core.Accounts;
using Governance.Core.Proposals;
using Governance.GraphQL.Errors;
using Governance.GraphQL.Execution;
using Governance.GraphQL.Types;

namespace Governance.Api.Schema;

/// <summary>
/// Issues with alternatives and ranked ballots (DESIGN §8, issue 18): reading an issue and its
/// Schulze result, the typed mutations that add and support alternatives and cast a ranked
/// ballot, and the issue's subscription.
/// </summary>
internal static class Issues
{
    public const string AlternativeType = "Alternative";

    public static SchemaBuilder AddIssues(this SchemaBuilder builder, SchemaServices s, DomainServices d) => builder
        .Resolve("Proposal.issue", c => d.Issues.Issue(c.ParentAs<ProposalRow>().Id, Viewer(c)))
        .BindType<IssueView>("Issue")
        .Resolve("Issue.id", c => Ids.Of(Ids.Proposal, c.ParentAs<IssueView>().ProposalId))
        .ResolveAsync("Issue.proposal", c => c.Proposal(s.Reads, c.ParentAs<IssueView>().ProposalId))
        .Resolve("Issue.result", c => d.Issues.Result(c.ParentAs<IssueView>().ProposalId))
        .BindType<AlternativeView>("Alternative")
        .Resolve("Alternative.id", c => Ids.Of(AlternativeType, c.ParentAs<AlternativeView>().Id))
        .ResolveAsync("Alternative.author", c => c.Member(s.Reads, c.ParentAs<AlternativeView>().AuthorId))
        .ResolveAsync("Alternative.proposal", c => c.Proposal(s.Reads, c.ParentAs<AlternativeView>().Id))
        .Resolve("Alternative.supportPoints", c => c.ParentAs<AlternativeView>().Score)
        .Resolve("Alternative.status", c => ProposalResolvers.StatusName(c.ParentAs<AlternativeView>().Status))
        .ResolveAsync("Proposal.alternativeOf", c => c.ParentAs<ProposalRow>().IssueId is { } lead ? c.Proposal(s.Reads, lead) : Task.FromResult<ProposalRow?>(null))
        .BindType<IssueChoiceView>("IssueChoice")
        .BindType<IssueResultView>("IssueResult")
        .BindType<MatrixCell>("MatrixCell")
        .Resolve("Mutation.addAlternative", c => AddAlternative(c, s, d))
        .Resolve("Mutation.supportAlternative", c => SupportAlternative(c, d))
        .ResolveAsync("Mutation.castRankedBallot", c => CastRankedBallotAsync(c, s, d))
        .BindInput<AddAlternativeInput>("AddAlternativeInput")
        .BindInput<SupportAlternativeInput>("SupportAlternativeInput")
        .BindInput<CastRankedBallotInput>("CastRankedBallotInput")
        .BindType<AlternativePayload>("AlternativePayload")
        .BindType<RankedBallotPayload>("RankedBallotPayload")
        .Subscribe("Subscription.issueChanged", c =>
        {
            var given = c.Argument<string>("id");
            return Ids.TryLocal(given, Ids.Proposal, out var id)
                ? ChangesOfAsync(s, d, id, Viewer(c), c.CancellationToken)
                : throw new GraphQLException($"\"{given}\" is not the id of an issue (a proposal's id).");
        });

    private static AlternativePayload AddAlternative(ResolveContext c, SchemaServices s, DomainServices d)
    {
        var input = c.Input<AddAlternativeInput>();
        var caller = Caller.Of(c);
        if (MutationGuard.RequireScope(caller, TokenScopes.Propose) is { } refused)
        {
            return AlternativePayload.Refused(refused);
        }

        if (!Ids.TryLocal(input.Issue, Ids.Proposal, out var issueId))
        {
            return AlternativePayload.Refused(UserErrors.NotFound("UNKNOWN_ISSUE", $"\"{input.Issue}\" is not the id of an issue (a proposal's id).", "issue"));
        }

        return Run(() => d.Issues.AddAlternative(caller.MemberId!.Value, issueId, input.Title, input.Body));
    }

    private static AlternativePayload SupportAlternative(ResolveContext c, DomainServices d)
    {
        var input = c.Input<SupportAlternativeInput>();
        var caller = Caller.Of(c);
        if (MutationGuard.RequireScope(caller, TokenScopes.Propose) is { } refused)
        {
            return AlternativePayload.Refused(refused);
        }

        if (!Ids.TryLocal(input.Alternative, AlternativeType, out var alternativeId))
        {
            return AlternativePayload.Refused(UserErrors.NotFound("UNKNOWN_ALTERNATIVE", $"\"{input.Alternative}\" is not the id of an alternative.", "alternative"));
        }

        return Run(() => d.Issues.SupportAlternative(caller.MemberId!.Value, alternativeId, input.Points ?? 1));
    }

    private static async Task<RankedBallotPayload> CastRankedBallotAsync(ResolveContext c, SchemaServices s, DomainServices d)
    {
        var input = c.Input<CastRankedBallotInput>();
        var caller = Caller.Of(c);
        if (MutationGuard.RequireScope(caller, TokenScopes.Vote) is { } refused)
        {
            return RankedBallotPayload.Refused(refused);
        }

        if (!Ids.TryLocal(input.Issue, Ids.Proposal, out var issueId))
        {
            return RankedBallotPayload.Refused(UserErrors.NotFound("UNKNOWN_ISSUE", $"\"{input.Issue}\" is not the id of an issue (a proposal's id).", "issue"));
        }

        var me = caller.MemberId!.Value;
        var outcome = await MutationGuard.RunAsync("issue", async () => (object?)await d.Issues.CastRankedBallotAsync(me, issueId, input.Ranking));
        return outcome["errors"] is IReadOnlyList<UserErrorValue> errors
            ? new RankedBallotPayload(null, errors)
            : new RankedBallotPayload(d.Issues.Issue(issueId, me), null);
    }

    private static long? Viewer(ResolveContext c) => Caller.Of(c) is { CanRead: true } caller ? caller.MemberId : null;

    private static AlternativePayload Run(Func<AlternativeView> command)
    {
        try
        {
            return new AlternativePayload(command(), null);
        }
        catch (Governance.Core.Domain.DomainException refused)
        {
            return AlternativePayload.Refused(UserErrors.From(refused));
        }
    }

    private static async IAsyncEnumerable<SubscriptionEvent> ChangesOfAsync(SchemaServices s, DomainServices d, long id, long? viewer, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var change in s.Events.SubscribeToStateAsync<ProposalChanged>(e => e.ProposalId == id, cancellationToken))
        {
            if (d.Issues.Issue(id, viewer) is { } issue)
            {
                yield return new SubscriptionEvent(issue, new Dictionary<string, object?>
                {
                    ["publishedAt"] = change.PublishedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
                });
            }
        }
    }

    internal sealed record AddAlternativeInput(string Issue, string Title, string Body);

    internal sealed record SupportAlternativeInput(string Alternative, int? Points);

    internal sealed record CastRankedBallotInput(string Issue, IReadOnlyList<IReadOnlyList<string>> Ranking);

    internal sealed record AlternativePayload(AlternativeView? Alternative, IReadOnlyList<UserErrorValue>? Errors)
    {
        public static AlternativePayload Refused(UserErrorValue error) => new(null, [error]);
    }

    internal sealed record RankedBallotPayload(IssueView? Issue, IReadOnlyList<UserErrorValue>? Errors)
    {
        public static RankedBallotPayload Refused(UserErrorValue error) => new(null, [error]);
    }
}
