namespace Governance.Core.Proposals;

/// <summary>A proposal as the API shows it, with its current score (points allocated) and supporters.</summary>
public sealed record ProposalView(
    long Id,
    long AuthorId,
    long AreaId,
    string Title,
    string Body,
    string Status,
    int Score,
    int Supporters,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? OnAgendaAt,
    DateTimeOffset? DiscussionStartsAt,
    DateTimeOffset? VotingStartsAt,
    DateTimeOffset? VotingEndsAt,
    DateTimeOffset? AppealUntil,
    bool MustSchedule,
    long? MergedIntoId);

/// <summary>An open proposal in the "hot" ranking.</summary>
public sealed record RankedProposal(ProposalView Proposal, double Hot);

/// <summary>One step of a proposal's life, with who did it and why (moderator reasons are public).</summary>
public sealed record StatusChange(string Status, DateTimeOffset At, long? ActorId, string? Reason);

/// <summary>The statuses of DESIGN §5 as stored.</summary>
public static class ProposalStatus
{
    public const string Open = "open";
    public const string OnAgenda = "on_agenda";
    public const string Scheduled = "scheduled";
    public const string Voting = "voting";
    public const string Accepted = "accepted";
    public const string Rejected = "rejected";
    public const string Withdrawn = "withdrawn";
    public const string Expired = "expired";
    public const string Declined = "declined";
    public const string Merged = "merged";

    /// <summary>The statuses a proposal never leaves: its life is over, nothing more can be done on it (a delegation on it would carry nothing).</summary>
    public static readonly IReadOnlySet<string> Closed = new HashSet<string>(StringComparer.Ordinal) { Accepted, Rejected, Withdrawn, Expired, Declined, Merged };

    /// <summary>The statuses a vote closed with.</summary>
    public static readonly IReadOnlySet<string> ClosedByVote = new HashSet<string>(StringComparer.Ordinal) { Accepted, Rejected };

    public static bool IsClosed(string status) => Closed.Contains(status);
}
