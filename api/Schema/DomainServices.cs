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

    /// <summary>Issues with alternatives and ranked ballots (DESIGN §8).</summary>
    public IssueService Issues { get; init; } = null!;
}
