namespace Governance.Core.Demo;

/// <summary>An area of the generated tree; ids are the database ids, 1-based.</summary>
public sealed record GeneratedArea(int Id, string Slug, string Name, string Description, int? ParentId);

public sealed record GeneratedMember(
    int Id,
    string Handle,
    string DisplayName,
    string Email,
    bool VotingRight,
    double Karma,
    DateTimeOffset JoinedAt,
    DateTimeOffset LastActiveAt,
    bool IsModerator,
    bool IsAdmin)
{
    /// <summary>When <see cref="Karma"/> was last changed (it decays from there); null for "now".</summary>
    public DateTimeOffset? KarmaAt { get; init; }
}

public enum GeneratedScope
{
    Global,
    Area,
    Proposal,
}

/// <summary>A current delegation: ranked delegates, or none at all for an explicit block.</summary>
public sealed record GeneratedDelegation(int MemberId, GeneratedScope Scope, int? AreaId, int? ProposalId, int[] Delegates, DateTimeOffset ValidFrom);

public sealed record GeneratedProposal(
    int Id,
    int AuthorId,
    int AreaId,
    string Title,
    string Body,
    string Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? DiscussionStartsAt = null,
    DateTimeOffset? VotingStartsAt = null,
    DateTimeOffset? VotingEndsAt = null,
    DateTimeOffset? OnAgendaAt = null);

/// <summary>A member's points on a proposal; released (no longer counted) when the proposal left Open.</summary>
public sealed record GeneratedSupport(int MemberId, int ProposalId, int Points, DateTimeOffset At, DateTimeOffset? ReleasedAt = null);

public sealed record GeneratedVote(int MemberId, int ProposalId, string Choice, DateTimeOffset At);

/// <summary>"This member shows good judgement", with the karma it gave under the rules of DESIGN §4.</summary>
public sealed record GeneratedEndorsement(int EndorserId, int EndorsedId, DateTimeOffset At, double Karma);

/// <summary>One line of a member's karma history: the change and the karma after it.</summary>
public sealed record GeneratedKarmaChange(int MemberId, DateTimeOffset At, double Delta, double KarmaAfter, string Reason);

/// <summary>A moderator's public action on a proposal: it enters <paramref name="Status"/> with the reason given.</summary>
public sealed record GeneratedModeration(int ProposalId, int ModeratorId, string Status, DateTimeOffset At, string Reason);

/// <summary>A demo sign-in account: which generated member carries it.</summary>
public sealed record GeneratedDemoAccount(int MemberId, DemoAccount Account);

/// <summary>Everything the generator made for one seed, ready to import.</summary>
public sealed record GeneratedOrganisation(
    string Name,
    int Seed,
    IReadOnlyList<GeneratedArea> Areas,
    IReadOnlyList<GeneratedMember> Members,
    IReadOnlyList<GeneratedDelegation> Delegations,
    IReadOnlyList<GeneratedProposal> Proposals,
    IReadOnlyList<GeneratedSupport> Supports,
    IReadOnlyList<GeneratedVote> Votes)
{
    public IReadOnlyList<GeneratedEndorsement> Endorsements { get; init; } = [];

    public IReadOnlyList<GeneratedKarmaChange> KarmaChanges { get; init; } = [];

    /// <summary>Chronological: the import appends them to the event log in this order.</summary>
    public IReadOnlyList<GeneratedModeration> Moderations { get; init; } = [];

    public IReadOnlyList<GeneratedDemoAccount> DemoAccounts { get; init; } = [];

    /// <summary>
    /// The password hash the demo accounts sign in with (of <see cref="Demo.DemoAccounts.Password"/>);
    /// null imports them without credentials. The host hashes, so core needs no password hasher.
    /// </summary>
    public string? DemoPasswordHash { get; init; }
}
