using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Governance.Core.Domain;
using Governance.Core.Events;
using Governance.Core.Storage;

namespace Governance.Core.Proposals;

/// <summary>
/// An alternative as a member reads it: a proposal of the issue (<see cref="Id"/> is its proposal id)
/// with its support points (<see cref="Score"/>) and supporters.
/// </summary>
public sealed record AlternativeView(long Id, string Key, long IssueId, long AuthorId, string Title, string Body, DateTimeOffset CreatedAt,
    int Supporters, bool OnBallot, bool SupportedByMe)
{
    /// <summary>Its support points: unreleased while Open, those it held when voting opened after.</summary>
    public int Score { get; init; }

    /// <summary>Its proposal status (open during the discussion, then voting or expired, then accepted or rejected).</summary>
    public string Status { get; init; } = ProposalStatus.Open;
}

/// <summary>A choice on an issue's ballot: the status quo, the issue's proposal or an alternative.</summary>
public sealed record IssueChoiceView(string Key, string? Title, long? AlternativeId);

/// <summary>One cell of a result matrix: the weight by which (or the path strength with which) <c>Row</c> beats <c>Column</c>.</summary>
public sealed record MatrixCell(string Row, string Column, double Weight);

/// <summary>A closed ranked issue's result, read from its stored recount.</summary>
public sealed record IssueResultView(string? Winner, IReadOnlyList<string> Ranking, bool QuorumReached,
    IReadOnlyList<MatrixCell> Pairwise, IReadOnlyList<MatrixCell> StrongestPaths);

/// <summary>An issue: a proposal that reached the agenda with the alternatives members added to it.</summary>
public sealed record IssueView(long ProposalId, int BallotThreshold, bool DiscussionOpen, bool Ranked,
    IReadOnlyList<AlternativeView> Alternatives, IReadOnlyList<IssueChoiceView> Choices, IReadOnlyList<IReadOnlyList<string>>? MyRanking);

/// <summary>
/// Issues with alternatives (DESIGN §8, issue 18). A proposal that reaches the agenda is an issue of
/// one; during its discussion window any member adds an alternative — a proposal in the same issue
/// (its <c>issue_id</c>), Open, with its own support points — and supports alternatives as any
/// proposal. Alternatives whose support reaches the issue's ballot threshold — the policy's
/// <c>alternativeQuorumShare</c> (10 %) of the agenda quorum, fixed when the first alternative opens
/// the issue — are on the ballot: when voting opens they move to Voting (the others to Expired) and
/// their points are released; then the issue is voted with ranked ballots and closed by Schulze
/// against the status quo. Without one it stays a yes/no vote exactly as before. Moderators
/// schedule the issue (its lead proposal); alternatives follow it.
/// </summary>
public sealed class IssueService(Database database, TimeProvider clock, IDomainEventPublisher? events = null, Delegation.EngineHost? engine = null)
{
    public const string StatusQuo = "statusQuo";

    private readonly IDomainEventPublisher events = events ?? IDomainEventPublisher.None;

    /// <summary>The issue of a proposal that reached the agenda; null for one that did not.</summary>
    public IssueView? Issue(long proposalId, long? viewerId) => Transactions.Read(database, c =>
    {
        var proposal = ProposalStore.Find(c, null, proposalId);
        if (proposal is null || proposal.IssueId is not null || proposal.Status is ProposalStatus.Open or ProposalStatus.Withdrawn or ProposalStatus.Expired or ProposalStatus.Declined or ProposalStatus.Merged)
        {
            return null;
        }

        var nowMs = Millis.Of(clock.GetUtcNow());
        var threshold = ThresholdOf(c, null, proposal, nowMs);
        var mine = viewerId is { } v ? IssueStore.SupportedBy(c, null, proposalId, v).ToHashSet() : [];
        var alternatives = IssueStore.Alternatives(c, null, proposalId).Select(a => View(a, threshold, mine.Contains(a.Id))).ToList();
        var choices = Choices(c, null, proposal);
        IReadOnlyList<IReadOnlyList<string>>? myRanking = viewerId is { } viewer && IssueStore.Ballot(c, null, proposalId, viewer) is { } json
            ? JsonSerializer.Deserialize<List<List<string>>>(json)!.Select(g => (IReadOnlyList<string>)g).ToList()
            : null;
        return new IssueView(proposalId, (int)threshold, InDiscussion(proposal, nowMs), choices.Count > 2, alternatives, choices, myRanking);
    });

    /// <summary>The result of a closed ranked issue; null before its close or for a yes/no vote.</summary>
    public IssueResultView? Result(long proposalId)
    {
        var json = Transactions.Read(database, c => VoteStore.TallyJson(c, proposalId));
        if (json is null)
        {
            return null;
        }

        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        if (!root.TryGetProperty("pairwise", out var pairwise))
        {
            return null;
        }

        static List<MatrixCell> Cells(JsonElement matrix) =>
            [.. matrix.EnumerateObject().SelectMany(row => row.Value.EnumerateObject().Select(col => new MatrixCell(row.Name, col.Name, col.Value.GetDouble())))];
        return new IssueResultView(
            root.GetProperty("winner").ValueKind == JsonValueKind.Null ? null : root.GetProperty("winner").GetString(),
            [.. root.GetProperty("ranking").EnumerateArray().Select(e => e.GetString()!)],
            root.GetProperty("quorumReached").GetBoolean(),
            Cells(pairwise),
            Cells(root.GetProperty("strongestPaths")));
    }

    /// <summary>Most alternatives in one issue: with the status quo and the proposal, the 64 choices a ranked ballot holds.</summary>
    public const int MaxAlternatives = 62;

    /// <summary>Adds an alternative to a scheduled issue during its discussion window.</summary>
    public AlternativeView AddAlternative(long actorId, long proposalId, string title, string body) => Published(Transactions.WriteLogged(database, (c, t) =>
    {
        title = (title ?? string.Empty).Trim();
        body = (body ?? string.Empty).Trim();
        if (title.Length == 0 || title.Length > ProposalService.MaxTitleLength)
        {
            throw new DomainException(DomainErrors.InvalidInput, $"An alternative needs a title of 1 to {ProposalService.MaxTitleLength} characters.", "title");
        }

        if (body.Length > ProposalService.MaxBodyLength)
        {
            throw new DomainException(DomainErrors.InvalidInput, $"A text may have at most {ProposalService.MaxBodyLength} characters (this one has {body.Length}).", "body");
        }

        _ = MemberStore.Find(c, t, actorId) ?? throw new DomainException(DomainErrors.NotFound, "There is no such member.");
        var now = clock.GetUtcNow();
        var nowMs = Millis.Of(now);
        var proposal = ProposalService.Load(c, t, proposalId);
        if (proposal.IssueId is { } lead)
        {
            throw new DomainException(DomainErrors.InvalidInput, $"Proposal {proposalId} is itself an alternative in issue {lead}: add the alternative to the issue.", "issue");
        }

        if (title.Any(char.IsControl))
        {
            throw new DomainException(DomainErrors.InvalidInput, "A title may not contain control characters (line breaks, tabs, NUL).", "title");
        }

        RequireDiscussion(proposal, nowMs, "add an alternative");
        if (IssueStore.Alternatives(c, t, proposalId).Count >= MaxAlternatives)
        {
            throw new DomainException(DomainErrors.InvalidInput, $"An issue holds at most {MaxAlternatives} alternatives (a ranked ballot has at most 64 choices, the status quo and the proposal among them).", "issue");
        }

        var threshold = IssueStore.Threshold(c, t, proposalId);
        if (threshold is null)
        {
            threshold = ThresholdOf(c, t, proposal, nowMs);
            IssueStore.Open(c, t, proposalId, threshold.Value, nowMs);
        }

        var id = IssueStore.InsertAlternative(c, t, proposalId, actorId, title, body, nowMs);
        ProposalStore.RecordOpened(c, t, id, nowMs, actorId);
        MemberStore.Touch(c, t, actorId, nowMs);
        EventLog.Append(c, t, now, actorId, EventTypes.IssueAlternativeAdded, new { proposal = proposalId, alternative = id, title });
        return View(IssueStore.FindAlternative(c, t, id)!, threshold.Value, false);
    }));

    /// <summary>
    /// Puts <paramref name="points"/> support points on an alternative during its issue's discussion
    /// window: the same allocation, cap and allowance as on any proposal (<see cref="SupportService"/>).
    /// </summary>
    public AlternativeView SupportAlternative(long actorId, long alternativeId, int points = 1)
    {
        if (Transactions.Read(database, c => IssueStore.FindAlternative(c, null, alternativeId)) is null)
        {
            throw new DomainException(DomainErrors.NotFound, "There is no such alternative.", "alternative");
        }

        _ = new SupportService(database, clock, events).Allocate(actorId, alternativeId, points);
        return Transactions.Read(database, c =>
        {
            var row = IssueStore.FindAlternative(c, null, alternativeId)!;
            return View(row, IssueStore.Threshold(c, null, row.IssueId) ?? 1, true);
        });
    }

    /// <summary>
    /// When the issue's voting opens (inside the clock's transaction): each Open alternative whose
    /// support reached the threshold moves to Voting, the others to Expired, and their points are
    /// released (leaving Open releases points, DESIGN §5). The ballot is fixed from here on.
    /// </summary>
    internal static void OpenBallot(DbConnection c, DbTransaction t, long issueId, DateTimeOffset now)
    {
        if (IssueStore.Threshold(c, t, issueId) is not { } threshold)
        {
            return;
        }

        var nowMs = Millis.Of(now);
        var onBallot = new List<long>();
        var expired = new List<long>();
        foreach (var a in IssueStore.Alternatives(c, t, issueId).Where(a => a.Status == ProposalStatus.Open))
        {
            var reaches = a.Score >= threshold;
            var reason = reaches
                ? $"on the ballot of issue {issueId}: support {a.Score} reached {threshold}"
                : $"not on the ballot of issue {issueId}: support {a.Score} short of {threshold}";
            if (ProposalStore.Transition(c, t, a.Id, ProposalStatus.Open, reaches ? ProposalStatus.Voting : ProposalStatus.Expired, nowMs, null, reason))
            {
                ProposalStore.ReleaseAll(c, t, a.Id, nowMs);
                (reaches ? onBallot : expired).Add(a.Id);
            }
        }

        if (onBallot.Count + expired.Count > 0)
        {
            EventLog.Append(c, t, now, null, EventTypes.IssueBallotFixed, new { proposal = issueId, onBallot, expired, threshold });
        }
    }

    /// <summary>At the issue's close: the winning alternative is Accepted, the others on the ballot Rejected.</summary>
    internal static void CloseAlternatives(DbConnection c, DbTransaction t, long issueId, string? winner, long nowMs)
    {
        foreach (var a in IssueStore.Alternatives(c, t, issueId).Where(a => a.Status == ProposalStatus.Voting))
        {
            var won = Key(a) == winner;
            ProposalStore.Transition(c, t, a.Id, ProposalStatus.Voting, won ? ProposalStatus.Accepted : ProposalStatus.Rejected, nowMs, null,
                won ? $"ranked vote of issue {issueId}: this alternative wins by Schulze" : $"ranked vote of issue {issueId}: {(winner is null ? "the status quo stays" : winner + " wins")}");
        }
    }

    private static AlternativeView View(AlternativeRow a, long threshold, bool mine) =>
        new(a.Id, Key(a), a.IssueId, a.AuthorId, a.Title, a.Body, Millis.At(a.CreatedAt), (int)a.Supporters, OnBallot(a, threshold), mine)
        {
            Score = (int)a.Score,
            Status = a.Status,
        };

    /// <summary>On the ballot: while Open, when its support reaches the threshold; after, when voting opened with it.</summary>
    private static bool OnBallot(AlternativeRow a, long threshold) =>
        a.Status == ProposalStatus.Open ? a.Score >= threshold : a.Status is ProposalStatus.Voting or ProposalStatus.Accepted or ProposalStatus.Rejected;

    /// <summary>
    /// Casts or changes a member's ranked ballot: groups of choice keys, best first (a group holds
    /// ties); choices left out rank below every ranked one. Refuses an unknown choice, one ranked
    /// twice, an empty group, a yes/no vote, or an issue outside its voting window. With a live
    /// engine the ballot is written and set in the engine under its write lock, so the engine sees
    /// ballots, votes and delegations in commit order (as <see cref="VoteService.CastAsync"/> does).
    /// </summary>
    public async Task<IReadOnlyList<IReadOnlyList<string>>> CastRankedBallotAsync(long actorId, long proposalId, IReadOnlyList<IReadOnlyList<string>> ranking)
    {
        if (engine is null)
        {
            return Published(WriteBallot(actorId, proposalId, ranking)).Groups;
        }

        var written = await engine.SerialiseWriteAsync(() =>
        {
            var cast = WriteBallot(actorId, proposalId, ranking);
            engine.Apply(e => IssueBallots.Apply(e, proposalId, actorId, cast.Result.Ballot));
            return Task.FromResult(cast);
        }).ConfigureAwait(false);
        return Published(written).Groups;
    }

    private ((IReadOnlyList<IReadOnlyList<string>> Groups, Delegation.Ranked.RankedBallot Ballot) Result, IReadOnlyList<LoggedEvent> Logged) WriteBallot(
        long actorId, long proposalId, IReadOnlyList<IReadOnlyList<string>> ranking) =>
        Transactions.WriteLogged(database, (c, t) =>
        {
            var member = MemberStore.Find(c, t, actorId) ?? throw new DomainException(DomainErrors.NotFound, "There is no such member.");
            var now = clock.GetUtcNow();
            var nowMs = Millis.Of(now);
            var proposal = ProposalService.Load(c, t, proposalId);
            if (proposal.Status != ProposalStatus.Voting || nowMs < proposal.VotingStartsAt || nowMs >= proposal.VotingEndsAt)
            {
                throw new DomainException(DomainErrors.OutsideVotingWindow, $"The issue is {ProposalService.Describe(proposal.Status)}, not open for voting now.");
            }

            if (!member.VotingRight)
            {
                throw new DomainException(DomainErrors.NoVotingRight, "Your voting right is suspended; you cannot vote.");
            }

            var ordered = Choices(c, t, proposal).Select(x => x.Key).ToList();
            var keys = ordered.ToHashSet(StringComparer.Ordinal);
            if (keys.Count <= 2)
            {
                throw new DomainException(DomainErrors.InvalidInput, "This proposal has no alternatives on the ballot: it is a yes/no vote (use vote).", "ranking");
            }

            var groups = Validate(ranking, keys);
            IssueStore.UpsertBallot(c, t, proposalId, actorId, JsonSerializer.Serialize(groups), nowMs);
            MemberStore.Touch(c, t, actorId, nowMs);
            EventLog.Append(c, t, now, actorId, EventTypes.RankedBallotCast, new { proposal = proposalId });
            return ((IReadOnlyList<IReadOnlyList<string>>)groups, IssueBallots.ToEngine(ordered, groups));
        });

    private static List<List<string>> Validate(IReadOnlyList<IReadOnlyList<string>>? ranking, HashSet<string> keys)
    {
        if (ranking is null || ranking.Count == 0)
        {
            throw new DomainException(DomainErrors.InvalidInput, "A ranked ballot ranks at least one choice.", "ranking");
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var groups = new List<List<string>>();
        for (int g = 0; g < ranking.Count; g++)
        {
            if (ranking[g] is not { Count: > 0 } group)
            {
                throw new DomainException(DomainErrors.InvalidInput, $"ranking[{g}] is empty: every group ranks at least one choice.", "ranking");
            }

            var list = new List<string>();
            foreach (var key in group)
            {
                if (!keys.Contains(key))
                {
                    throw new DomainException(DomainErrors.InvalidInput, $"ranking[{g}]: \"{key}\" is not a choice on this ballot.", "ranking");
                }

                if (seen.TryGetValue(key, out var earlier))
                {
                    throw new DomainException(DomainErrors.InvalidInput, $"ranking[{g}]: \"{key}\" is ranked twice (also in ranking[{earlier}]).", "ranking");
                }

                seen[key] = g;
                list.Add(key);
            }

            groups.Add(list);
        }

        return groups;
    }

    /// <summary>The ballot's choices in order: the status quo, the issue's proposal, then the alternatives on the ballot, oldest first.</summary>
    internal static IReadOnlyList<IssueChoiceView> Choices(DbConnection c, DbTransaction? t, ProposalRow proposal)
    {
        var choices = new List<IssueChoiceView> { new(StatusQuo, null, null), new(ProposalKey(proposal.Id), proposal.Title, null) };
        if (IssueStore.Threshold(c, t, proposal.Id) is { } threshold)
        {
            choices.AddRange(IssueStore.Alternatives(c, t, proposal.Id).Where(a => OnBallot(a, threshold)).Select(a => new IssueChoiceView(Key(a), a.Title, a.Id)));
        }

        return choices;
    }

    /// <summary>Whether the proposal's vote is ranked: at least one alternative is on its ballot.</summary>
    internal static bool IsRanked(DbConnection c, DbTransaction? t, ProposalRow proposal) => Choices(c, t, proposal).Count > 2;

    public static string ProposalKey(long proposalId) => "p" + proposalId.ToString(CultureInfo.InvariantCulture);

    private static string Key(AlternativeRow a) => "a" + a.Id.ToString(CultureInfo.InvariantCulture);

    private static long ThresholdOf(DbConnection c, DbTransaction? t, ProposalRow proposal, long nowMs) =>
        IssueStore.Threshold(c, t, proposal.Id)
        ?? BallotThreshold(ProposalService.PolicyOf(c, t, proposal), Agenda.Thresholds(c, t, nowMs, ProposalService.PolicyOf(c, t, proposal)).Quorum);

    /// <summary>The support points an alternative needs to be on the ballot: the policy's share of the agenda quorum, rounded up, at least 1.</summary>
    public static long BallotThreshold(Policies.PolicyValues policy, double agendaQuorum) =>
        Math.Max(1, (long)Math.Ceiling(policy.AlternativeQuorumShare * agendaQuorum - 1e-9));

    internal static bool InDiscussion(ProposalRow p, long nowMs) =>
        p.Status == ProposalStatus.Scheduled && p.DiscussionStartsAt is { } s && nowMs >= s && (p.VotingStartsAt is not { } v || nowMs < v);

    private static void RequireDiscussion(ProposalRow p, long nowMs, string what)
    {
        if (!InDiscussion(p, nowMs))
        {
            throw new DomainException(DomainErrors.InvalidTransition,
                $"You can {what} only during the issue's discussion window; the proposal is {ProposalService.Describe(p.Status)}.", "issue");
        }
    }

    private T Published<T>((T Result, IReadOnlyList<LoggedEvent> Logged) written)
    {
        events.Publish(written.Logged);
        return written.Result;
    }
}
