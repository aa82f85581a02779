using System.Data.Common;
using Governance.Core.Domain;
using Governance.Core.Events;
using Governance.Core.Lottery;
using Governance.Core.Policies;
using Governance.Core.Storage;

namespace Governance.Core.Karma;

/// <summary>
/// Karma (DESIGN §4): read with continuous decay at any instant, raised by endorsements and
/// early support, lowered by the abuse penalty and the lottery, always within 0 … 50.
/// Karma is organisation-wide, so it follows the organisation's policy.
/// </summary>
public sealed class KarmaService(Database database, TimeProvider clock, IDomainEventPublisher? events = null)
{
    private readonly IDomainEventPublisher events = events ?? IDomainEventPublisher.None;

    /// <summary>A member's karma now, with level, allowance, points in use and their lottery chance for the coming draw.</summary>
    public KarmaStatus Get(long memberId) => Transactions.Read(database, c =>
    {
        var now = Millis.Of(clock.GetUtcNow());
        var policy = PolicyService.Resolve(c, null, null, now);
        var stored = MemberStore.Find(c, null, memberId) ?? throw new DomainException(DomainErrors.NotFound, "There is no such member.");
        var karma = KarmaRules.Decay(stored.Karma, stored.KarmaAt, now, policy.KarmaHalfLifeDays);
        var level = KarmaRules.Level(karma, policy);

        // The chance at the coming draw is read with the karma decayed to that period's end.
        var period = LotteryPeriod.Containing(now, policy.LotteryPeriodDays);
        var atDraw = KarmaRules.Decay(karma, now, period.EndMs, policy.KarmaHalfLifeDays);
        return new KarmaStatus(
            memberId,
            karma,
            level,
            KarmaRules.Allowance(level, policy),
            KarmaRules.ProposalCap(level),
            KarmaStore.AllocatedPoints(c, null, memberId),
            KarmaRules.LotteryProbability(KarmaRules.Level(atDraw, policy), policy),
            period.End);
    });

    /// <summary>The endorsements a member may still give now, and whom they may not endorse yet.</summary>
    public EndorsementAllowance Endorsements(long memberId) => Transactions.Read(database, c =>
    {
        var now = Millis.Of(clock.GetUtcNow());
        var policy = PolicyService.Resolve(c, null, null, now);
        var pairWindow = Millis.Days(policy.EndorsementPairDays);
        var weekStart = now - (7 * Millis.Day);
        var given = KarmaStore.EndorsementsGivenSince(c, null, memberId, Math.Min(weekStart, now - pairWindow), KarmaStore.ListLimit);
        var thisWeek = given.Where(e => e.At > weekStart).ToList();
        var recent = given.Where(e => e.At > now - pairWindow)
            .GroupBy(e => e.EndorsedId)
            .Select(g => g.MaxBy(e => e.At)!)
            .OrderByDescending(e => e.At)
            .Select(e => new RecentEndorsement(e.EndorsedId, Millis.At(e.At), Millis.At(e.At + pairWindow)))
            .ToList();
        return new EndorsementAllowance(
            policy.EndorsementsPerWeek,
            Math.Max(0, policy.EndorsementsPerWeek - thisWeek.Count),
            thisWeek.Count == 0 ? null : Millis.At(thisWeek.Min(e => e.At) + (7 * Millis.Day)),
            policy.EndorsementPairDays,
            recent);
    });

    /// <summary>
    /// "This member shows good judgement": +1 karma to the endorsed, +2 when the endorser is
    /// level ≥ 2. Refused for oneself, beyond 5 in 7 days, or a second time to the same
    /// member within 30 days.
    /// </summary>
    public EndorsementResult Endorse(long actorId, long endorsedId) => Published(Transactions.WriteLogged(database, (c, t) =>
    {
        var now = Millis.Of(clock.GetUtcNow());
        var policy = PolicyService.Resolve(c, t, null, now);
        if (actorId == endorsedId)
        {
            throw new DomainException(DomainErrors.SelfEndorsement, "You cannot endorse yourself.", "member");
        }

        var endorser = MemberStore.Find(c, t, actorId) ?? throw new DomainException(DomainErrors.NotFound, "There is no such member.");
        _ = MemberStore.Find(c, t, endorsedId) ?? throw new DomainException(DomainErrors.NotFound, "There is no such member.", "member");
        if (KarmaStore.EndorsementsGivenSince(c, t, actorId, now - (7 * Millis.Day)) >= policy.EndorsementsPerWeek)
        {
            throw new DomainException(DomainErrors.EndorsementLimit,
                $"You have given {policy.EndorsementsPerWeek} endorsements in the last 7 days, the most allowed; try again later.");
        }

        if (KarmaStore.PairEndorsementsSince(c, t, actorId, endorsedId, now - Millis.Days(policy.EndorsementPairDays)) > 0)
        {
            throw new DomainException(DomainErrors.EndorsementPairLimit,
                $"You endorsed this member within the last {policy.EndorsementPairDays:0.#} days; one endorsement per member in that time.", "member");
        }

        var endorserLevel = KarmaRules.Level(KarmaRules.Decay(endorser.Karma, endorser.KarmaAt, now, policy.KarmaHalfLifeDays), policy);
        var amount = KarmaRules.EndorsementKarma(endorserLevel, policy);
        var (applied, after) = Adjust(c, t, endorsedId, amount, now, policy, "endorsement");
        var id = KarmaStore.InsertEndorsement(c, t, actorId, endorsedId, now, applied);
        MemberStore.Touch(c, t, actorId, now);
        EventLog.Append(c, t, clock.GetUtcNow(), actorId, EventTypes.MemberEndorsed,
            new { endorsement = id, endorser = actorId, endorsed = endorsedId, karma = applied });
        return new EndorsementResult(id, actorId, endorsedId, applied, after);
    }));

    /// <summary>Publishes what the committed command logged; returns its outcome.</summary>
    private T Published<T>((T Result, IReadOnlyList<LoggedEvent> Logged) written)
    {
        events.Publish(written.Logged);
        return written.Result;
    }


    /// <summary>The member's karma at <paramref name="atMs"/> (0 for an unknown member).</summary>
    internal static double Now(DbConnection c, DbTransaction? t, long memberId, long atMs, PolicyValues policy)
    {
        var stored = MemberStore.Find(c, t, memberId);
        return stored is null ? 0 : KarmaRules.Decay(stored.Karma, stored.KarmaAt, atMs, policy.KarmaHalfLifeDays);
    }

    /// <summary>
    /// Adds <paramref name="delta"/> to the decayed karma, clamped to the range, and stores it
    /// as the new K(t₀); returns the change actually applied and the karma after.
    /// </summary>
    internal static (double Applied, double After) Adjust(DbConnection c, DbTransaction t, long memberId, double delta, long atMs, PolicyValues policy, string reason)
    {
        var before = Now(c, t, memberId, atMs, policy);
        var after = KarmaRules.Clamp(before + delta, policy);
        // Unclamped, the change is exactly delta: (before + delta) - before can differ from it
        // in the last bit (1.0000000000000004 for a +1), which a client would show.
        var applied = after == before + delta ? delta : after - before;
        MemberStore.SetKarma(c, t, memberId, after, atMs, applied, reason);
        return (applied, after);
    }

    /// <summary>Sets karma to a value (the lottery's reset to 0).</summary>
    internal static void Reset(DbConnection c, DbTransaction t, long memberId, double karma, long atMs, PolicyValues policy, string reason)
    {
        var before = Now(c, t, memberId, atMs, policy);
        var after = KarmaRules.Clamp(karma, policy);
        MemberStore.SetKarma(c, t, memberId, after, atMs, after - before, reason);
    }
}
