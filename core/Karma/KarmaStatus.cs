namespace Governance.Core.Karma;

/// <summary>A member's karma read now, with what it allows (DESIGN §4).</summary>
public sealed record KarmaStatus(
    long MemberId,
    double Karma,
    int Level,
    int Allowance,
    int ProposalCap,
    int Allocated,
    double LotteryChance,
    DateTimeOffset NextDrawAt)
{
    /// <summary>Points still free; negative never, but 0 when karma fell below what stands allocated.</summary>
    public int Available => Math.Max(0, Allowance - Allocated);
}

/// <summary>The outcome of an endorsement.</summary>
public sealed record EndorsementResult(long EndorsementId, long EndorserId, long EndorsedId, double KarmaAwarded, double EndorsedKarma);

/// <summary>
/// What a member may still endorse (DESIGN §4): the endorsements left of the weekly allowance
/// (the last 7 days count), when the oldest of those stops counting, and the members endorsed
/// too recently to endorse again, each with the instant that becomes possible.
/// </summary>
public sealed record EndorsementAllowance(
    int PerWeek,
    int Left,
    DateTimeOffset? NextFreeAt,
    double SameMemberDays,
    IReadOnlyList<RecentEndorsement> Recent);

/// <summary>A member endorsed within the same-member window, and when they may be endorsed again.</summary>
public sealed record RecentEndorsement(long MemberId, DateTimeOffset At, DateTimeOffset AgainAt);
