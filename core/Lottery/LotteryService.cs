using System.Data.Common;
using Governance.Core.Domain;
using Governance.Core.Events;
using Governance.Core.Karma;
using Governance.Core.Policies;
using Governance.Core.Storage;

namespace Governance.Core.Lottery;

/// <summary>A draw as the public sees it.</summary>
public sealed record DrawView(string PeriodId, DateTimeOffset PeriodEnd, long HeadSeq, string HeadHashHex, string SeedHex, int Eligible, IReadOnlyList<long> Drawn);

/// <summary>One member's ticket as the public sees it: what their outcome follows from (their karma is not shown).</summary>
public sealed record DrawEntryView(long MemberId, int Level, double Probability, bool Drawn);

/// <summary>The outcome of recomputing a draw from the database.</summary>
public sealed record DrawVerification(string PeriodId, bool Matches, int Eligible, int Drawn, IReadOnlyList<string> Problems);

/// <summary>
/// The counterweight lottery (DESIGN §4): at each period's end every member of level ≥ 1 is
/// drawn with probability 2 %, 4 %, 8 % by level, and a drawn member's karma is reset to 0.
/// The draw is stored with its seed and inputs; <see cref="Verify"/> recomputes it.
/// </summary>
public sealed class LotteryService(Database database, TimeProvider clock)
{
    public DrawView? Get(string periodId) => Transactions.Read(database, c =>
    {
        var draw = LotteryStore.Find(c, null, periodId);
        if (draw is null)
        {
            return null;
        }

        var (count, drawn) = LotteryStore.Summary(c, null, periodId);
        return new DrawView(draw.PeriodId, Millis.At(draw.PeriodEnd), draw.HeadSeq, Convert.ToHexStringLower(draw.HeadHash),
            Convert.ToHexStringLower(draw.Seed), (int)count, drawn);
    });

    /// <summary>Every member in the draw, by member id: enough, with the seed, to recompute each outcome.</summary>
    public IReadOnlyList<DrawEntryView> Entries(string periodId) => Transactions.Read(database, c =>
        LotteryStore.Entries(c, null, periodId).Select(e => new DrawEntryView(e.MemberId, e.Level, e.Probability, e.Drawn)).ToList());

    /// <summary>
    /// Recomputes the draw from public data: the head hash is the event-log entry's, that entry
    /// is the last at or before the period's end, the seed follows from the period id and that
    /// hash, every eligible member's probability follows from their level, and every
    /// member's drawn flag follows from the seed; drawn members' karma was reset.
    /// </summary>
    public DrawVerification Verify(string periodId) => Transactions.Read(database, c =>
    {
        var draw = LotteryStore.Find(c, null, periodId)
            ?? throw new DomainException(DomainErrors.NotFound, $"There is no draw for period {periodId}.");
        var problems = new List<string>();
        var hash = LotteryStore.HashOf(c, draw.HeadSeq);
        if (draw.HeadSeq > 0 && (hash is null || !hash.AsSpan().SequenceEqual(draw.HeadHash)))
        {
            problems.Add($"the stored head hash is not the event log's hash of entry {draw.HeadSeq}");
        }

        if (LotteryStore.NextAt(c, draw.HeadSeq) is { } nextAt && nextAt <= draw.PeriodEnd)
        {
            problems.Add($"entry {draw.HeadSeq} is not the last event-log entry at the period's end");
        }

        var seed = LotteryDraw.Seed(draw.PeriodId, draw.HeadHash);
        if (!seed.AsSpan().SequenceEqual(draw.Seed))
        {
            problems.Add("the stored seed is not SHA-256(period id ‖ head hash)");
        }

        var entries = LotteryStore.Entries(c, null, periodId);
        foreach (var e in entries)
        {
            var expected = LotteryDraw.IsDrawn(seed, e.MemberId, e.Probability);
            if (expected != e.Drawn)
            {
                problems.Add($"member {e.MemberId} is stored as {(e.Drawn ? "drawn" : "not drawn")} but the seed says {(expected ? "drawn" : "not drawn")}");
            }
        }

        var drawn = entries.Count(e => e.Drawn);
        var resets = c.ExecuteScalarLong(null, "SELECT count(*) FROM karma_changes WHERE reason = @reason", new { reason = ResetReason(periodId) });
        if (resets != drawn)
        {
            problems.Add($"{drawn} members were drawn but {resets} karma resets are recorded");
        }

        return new DrawVerification(periodId, problems.Count == 0, entries.Count, drawn, problems);
    });

    /// <summary>
    /// Draws the period inside the caller's transaction; false when it was drawn already. The
    /// stored karma is read at the period's end (later changes are read as stored).
    /// </summary>
    internal static bool Draw(DbConnection c, DbTransaction t, LotteryPeriod period, DateTimeOffset now)
    {
        if (LotteryStore.Find(c, t, period.Id) is not null)
        {
            return false;
        }

        var nowMs = Millis.Of(now);
        var policy = PolicyService.Resolve(c, t, null, period.EndMs);
        var (headSeq, headHash) = LotteryStore.HeadAt(c, t, period.EndMs) ?? (0, new byte[32]);
        var seed = LotteryDraw.Seed(period.Id, headHash);
        var entries = new List<DrawEntryRow>();
        foreach (var m in MemberStore.LotteryCandidates(c, t, policy.LevelThresholds[0], period.EndMs))
        {
            var karma = KarmaRules.Decay(m.Karma, m.KarmaAt, period.EndMs, policy.KarmaHalfLifeDays);
            var level = KarmaRules.Level(karma, policy);
            if (level < 1)
            {
                continue;
            }

            var p = KarmaRules.LotteryProbability(level, policy);
            entries.Add(new DrawEntryRow(period.Id, m.MemberId, karma, level, p, LotteryDraw.IsDrawn(seed, m.MemberId, p)));
        }

        // Metamoderation jurors come from the same head entry, drawn before the lottery resets anyone's karma.
        Metamoderation.MetamoderationService.Draw(c, t, period, policy, headSeq, headHash, now);
        LotteryStore.Insert(c, t, new DrawRow(period.Id, period.StartMs, period.EndMs, headSeq, headHash, seed, nowMs), entries);
        var drawn = entries.Where(e => e.Drawn).Select(e => e.MemberId).ToList();
        foreach (var member in drawn)
        {
            KarmaService.Reset(c, t, member, 0, nowMs, policy, ResetReason(period.Id));
        }

        EventLog.Append(c, t, now, null, EventTypes.LotteryDrawn, new
        {
            period = period.Id,
            headSeq,
            headHash = Convert.ToHexStringLower(headHash),
            seed = Convert.ToHexStringLower(seed),
            eligible = entries.Count,
            drawn,
        });
        return true;
    }

    internal static string ResetReason(string periodId) => $"lottery {periodId}";

    /// <summary>Periods ended by now and not drawn yet, oldest first, from the organisation's creation on.</summary>
    internal static IReadOnlyList<LotteryPeriod> Due(DbConnection c, long nowMs)
    {
        var policy = PolicyService.Resolve(c, null, null, nowMs);
        if (policy.LotteryBaseProbability <= 0)
        {
            return [];
        }

        var from = LotteryStore.LastPeriodEnd(c, null) ?? LotteryStore.OrganisationCreatedAt(c, null);
        if (from is null)
        {
            return [];
        }

        var due = new List<LotteryPeriod>();
        for (var period = LotteryPeriod.Containing(from.Value, policy.LotteryPeriodDays); period.EndMs <= nowMs && due.Count < 1000; period = period.Next())
        {
            due.Add(period);
        }

        return due;
    }

    /// <summary>The public chance of a member at the coming draw, as <see cref="KarmaService.Get"/> reports it.</summary>
    public double ChanceFor(long memberId) => new KarmaService(database, clock).Get(memberId).LotteryChance;
}
