using Governance.Core.Karma;
using Governance.Core.Lottery;
using Governance.Core.Policies;
using Governance.Core.Proposals;

namespace Governance.Api.Schema;

/// <summary>The domain's command services the mutations call.</summary>
public sealed record DomainServices(ProposalService Proposals, SupportService Support, VoteService Votes, ModerationService Moderation, KarmaService Karma, LotteryService Lottery, PolicyService Policies)
{
    /// <summary>Who may vote: registration, invitations, the membership register.</summary>
    public Governance.Core.Accounts.MembershipService Membership { get; init; } = null!;

    /// <summary>The member's own account: password, sessions, tokens, language.</summary>
    public Governance.Core.Accounts.AccountService Accounts { get; init; } = null!;

    /// <summary>The member's own data: export and erasure.</summary>
    public Governance.Core.Accounts.MemberDataService MemberData { get; init; } = null!;
    /// <summary>The viewer's notifications and their settings (issue 16).</summary>
    public Governance.Core.Notifications.NotificationService Notifications { get; init; } = null!;
    /// <summary>A proposal's discussion (issue 17).</summary>
    public Governance.Core.Comments.CommentService Comments { get; init; } = null!;

    /// <summary>Reports and hiding (issue 17).</summary>
    public Governance.Core.Comments.ReportService Reports { get; init; } = null!;

    /// <summary>Metamoderation: jurors' judgements of moderators, and admins' reviews (issue 17).</summary>
    public Governance.Core.Metamoderation.MetamoderationService Metamoderation { get; init; } = null!;

    /// <summary>Suggestions and opinions (issue 17).</summary>
    public Governance.Core.Comments.SuggestionService Suggestions { get; init; } = null!;
    /// <summary>Issues with alternatives and ranked ballots (DESIGN §8).</summary>
    public IssueService Issues { get; init; } = null!;
}
