namespace Governance.Core.Domain;

/// <summary>
/// A command refused by a rule, with a stable machine-readable <see cref="Code"/> (for the
/// API's error extensions) and a message a member can act on. When it is thrown, the
/// command's transaction is rolled back: nothing has changed.
/// </summary>
public sealed class DomainException : Exception
{
    public DomainException(string code, string message)
        : base(message)
    {
        Code = code;
    }

    public string Code { get; }
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
}
