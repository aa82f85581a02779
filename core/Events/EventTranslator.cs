using System.Text.Json;
using Governance.Core.Delegation;
using Governance.Core.Storage;

namespace Governance.Core.Events;

/// <summary>
/// The one reading of an event-log entry as domain events. The instance that made a change
/// translates the entries its command appended; every other instance on the same PostgreSQL
/// database translates the same entries when its <see cref="EngineFollower"/> reads them, so
/// both hear of a change in the same words.
/// </summary>
public static class EventTranslator
{
    /// <summary>
    /// The domain events an entry means. A delegation entry needs the member's delegations
    /// (<paramref name="delegations"/>: the version now in force for the scope, and the one the
    /// entry replaced or revoked); without them it translates to nothing.
    /// </summary>
    public static IReadOnlyList<DomainEvent> Translate(LoggedEvent entry, IEnumerable<DelegationVersion>? delegations = null)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var at = DateTimeOffset.FromUnixTimeMilliseconds(entry.At);
        using var document = JsonDocument.Parse(entry.Payload);
        var payload = document.RootElement;
        switch (entry.Type)
        {
            case EventTypes.OrganisationSeeded:
                return [new OrganisationSeeded(at)];
            case EventTypes.MemberRegistered:
            case EventTypes.MemberVotingRightGranted:
            case EventTypes.MemberVotingRightSuspended:
            case EventTypes.MemberRolesChanged:
            case EventTypes.MemberErased:
            case EventTypes.ModeratorSuspended:
            case EventTypes.ModeratorReviewed:
                return [new MemberUpdated(payload.GetProperty("memberId").GetInt64(), at)];
            case EventTypes.MemberEndorsed:
                return [new MemberUpdated(payload.GetProperty("endorsed").GetInt64(), at)];
            case EventTypes.AreaCreated:
                return [new AreaCreated(payload.GetProperty("areaId").GetInt64(), Number(payload, "parentId"), at)];
            case EventTypes.MemberSignInFailed:
                return [new SignInFailuresPiledUp(payload.GetProperty("memberId").GetInt64(), payload.GetProperty("failures").GetInt64(), payload.GetProperty("clients").GetInt64(), at)];
            case EventTypes.AreaMoved:
                return [new AreaMoved(payload.GetProperty("areaId").GetInt64(), payload.GetProperty("parentId").GetInt64(), at)];
            case EventTypes.AreaRenamed:
            case EventTypes.AreaArchived:
            case EventTypes.AreaRestored:
                return [new AreaChanged(payload.GetProperty("areaId").GetInt64(), at)];
            case EventTypes.PolicyChanged:
                return [new PolicyChanged(Number(payload, "area"), at)];
            case EventTypes.ProposalOpened:
                return [new ProposalOpened(payload.GetProperty("proposal").GetInt64(), payload.GetProperty("area").GetInt64(), at)];
            case EventTypes.VoteCast when entry.ActorId is long voter:
                return [new VoteCast(payload.GetProperty("proposal").GetInt64(), voter, at)];
            case EventTypes.CommentPosted:
            case EventTypes.CommentEdited:
            case EventTypes.CommentDeleted:
            case EventTypes.CommentEndorsed:
                // Not a change of the proposal: its page need not be read again for a comment.
                return [new CommentChanged(CommentKind(entry.Type), payload.GetProperty("proposal").GetInt64(), payload.GetProperty("comment").GetInt64(), at)];
            case EventTypes.DelegationSet:
            case EventTypes.DelegationBlocked:
            case EventTypes.DelegationRevoked:
                return delegations is null ? [] : [Delegation(entry.Type, payload, delegations, at)];
        }

        // Anything else about one proposal (support, moderation, the clock's steps) changed that proposal.
        return Number(payload, "proposal") is { } proposal
            ? [new ProposalUpdated(proposal, EventTypes.MayMoveAgenda(entry.Type), at)]
            : [];
    }

    /// <summary>
    /// One command's events with each proposal named once (a support that bubbled its proposal
    /// up logs two entries about it, and subscribers hear of the proposal once).
    /// </summary>
    public static IReadOnlyList<DomainEvent> Merge(IEnumerable<DomainEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var merged = new List<DomainEvent>();
        var proposals = new Dictionary<long, int>();
        foreach (var domainEvent in events)
        {
            if (domainEvent is ProposalUpdated updated)
            {
                if (proposals.TryGetValue(updated.ProposalId, out var index))
                {
                    var first = (ProposalUpdated)merged[index];
                    merged[index] = first with { AgendaMayHaveMoved = first.AgendaMayHaveMoved || updated.AgendaMayHaveMoved };
                    continue;
                }

                proposals[updated.ProposalId] = merged.Count;
            }

            merged.Add(domainEvent);
        }

        return merged;
    }

    /// <summary>A scope as the event log writes it: global, area:ID or proposal:ID.</summary>
    public static DelegationScope ParseScope(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split(':');
        return parts[0] switch
        {
            "global" => DelegationScope.Global,
            "area" => DelegationScope.ForArea(long.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture)),
            "proposal" => DelegationScope.ForProposal(long.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture)),
            _ => throw new StorageException($"Unknown delegation scope '{text}' in the event log."),
        };
    }

    private static DelegationChanged Delegation(string type, JsonElement payload, IEnumerable<DelegationVersion> delegations, DateTimeOffset at)
    {
        var memberId = payload.GetProperty("memberId").GetInt64();
        var scope = ParseScope(payload.GetProperty("scope").GetString()!);
        var revoked = type == EventTypes.DelegationRevoked;
        var versions = delegations.Where(v => v.MemberId == memberId && v.Scope == scope).ToList();
        var after = revoked ? null : versions.Where(v => v.ValidTo is null).MaxBy(v => v.Id);
        var beforeId = Number(payload, revoked ? "revoked" : "replaces");
        var before = beforeId is null ? null : versions.FirstOrDefault(v => v.Id == beforeId);
        return DelegationChanged.Of(memberId, scope, before, after, at);
    }

    private static CommentChangeKind CommentKind(string type) => type switch
    {
        EventTypes.CommentPosted => CommentChangeKind.Posted,
        EventTypes.CommentEdited => CommentChangeKind.Edited,
        EventTypes.CommentDeleted => CommentChangeKind.Deleted,
        _ => CommentChangeKind.Endorsed,
    };

    private static long? Number(JsonElement payload, string property) =>
        payload.ValueKind == JsonValueKind.Object && payload.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Number
            ? value.GetInt64()
            : null;
}
