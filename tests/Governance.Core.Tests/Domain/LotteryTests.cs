using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using FsCheck;
using FsCheck.Fluent;
using Governance.Core.Lottery;

namespace Governance.Core.Tests.Domain;

public sealed class LotteryTests : IDisposable
{
    private readonly Organisation _org = new();

    public void Dispose() => _org.Dispose();

    [Fact]
    public void PeriodsAreWeeksFromMondayNamedByTheirStartDate()
    {
        var period = LotteryPeriod.Containing(Organisation.Start.ToUnixTimeMilliseconds(), 7);
        Assert.Equal("2026-03-02", period.Id);
        Assert.Equal(DayOfWeek.Monday, period.Start.DayOfWeek);
        Assert.Equal("2026-03-09", period.Next().Id);
        Assert.Equal(period, LotteryPeriod.Parse("2026-03-02", 7));
        Assert.Null(LotteryPeriod.Parse("2026-03-03", 7));
    }

    [Fact]
    public void AtEachPeriodsEndDrawnMembersLoseAllTheirKarmaAndTheDrawVerifies()
    {
        var members = _org.AddMembers(300, karma: 45, prefix: "l");
        _org.AddMembers(20, karma: 5, prefix: "low");
        _org.Clock.AdvanceDays(6);
        var report = _org.Ticker.RunDue(_org.Clock.GetUtcNow());
        Assert.Equal(1, report.Draws);
        Assert.Equal(0, _org.Ticker.RunDue(_org.Clock.GetUtcNow()).Draws);

        var draw = _org.Lottery.Get("2026-03-02")!;
        Assert.Equal(300, draw.Eligible);

        // Level 3 is drawn at 8 %: 300 members give 24 on average; a draw of none or of half would be a bug.
        Assert.InRange(draw.Drawn.Count, 8, 50);
        Assert.All(draw.Drawn, m => Assert.Equal(0, _org.StoredKarma(m)));
        Assert.All(members.Except(draw.Drawn).Take(10), m => Assert.True(_org.StoredKarma(m) > 40));
        var verification = _org.Lottery.Verify("2026-03-02");
        Assert.True(verification.Matches, string.Join("; ", verification.Problems));
    }

    [Fact]
    public void VerificationNoticesADrawThatDoesNotFollowFromItsSeed()
    {
        _org.AddMembers(50, karma: 45, prefix: "l");
        _org.Clock.AdvanceDays(6);
        _org.Ticker.RunDue(_org.Clock.GetUtcNow());

        // Forge one entry: the immutability trigger must be dropped first, as a forger would.
        _org.DropTrigger("lottery_entries_no_update", "lottery_entries");
        _org.Db.Execute("UPDATE lottery_entries SET drawn = 1 - drawn WHERE member_id = (SELECT min(member_id) FROM lottery_entries)");
        var verification = _org.Lottery.Verify("2026-03-02");
        Assert.False(verification.Matches);
        Assert.NotEmpty(verification.Problems);
    }

    [Fact]
    public void AMemberSeesTheirOwnChanceForTheComingDraw()
    {
        Assert.Equal(0, _org.Karma.Get(_org.AddMember("zero", 5)).LotteryChance);
        Assert.Equal(0.02, _org.Karma.Get(_org.AddMember("one", 15)).LotteryChance, 12);
        Assert.Equal(0.04, _org.Karma.Get(_org.AddMember("two", 30)).LotteryChance, 12);
        Assert.Equal(0.08, _org.Karma.Get(_org.AddMember("three", 49)).LotteryChance, 12);
    }

    [Fact]
    public void TheDrawIsReproducibleFromPublicDataAlone()
    {
        // Anyone holding the event log and the members' levels recomputes the draw with the
        // documented bytes, without calling our code: SHA-256(UTF-8 period id ‖ head hash),
        // then SHA-256(seed ‖ 8-byte big-endian id) < p · 2^64.
        var property = Prop.ForAll(
            Gen.Choose(1, 5000).ListOf().Select(l => l.Distinct().Take(40).ToArray()).ToArbitrary(),
            Gen.Choose(0, 10).ToArbitrary(),
            (karmaTenths, week) =>
            {
                using var org = new Organisation();
                org.Clock.AdvanceDays(week * 7);
                var ids = karmaTenths.Select((k, i) => (Id: org.AddMember($"p{i}", k / 100.0), Karma: k / 100.0)).ToList();
                org.Clock.AdvanceDays(7);
                org.Ticker.RunDue(org.Clock.GetUtcNow());
                var draw = org.Db.QuerySingle<(string PeriodId, long PeriodEnd)>("SELECT period_id, period_end FROM lottery_draws ORDER BY period_end DESC LIMIT 1");
                var head = org.Db.QuerySingleOrDefault<byte[]>("SELECT hash FROM event_log WHERE at <= @end ORDER BY seq DESC LIMIT 1", new { end = draw.PeriodEnd }) ?? new byte[32];
                var seed = SHA256.HashData([.. Encoding.UTF8.GetBytes(draw.PeriodId), .. head]);
                var endMs = draw.PeriodEnd;
                var expected = ids.Where(m =>
                {
                    var karma = m.Karma * Math.Pow(2, -(endMs - org.Db.ExecuteScalar<long>("SELECT joined_at FROM members WHERE id = @id", new { id = m.Id })) / (60 * 86_400_000d));
                    var p = karma < 10 ? 0 : karma < 25 ? 0.02 : karma < 40 ? 0.04 : 0.08;
                    var input = new byte[40];
                    seed.CopyTo(input, 0);
                    BinaryPrimitives.WriteInt64BigEndian(input.AsSpan(32), m.Id);
                    var value = BinaryPrimitives.ReadUInt64BigEndian(SHA256.HashData(input));
                    return value / Math.Pow(2, 64) < p;
                }).Select(m => m.Id).Order().ToList();
                var stored = org.Db.Query<long>("SELECT member_id FROM lottery_entries WHERE period_id = @PeriodId AND drawn = 1 ORDER BY member_id", new { draw.PeriodId }).ToList();
                return expected.SequenceEqual(stored);
            });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(12), property);
    }
}
