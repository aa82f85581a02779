using Governance.Core.Domain;
using Governance.Core.Events;
using Governance.Core.Proposals;
using Governance.Core.Storage;

namespace Governance.Core.Comments;

/// <summary>
/// Suggestions, LiquidFeedback's model (issue 17): a member proposes a concrete change to an
/// open or discussed proposal; members give an opinion (must, should, should not, must not)
/// and, once the author has edited the text since, whether it is fulfilled; suggestions rank by
/// the weight of those opinions; the author marks one answered by an edit.
/// </summary>
public sealed class SuggestionService(Database database, TimeProvider clock, IDomainEventPublisher? events = null)
{
    public const int MaxBodyLength = 2_000;

    private readonly IDomainEventPublisher events = events ?? IDomainEventPublisher.None;

    public SuggestionRow Suggest(long actorId, long proposalId, string body)
    {
        body = DeliberationText.Check(body, "body", MaxBodyLength, "A suggestion");
        return Published(Transactions.WriteLogged(database, (c, t) =>
        {
            var now = clock.GetUtcNow();
            _ = MemberStore.Find(c, t, actorId) ?? throw new DomainException(DomainErrors.NotFound, "There is no such member.");
            var proposal = ProposalService.Load(c, t, proposalId);
            if (proposal.Status is not (ProposalStatus.Open or ProposalStatus.OnAgenda or ProposalStatus.Scheduled))
            {
                throw new DomainException(DomainErrors.ProposalNotOpen,
                    $"The proposal is {ProposalService.Describe(proposal.Status)}; suggestions go to an open proposal or one still in discussion.", "proposal");
            }

            var id = SuggestionStore.Insert(c, t, proposalId, actorId, body, ProposalVersionStore.Current(c, t, proposalId), Millis.Of(now));
            EventLog.Append(c, t, now, actorId, EventTypes.SuggestionMade, new { proposal = proposalId, suggestion = id });
            return SuggestionStore.Find(c, t, id)!;
        }));
    }

    /// <summary>Gives (or, with a null degree, takes back) an opinion; fulfilled only once the text changed since the suggestion.</summary>
    public SuggestionRow Opine(long actorId, long suggestionId, int? degree, bool? fulfilled) => Published(Transactions.WriteLogged(database, (c, t) =>
    {
        var now = clock.GetUtcNow();
        _ = MemberStore.Find(c, t, actorId) ?? throw new DomainException(DomainErrors.NotFound, "There is no such member.");
        var suggestion = SuggestionStore.Find(c, t, suggestionId) ?? throw new DomainException(DomainErrors.NotFound, "There is no such suggestion.", "suggestion");
        if (degree is not (null or 2 or 1 or -1 or -2))
        {
            throw new DomainException(DomainErrors.InvalidInput, "An opinion is must, should, should not or must not.", "degree");
        }

        if (fulfilled is not null && ProposalVersionStore.Current(c, t, suggestion.ProposalId) <= suggestion.CreatedVersion)
        {
            throw new DomainException(DomainErrors.InvalidInput, "The author has not edited the proposal since this suggestion: there is nothing to judge fulfilled yet.", "fulfilled");
        }

        SuggestionStore.SetOpinion(c, t, suggestionId, actorId, degree, fulfilled, Millis.Of(now));
        EventLog.Append(c, t, now, actorId, EventTypes.SuggestionOpinion, new { proposal = suggestion.ProposalId, suggestion = suggestionId });
        return SuggestionStore.Find(c, t, suggestionId)!;
    }));

    /// <summary>The proposal's author marks a suggestion answered by an edit (or takes that back).</summary>
    public SuggestionRow MarkAnswered(long actorId, long suggestionId, bool answered) => Published(Transactions.WriteLogged(database, (c, t) =>
    {
        var now = clock.GetUtcNow();
        var suggestion = SuggestionStore.Find(c, t, suggestionId) ?? throw new DomainException(DomainErrors.NotFound, "There is no such suggestion.", "suggestion");
        if (ProposalService.Load(c, t, suggestion.ProposalId).AuthorId != actorId)
        {
            throw new DomainException(DomainErrors.NotAllowed, "Only the proposal's author can mark a suggestion answered.", "suggestion");
        }

        SuggestionStore.SetAnswered(c, t, suggestionId, answered ? Millis.Of(now) : null);
        EventLog.Append(c, t, now, actorId, EventTypes.SuggestionAnswered, new { proposal = suggestion.ProposalId, suggestion = suggestionId, answered });
        return SuggestionStore.Find(c, t, suggestionId)!;
    }));

    private T Published<T>((T Result, IReadOnlyList<LoggedEvent> Logged) written)
    {
        events.Publish(written.Logged);
        return written.Result;
    }
}
