namespace Governance.Core.Notifications;

/// <summary>
/// Every kind of notification, named once (issue 16). The strings are stored with each
/// notification and setting, so they never change; the GraphQL enum is their upper case.
/// </summary>
public static class NotificationKinds
{
    /// <summary>Someone set, changed or revoked a delegation naming me (detail: change, scope, weight).</summary>
    public const string DelegationReceived = "delegation_received";

    /// <summary>A member I delegate to voted on a proposal my delegation covers.</summary>
    public const string DelegateVoted = "delegate_voted";

    /// <summary>48 hours before a vote closes, neither I nor my first delegate has voted.</summary>
    public const string DelegateNotVoted = "delegate_not_voted";

    /// <summary>A member I delegate to lost their voting right: my vote passes them over.</summary>
    public const string DelegateLostRight = "delegate_lost_right";

    /// <summary>
    /// A member I delegate to set a block where my delegation to them applies: their own wider
    /// delegation is not used there, so if they do not vote my vote stops with them (detail: scope).
    /// </summary>
    public const string DelegateBlocked = "delegate_blocked";

    public const string ProposalOnAgenda = "proposal_on_agenda";
    public const string ProposalScheduled = "proposal_scheduled";
    public const string ProposalReturned = "proposal_returned";
    public const string ProposalDeclined = "proposal_declined";
    public const string ProposalMerged = "proposal_merged";
    public const string ProposalEdited = "proposal_edited";

    /// <summary>A vote I can cast opened.</summary>
    public const string VoteOpened = "vote_opened";

    /// <summary>A vote I can cast and have not closes within 24 hours.</summary>
    public const string VoteClosing = "vote_closing";

    /// <summary>The counterweight lottery drew me: my karma went back to 0.</summary>
    public const string LotteryDrawn = "lottery_drawn";

    /// <summary>I was drawn to judge a sample of moderators' actions (metamoderation; detail: period, actions).</summary>
    public const string MetamoderationDrawn = "metamoderation_drawn";

    /// <summary>Someone failed to sign in to my account.</summary>
    public const string SignInFailed = "sign_in_failed";

    /// <summary>Every kind, in the order the settings page lists them.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        DelegationReceived, DelegateVoted, DelegateNotVoted, DelegateLostRight, DelegateBlocked,
        ProposalOnAgenda, ProposalScheduled, ProposalReturned, ProposalDeclined, ProposalMerged, ProposalEdited,
        VoteOpened, VoteClosing, LotteryDrawn, MetamoderationDrawn, SignInFailed,
    ];

    public static bool IsKnown(string kind) => All.Contains(kind, StringComparer.Ordinal);
}

/// <summary>How a member wants one kind: not at all, in the app, or in the app and the daily email digest.</summary>
public static class NotificationDelivery
{
    public const string Off = "off";
    public const string App = "app";
    public const string Email = "email";

    /// <summary>The delivery of a kind the member never set.</summary>
    public const string Default = App;

    public static bool IsKnown(string mode) => mode is Off or App or Email;
}
