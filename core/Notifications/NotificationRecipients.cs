using System.Data.Common;
using System.Text.Json;
using Dapper;
using Governance.Core.Delegation;
using Governance.Core.Events;
using Governance.Core.Storage;

namespace Governance.Core.Notifications;

/// <summary>
/// Who hears of an event-log entry, and what: the one reading of the log as notifications
/// (issue 16). Recipients are read from the state after the entry committed, outside any write
/// lock; the entry itself says what changed.
/// </summary>
public static class NotificationRecipients
{
    /// <summary>The members who delegate to <paramref name="delegateId"/> where the delegation covers the proposal.</summary>
    private const string DelegatorsOnProposal = """
        WITH RECURSIVE chain(id) AS (
            SELECT area_id FROM proposals WHERE id = @proposal
            UNION ALL SELECT a.parent_id FROM areas a JOIN chain ON a.id = chain.id WHERE a.parent_id IS NOT NULL)
        SELECT DISTINCT d.member_id FROM delegation_delegates dd JOIN delegations d ON d.id = dd.delegation_id
        WHERE dd.delegate_id = @delegateId AND d.valid_to IS NULL AND d.member_id <> @delegateId
          AND (d.scope_kind = 'global'
               OR (d.scope_kind = 'proposal' AND d.proposal_id = @proposal)
               OR (d.scope_kind = 'area' AND d.area_id IN (SELECT id FROM chain)))
        """;

    /// <summary>
    /// What <paramref name="entry"/> means as notifications. <paramref name="engines"/> (the live
    /// delegation engine) decides where a block stops a chain, by the one route function the vote
    /// path uses; without it (a bare feed, as in the benchmark) no <c>delegate_blocked</c> is made.
    /// </summary>
    public static IReadOnlyList<PlannedNotification> Plan(DbConnection c, LoggedEvent entry, EngineHost? engines = null)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(entry);
        using var document = JsonDocument.Parse(entry.Payload);
        var payload = document.RootElement;
        var proposal = Number(payload, "proposal");
        switch (entry.Type)
        {
            case EventTypes.DelegationBlocked:
                return [.. DelegationNews(c, entry.Type, payload, entry.At), .. DelegateBlocked(c, engines, payload)];
            case EventTypes.DelegationSet:
            case EventTypes.DelegationRevoked:
                return DelegationNews(c, entry.Type, payload, entry.At);
            case EventTypes.VoteCast when entry.ActorId is long voter && proposal is long voted:
                return DelegateVoted(c, voter, voted, entry.At);
            case EventTypes.MemberVotingRightSuspended:
                var lost = payload.GetProperty("memberId").GetInt64();
                return [new PlannedNotification(NotificationKinds.DelegateLostRight, null, lost, Detail(new { reason = Text(payload, "reason") }), Delegators(c, lost))];
            case EventTypes.ProposalOnAgenda when proposal is long p:
                return ProposalNews(c, NotificationKinds.ProposalOnAgenda, p, entry.ActorId, new { });
            case EventTypes.ProposalScheduled when proposal is long p:
                return ProposalNews(c, NotificationKinds.ProposalScheduled, p, entry.ActorId,
                    new { reason = Text(payload, "reason"), votingStartsAt = Number(payload, "votingStartsAt"), votingEndsAt = Number(payload, "votingEndsAt") });
            case EventTypes.ProposalReturned when proposal is long p:
                return ProposalNews(c, NotificationKinds.ProposalReturned, p, entry.ActorId, new { reason = Text(payload, "reason") });
            case EventTypes.ProposalDeclined when proposal is long p:
                return ProposalNews(c, NotificationKinds.ProposalDeclined, p, entry.ActorId, new { reason = Text(payload, "reason") });
            case EventTypes.ProposalMerged when proposal is long p:
                return ProposalNews(c, NotificationKinds.ProposalMerged, p, entry.ActorId, new { reason = Text(payload, "reason"), into = Number(payload, "into") });
            case EventTypes.ProposalEdited when proposal is long p:
                // Only while Open: the supporters whose points are on it now.
                var holders = c.Query<long>("SELECT member_id FROM supports WHERE proposal_id = @p AND released_at IS NULL AND member_id <> @actor",
                    new { p, actor = entry.ActorId ?? 0 }).AsList();
                return [new PlannedNotification(NotificationKinds.ProposalEdited, p, entry.ActorId, Detail(new { }), holders)];
            case EventTypes.VoteOpened when proposal is long p:
                return [new PlannedNotification(NotificationKinds.VoteOpened, p, null, Detail(new { votingEndsAt = Number(payload, "votingEndsAt") }), Voters(c, p))];
            case EventTypes.MemberSignInFailed:
                // Appended by the sign-in guard when an account's failures pile up (5, 10, 20, …).
                return [new PlannedNotification(NotificationKinds.SignInFailed, null, null,
                    Detail(new { attempts = Number(payload, "failures"), clients = Number(payload, "clients"), lockedOut = false }),
                    [payload.GetProperty("memberId").GetInt64()])];
            case EventTypes.LotteryDrawn:
                var drawn = payload.GetProperty("drawn").EnumerateArray().Select(e => e.GetInt64()).ToList();
                return drawn.Count == 0 ? [] : [new PlannedNotification(NotificationKinds.LotteryDrawn, null, null, Detail(new { period = Text(payload, "period") }), drawn)];
            case EventTypes.MetamoderationDrawn:
                return Metamoderation.MetamoderationSample.DrawnNotices(c, Text(payload, "period") ?? string.Empty);
            default:
                return [];
        }
    }

    /// <summary>Members with a voting right who have not voted on the proposal.</summary>
    public static IReadOnlyList<long> Voters(DbConnection c, long proposal) =>
        c.Query<long>("""
            SELECT m.id FROM members m
            WHERE m.voting_right = 1 AND NOT EXISTS (SELECT 1 FROM votes v WHERE v.proposal_id = @proposal AND v.member_id = m.id)
              AND NOT EXISTS (SELECT 1 FROM ranked_ballots r WHERE r.issue_id = @proposal AND r.member_id = m.id)
            ORDER BY m.id
            """, new { proposal }).AsList();

    /// <summary>
    /// Members who have not voted and whose first delegate covering the proposal has not either
    /// (on an issue with alternatives a ranked ballot is the vote),
    /// each with that delegate (the most specific scope wins: proposal, then the nearest area, then global).
    /// </summary>
    public static IReadOnlyList<(long Member, long Delegate)> Unvoiced(DbConnection c, long proposal) =>
        c.Query<(long, long, int)>("""
            WITH RECURSIVE chain(id, depth) AS (
                SELECT area_id, 1 FROM proposals WHERE id = @proposal
                UNION ALL SELECT a.parent_id, chain.depth + 1 FROM areas a JOIN chain ON a.id = chain.id WHERE a.parent_id IS NOT NULL)
            SELECT d.member_id, dd.delegate_id,
                   CASE d.scope_kind WHEN 'proposal' THEN 0 WHEN 'area' THEN (SELECT depth FROM chain WHERE chain.id = d.area_id) ELSE 1000000 END
            FROM delegations d JOIN delegation_delegates dd ON dd.delegation_id = d.id AND dd.rank = 1
            WHERE d.valid_to IS NULL
              AND (d.scope_kind = 'global' OR (d.scope_kind = 'proposal' AND d.proposal_id = @proposal)
                   OR (d.scope_kind = 'area' AND d.area_id IN (SELECT id FROM chain)))
              AND NOT EXISTS (SELECT 1 FROM votes v WHERE v.proposal_id = @proposal AND v.member_id = d.member_id)
              AND NOT EXISTS (SELECT 1 FROM votes v WHERE v.proposal_id = @proposal AND v.member_id = dd.delegate_id)
              AND NOT EXISTS (SELECT 1 FROM ranked_ballots r WHERE r.issue_id = @proposal AND r.member_id = d.member_id)
              AND NOT EXISTS (SELECT 1 FROM ranked_ballots r WHERE r.issue_id = @proposal AND r.member_id = dd.delegate_id)
            """, new { proposal })
            .GroupBy(r => r.Item1)
            .Select(g => (g.Key, g.MinBy(r => r.Item3).Item2))
            .OrderBy(r => r.Key)
            .ToList();

    /// <summary>
    /// Of the <paramref name="unvoiced"/>, those whose vote no one carries: the delegation engine
    /// (the tally's own routing, with chains, ranks and blocks) traces each, and a member whose
    /// chain reaches someone who voted is not told their first delegate has not (the home page
    /// already says who carries the vote; "vote yourself to be sure" would contradict it), and a
    /// member without a voting right has no vote to lose. Without an engine, as in the CLI, the first-delegate reading stands.
    /// </summary>
    public static IReadOnlyList<(long Member, long Delegate)> Uncarried(IReadOnlyList<(long Member, long Delegate)> unvoiced, EngineHost? engines, long proposal)
    {
        if (engines is null || unvoiced.Count == 0)
        {
            return unvoiced;
        }

        var carried = engines.Read(engine => engine.WhereDoTheirVotesGo(proposal, unvoiced.Select(u => u.Member))
            .Where(path => path.Outcome is VotePathOutcome.Carried or VotePathOutcome.VotesDirectly or VotePathOutcome.NoVotingRight)
            .Select(path => path.MemberId)
            .ToHashSet());
        return [.. unvoiced.Where(u => !carried.Contains(u.Member))];
    }

    private static List<PlannedNotification> DelegationNews(DbConnection c, string type, JsonElement payload, long atMs)
    {
        var member = payload.GetProperty("memberId").GetInt64();
        var scope = payload.GetProperty("scope").GetString()!;
        var beforeId = Number(payload, type == EventTypes.DelegationRevoked ? "revoked" : "replaces");
        var before = beforeId is long id
            ? c.Query<long>("SELECT delegate_id FROM delegation_delegates WHERE delegation_id = @id ORDER BY rank", new { id }).AsList()
            : [];
        var after = payload.TryGetProperty("delegates", out var named) && named.ValueKind == JsonValueKind.Array
            ? named.EnumerateArray().Select(e => e.GetInt64()).ToList()
            : [];
        var proposal = EventTranslator.ParseScope(scope) is { Kind: Governance.Core.Delegation.ScopeKind.Proposal } s ? s.Id : (long?)null;
        var planned = new List<PlannedNotification>();
        foreach (var delegateId in before.Union(after).Where(d => d != member))
        {
            var change = !after.Contains(delegateId) ? "revoked" : before.Contains(delegateId) ? "changed" : "set";
            var rank = after.IndexOf(delegateId) + 1;
            planned.Add(new PlannedNotification(NotificationKinds.DelegationReceived, proposal, member,
                Detail(new { change, scope, rank = rank == 0 ? (int?)null : rank, weight = DelegatorsAt(c, delegateId, atMs) + 1 }), [delegateId]));
        }

        return planned;
    }

    /// <summary>
    /// A member set a block: the members whose delegation that applies at the block's place names
    /// them are told, when the block is what applies to the blocker there (DESIGN §3; both read
    /// through <see cref="DelegationEngine.Route"/>, the function behind the vote path, the
    /// proposal page and the Delegations page). The place is the block's area, its proposal, or
    /// for a global block each top area. The engine is read as it is now, as all recipients are.
    /// </summary>
    private static List<PlannedNotification> DelegateBlocked(DbConnection c, EngineHost? engines, JsonElement payload)
    {
        if (engines is null)
        {
            return [];
        }

        var blocker = payload.GetProperty("memberId").GetInt64();
        var scopeText = payload.GetProperty("scope").GetString()!;
        var scope = EventTranslator.ParseScope(scopeText);
        var places = scope.Kind switch
        {
            ScopeKind.Proposal => c.Query<long>("SELECT area_id FROM proposals WHERE id = @id", new { id = scope.Id }).Select(a => (Area: a, Proposal: (long?)scope.Id)).ToList(),
            ScopeKind.Area => [(scope.Id, (long?)null)],
            _ => c.Query<long>("SELECT id FROM areas WHERE parent_id IS NULL ORDER BY id").Select(a => (Area: a, Proposal: (long?)null)).ToList(),
        };
        var candidates = Delegators(c, blocker);
        if (places.Count == 0 || candidates.Count == 0)
        {
            return [];
        }

        var told = engines.Read(engine =>
        {
            var recipients = new SortedSet<long>();
            foreach (var (area, proposal) in places)
            {
                if (engine.Route(blocker, area, proposal) is not { Blocked: true, Applied.Scope: var applied } || applied != scope)
                {
                    continue;
                }

                foreach (var member in candidates)
                {
                    if (engine.Route(member, area, proposal)?.Applied is { IsBlock: false } step && step.Delegates.Contains(blocker))
                    {
                        recipients.Add(member);
                    }
                }
            }

            return recipients.ToList();
        });
        return told.Count == 0 ? [] : [new PlannedNotification(NotificationKinds.DelegateBlocked,
            scope.Kind == ScopeKind.Proposal ? scope.Id : null, blocker, Detail(new { scope = scopeText }), told)];
    }

    private static List<PlannedNotification> DelegateVoted(DbConnection c, long voter, long proposal, long atMs)
    {
        // A changed vote is not news to the delegators: they heard when the delegate first
        // voted. The vote row keeps when it was first cast, so no search of the notifications.
        var firstCast = c.ExecuteScalar<long?>("SELECT cast_at FROM votes WHERE proposal_id = @proposal AND member_id = @voter", new { proposal, voter });
        if (firstCast is long cast && cast < atMs)
        {
            return [];
        }

        var delegators = c.Query<long>(DelegatorsOnProposal, new { proposal, delegateId = voter }).AsList();
        return delegators.Count == 0 ? [] : [new PlannedNotification(NotificationKinds.DelegateVoted, proposal, voter, Detail(new { }), delegators)];
    }

    /// <summary>Members whose current delegations (any scope, not blocks) name <paramref name="delegateId"/>.</summary>
    private static List<long> Delegators(DbConnection c, long delegateId) =>
        c.Query<long>("""
            SELECT DISTINCT d.member_id FROM delegation_delegates dd JOIN delegations d ON d.id = dd.delegation_id
            WHERE dd.delegate_id = @delegateId AND d.valid_to IS NULL AND d.member_id <> @delegateId
            """, new { delegateId }).AsList();

    /// <summary>
    /// How many members delegated to <paramref name="delegateId"/> at the instant of the entry
    /// (versions are kept, so a later change read before this entry does not count).
    /// </summary>
    private static int DelegatorsAt(DbConnection c, long delegateId, long atMs) =>
        c.ExecuteScalar<int>("""
            SELECT count(DISTINCT d.member_id) FROM delegation_delegates dd JOIN delegations d ON d.id = dd.delegation_id
            WHERE dd.delegate_id = @delegateId AND d.member_id <> @delegateId
              AND d.valid_from <= @atMs AND (d.valid_to IS NULL OR d.valid_to > @atMs)
            """, new { delegateId, atMs });

    /// <summary>A proposal's supporters (those whose points are on it, or were released when it reached the agenda) and its author, but not whoever acted.</summary>
    private static List<PlannedNotification> ProposalNews(DbConnection c, string kind, long proposal, long? actor, object detail)
    {
        var recipients = c.Query<long>("""
            SELECT member_id FROM supports WHERE proposal_id = @proposal
              AND (released_at IS NULL OR released_at = (SELECT max(at) FROM proposal_status_history WHERE proposal_id = @proposal AND status = 'on_agenda'))
            UNION SELECT author_id FROM proposals WHERE id = @proposal
            """, new { proposal }).Where(m => m != actor).Distinct().ToList();
        return recipients.Count == 0 ? [] : [new PlannedNotification(kind, proposal, null, Detail(detail), recipients)];
    }

    public static string Detail(object value) => CanonicalJson.Serialize(value);

    private static long? Number(JsonElement payload, string property) =>
        payload.ValueKind == JsonValueKind.Object && payload.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Number
            ? value.GetInt64()
            : null;

    private static string? Text(JsonElement payload, string property) =>
        payload.ValueKind == JsonValueKind.Object && payload.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
