namespace Governance.Core.Events;

/// <summary>
/// Every type of event-log entry, named once. The strings are part of the hash-chained log
/// (and of its public reading), so they never change; a new kind of change adds one here.
/// </summary>
public static class EventTypes
{
    public const string OrganisationSeeded = "organisation.seeded";

    public const string MemberRegistered = "member.registered";
    public const string MemberSignedIn = "member.signed-in";
    public const string MemberSignedOut = "member.signed-out";
    public const string MemberLockedOut = "member.locked-out";
    public const string MemberPasswordChanged = "member.password-changed";
    public const string MemberPreferencesChanged = "member.preferences-changed";

    /// <summary>A member erased their account: handle, name and email pseudonymised, credentials gone; public acts stay under the pseudonym.</summary>
    public const string MemberErased = "member.erased";

    /// <summary>
    /// Failed sign-ins piled up on an account (appended when they reach 5, 10, 20, … within the
    /// back-off window, not on every failure: an attacker must not grow the log at will). The
    /// domain event <see cref="SignInFailuresPiledUp"/> lets the notifications tell the member.
    /// </summary>
    public const string MemberSignInFailed = "member.sign-in-failed";
    public const string MemberVotingRightGranted = "member.voting-right-granted";
    public const string MemberVotingRightSuspended = "member.voting-right-suspended";
    public const string MemberRolesChanged = "member.roles-changed";
    public const string MemberEndorsed = "member.endorsed";

    public const string InvitationCreated = "invitation.created";
    public const string InvitationRevoked = "invitation.revoked";
    public const string RegistryImported = "registry.imported";

    public const string TokenCreated = "token.created";
    public const string TokenRevoked = "token.revoked";

    public const string AreaCreated = "area.created";
    public const string AreaRenamed = "area.renamed";
    public const string AreaArchived = "area.archived";
    public const string AreaRestored = "area.restored";
    public const string AreaMoved = "area.moved";

    public const string DelegationSet = "delegation.set";
    public const string DelegationBlocked = "delegation.blocked";
    public const string DelegationRevoked = "delegation.revoked";

    public const string ProposalOpened = "proposal.opened";
    public const string ProposalEdited = "proposal.edited";
    public const string ProposalWithdrawn = "proposal.withdrawn";
    public const string ProposalExpired = "proposal.expired";
    public const string ProposalOnAgenda = "proposal.on_agenda";
    public const string ProposalScheduled = "proposal.scheduled";
    public const string ProposalReturned = "proposal.returned";
    public const string ProposalDeclined = "proposal.declined";
    public const string ProposalMerged = "proposal.merged";
    public const string ProposalAppealClosed = "proposal.appeal_closed";

    public const string CommentPosted = "comment.posted";
    public const string CommentEdited = "comment.edited";
    public const string CommentDeleted = "comment.deleted";
    public const string CommentEndorsed = "comment.endorsed";

    public const string SuggestionMade = "suggestion.made";
    public const string SuggestionOpinion = "suggestion.opinion";
    public const string SuggestionAnswered = "suggestion.answered";

    public const string ContentReported = "content.reported";
    public const string ContentHidden = "content.hidden";
    public const string ContentRestored = "content.restored";
    public const string ContentHideUpheld = "content.hide-upheld";
    public const string ContentAppealed = "content.appealed";

    public const string SupportAllocated = "support.allocated";
    public const string SupportWithdrawn = "support.withdrawn";
    public const string SupportReleasedUnconfirmed = "support.released-unconfirmed";

    public const string VoteOpened = "vote.opened";
    public const string VoteCast = "vote.cast";
    public const string VoteClosed = "vote.closed";
    public const string RankedBallotCast = "vote.ranked-ballot-cast";

    public const string IssueAlternativeAdded = "issue.alternative-added";
    /// <summary>Logged before 0018, when alternatives had supporters of their own; since then an alternative's support is support.allocated on its proposal.</summary>
    public const string IssueAlternativeSupported = "issue.alternative-supported";

    /// <summary>The issue's voting opened: which alternatives are on its ballot and which expired short of the threshold.</summary>
    public const string IssueBallotFixed = "issue.ballot-fixed";

    public const string PolicyChanged = "policy.changed";
    public const string LotteryDrawn = "lottery.drawn";

    /// <summary>Metamoderation jurors drawn at a period's end (docs/moderation.md), with the draw's public inputs.</summary>
    public const string MetamoderationDrawn = "metamoderation.drawn";

    /// <summary>A juror judged a moderator action; private to the juror (and admins): moderators see their figures, not who judged them.</summary>
    public const string MetamoderationJudged = "metamoderation.judged";

    /// <summary>A moderator fell under the metamoderation threshold and lost the role pending an admin's review; with the figures.</summary>
    public const string ModeratorSuspended = "metamoderation.moderator-suspended";

    /// <summary>An admin decided a moderator's review: the role restored, or its loss confirmed.</summary>
    public const string ModeratorReviewed = "metamoderation.moderator-reviewed";

    /// <summary>
    /// Prefixes of the entries private to their actor (and admins): who trusts whom, sign-ins,
    /// lock-outs, password changes, tokens, invitations (their notes may name a person), register imports and metamoderation judgements. Everything else in the log is public.
    /// </summary>
    public static readonly IReadOnlyList<string> PrivatePrefixes = ["delegation.", "token.", "member.signed-", "member.locked-out", "member.password-", "member.preferences-", "member.sign-in-", "invitation.", "registry.", "metamoderation.judged"];

    /// <summary>
    /// Whether an entry about a proposal may have moved the agenda queue or the list that feeds
    /// it: support (which can bubble a proposal up) and every moderator or clock step, but not
    /// opening, editing or withdrawing an open proposal.
    /// </summary>
    public static bool MayMoveAgenda(string type) =>
        type.StartsWith("support.", StringComparison.Ordinal)
        || (type.StartsWith("proposal.", StringComparison.Ordinal) && type is not (ProposalOpened or ProposalEdited or ProposalWithdrawn));
}
