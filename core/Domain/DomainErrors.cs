namespace Governance.Core.Domain;

/// <summary>
/// The codes of <see cref="DomainException"/>, one per rule a command can break. (The
/// exception itself is Governance.Core.DomainException, shared with the delegation store: two
/// types of one name let a catch for one miss the other.)
/// </summary>
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
}
