namespace Governance.Api.Schema.Data;

// Rows as SQLite gives them (INTEGER → long, REAL → double, instants as Unix milliseconds):
// Dapper fills positional records whose parameter types match the columns exactly.

public sealed record MemberRow(long Id, string Handle, string DisplayName, long VotingRight, string? Roles, long JoinedAt);

public sealed record ViewerRow(long Id, string Handle, string DisplayName, string? Email, double Karma, long KarmaAt, long Allocated);

public sealed record AreaRow(long Id, string Slug, string Name, string Description, long? ParentId, long? ArchivedAt = null);

public sealed record ProposalRow(long Id, long AuthorId, long AreaId, string Title, string Body, string Status, long CreatedAt, long UpdatedAt, long? VotingEndsAt, long? MergedIntoId, long? VotingStartsAt, long? ExpiresAt, long? IssueId = null);

/// <summary>One proposal's place in a list: enough to filter, order and page without loading bodies.</summary>
// The parameterless constructors let Dapper read an empty result: with no rows SQLite reports
// an aggregate column as BLOB, which matches no positional constructor (as DrawEntryRow does).
public sealed record ProposalRank(long Id, long CreatedAt, long Score)
{
    public ProposalRank()
        : this(0, 0, 0)
    {
    }
}

/// <summary>The support a proposal held when it reached the agenda (released then, DESIGN §5).</summary>
public sealed record AgendaSupportRow(long ProposalId, long ReachedAt, long Score, long Supporters)
{
    public AgendaSupportRow()
        : this(0, 0, 0, 0)
    {
    }
}

public sealed record ProposalScore(long ProposalId, long Score, long Supporters)
{
    public ProposalScore()
        : this(0, 0, 0)
    {
    }
}

public sealed record SupportRow(long MemberId, long ProposalId, long Points, long AllocatedAt);

public sealed record StatusRow(long ProposalId, string Status, long At, long? ActorId, string? Reason);

public sealed record EventRow(long Seq, long At, long? ActorId, string Type, string Payload, byte[] Hash);

public sealed record DelegatorRow(long MemberId, string ScopeKind, long? AreaId, long? ProposalId, long Rank);

public sealed record EndorsementRow(long FromId, long ToId, long At, double KarmaAwarded);

/// <summary>A member's place in the directory's (handle, id) order: what a members cursor holds.</summary>
public sealed record MemberKey(string Handle, long Id);

/// <summary>A keyset page of the member directory, with the filtered count and whether members lie before or after it.</summary>
public sealed record MemberPage(List<MemberRow> Rows, long Total, bool HasPrevious, bool HasNext);
