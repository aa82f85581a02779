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
    bool IsAdmin);

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

/// <summary>Everything the generator made for one seed, ready to import.</summary>
public sealed record GeneratedOrganisation(
    string Name,
    int Seed,
    IReadOnlyList<GeneratedArea> Areas,
    IReadOnlyList<GeneratedMember> Members,
    IReadOnlyList<GeneratedDelegation> Delegations,
    IReadOnlyList<GeneratedProposal> Proposals,
    IReadOnlyList<GeneratedSupport> Supports,
    IReadOnlyList<GeneratedVote> Votes);
