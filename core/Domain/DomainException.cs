namespace Governance.Core.Domain;

/// <summary>
/// A command refused by a rule, with a stable machine-readable <see cref="Code"/> (for the
/// API's error extensions) and a message a member can act on. When it is thrown, the
/// command's transaction is rolled back: nothing has changed. <see cref="Field"/> names the
/// input at fault when there is one (for a client to put the message next to it).
/// </summary>
public sealed class DomainException : Exception
{
    public DomainException(string code, string message, string? field = null)
        : base(message)
    {
        Code = code;
        Field = field;
    }

    public string Code { get; }

    public string? Field { get; }
}

/// <summary>The codes of <see cref="DomainException"/>, one per rule a command can break.</summary>
public static class DomainErrors
{
    public const string NotFound = "not_found";
    public const string InvalidInput = "invalid_input";
    public const string NotAllowed = "not_allowed";
    public const string ProposalNotOpen = "proposal_not_open";
    public const string AllowanceExceeded = "allowance_exceeded";
    public const string ProposalCapExceeded = "proposal_cap_exceeded";
    public const string SelfEndorsement = "self_endorsement";
    public const string EndorsementLimit = "endorsement_limit";
    public const string EndorsementPairLimit = "endorsement_pair_limit";
    public const string OutsideVotingWindow = "outside_voting_window";
    public const string NoVotingRight = "no_voting_right";
    public const string NotInQueue = "not_in_queue";
    public const string ReasonRequired = "reason_required";
    public const string MustBeScheduled = "must_be_scheduled";
    public const string InvalidPolicy = "invalid_policy";
    public const string InvalidTransition = "invalid_transition";
    public const string SelfDelegation = "self_delegation";
    public const string DuplicateDelegate = "duplicate_delegate";
    public const string TooManyDelegates = "too_many_delegates";
    public const string NoDelegates = "no_delegates";
    public const string InvalidSlug = "invalid_slug";
    public const string InvalidName = "invalid_name";
    public const string InvalidDescription = "invalid_description";
    public const string SlugTaken = "slug_taken";
    public const string UnknownRole = "unknown_role";
    public const string LastAdmin = "last_admin";
    public const string UnknownMember = "unknown_member";
    public const string UnknownDelegate = "unknown_delegate";
    public const string UnknownArea = "unknown_area";
    public const string UnknownProposal = "unknown_proposal";
    public const string ProposalClosed = "proposal_closed";
    public const string CommentsClosed = "comments_closed";
    public const string CommentDeleted = "comment_deleted";
    public const string AlreadyReported = "already_reported";
    public const string AlreadyAppealed = "already_appealed";
    public const string AreaCycle = "area_cycle";
    public const string RootArea = "root_area";
    public const string AreaArchived = "area_archived";
    public const string VoteRunning = "vote_running";
    public const string Unchanged = "unchanged";
    public const string JudgingClosed = "judging_closed";
    public const string NotInSample = "not_in_sample";
    public const string AlreadyJudged = "already_judged";
    public const string ConflictOfInterest = "conflict_of_interest";
    public const string AlreadyDecided = "already_decided";
}
