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
