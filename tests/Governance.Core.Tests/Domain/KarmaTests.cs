using Dapper;
using FsCheck;
using FsCheck.Fluent;
using Governance.Core.Domain;
using Governance.Core.Karma;
using Governance.Core.Policies;

namespace Governance.Core.Tests.Domain;

public sealed class KarmaTests : IDisposable
{
    private readonly Organisation _org = new();

    public void Dispose() => _org.Dispose();

    [Fact]
    public void KarmaHalvesEverySixtyDaysAndIsReadAtAnyInstant()
    {
        var ann = _org.AddMember("ann", 40);
        Assert.Equal(40, _org.Karma.Get(ann).Karma, 9);
        _org.Clock.AdvanceDays(60);
        Assert.Equal(20, _org.Karma.Get(ann).Karma, 9);
        _org.Clock.AdvanceDays(30);
        Assert.Equal(20 / Math.Sqrt(2), _org.Karma.Get(ann).Karma, 9);
    }

    [Theory]
    [InlineData(0, 0, 4, 1)]
    [InlineData(9.99, 0, 4, 1)]
    [InlineData(10, 1, 8, 2)]
    [InlineData(24.9, 1, 8, 2)]
    [InlineData(25, 2, 16, 4)]
    [InlineData(40, 3, 32, 8)]
    [InlineData(50, 3, 32, 8)]
    public void LevelsGiveAllowancesOfFourToThirtyTwoAndCapsOfOneToEight(double karma, int level, int allowance, int cap)
    {
        var status = _org.Karma.Get(_org.AddMember("m", karma));
        Assert.Equal((level, allowance, cap), (status.Level, status.Allowance, status.ProposalCap));
    }

    [Fact]
    public void AnEndorsementGivesOneKarmaOrTwoFromALevelTwoEndorser()
    {
        var junior = _org.AddMember("junior", 5);
        var senior = _org.AddMember("senior", 30);
        var target = _org.AddMember("target", 0);
        Assert.Equal(1, _org.Karma.Endorse(junior, target).KarmaAwarded);
        Assert.Equal(2, _org.Karma.Endorse(senior, target).KarmaAwarded);
        Assert.Equal(3, _org.Karma.Get(target).Karma, 9);
    }

    [Fact]
    public void KarmaNeverRisesAboveFifty()
    {
        var target = _org.AddMember("target", 49.5);
        var result = _org.Karma.Endorse(_org.AddMember("senior", 45), target);
        Assert.Equal(50, result.EndorsedKarma, 9);
        Assert.Equal(0.5, result.KarmaAwarded, 9);
    }

    [Fact]
    public void EndorsingOneselfIsRefusedAndChangesNothing()
    {
        var ann = _org.AddMember("ann", 5);
        Refused.With(_org, DomainErrors.SelfEndorsement, () => _org.Karma.Endorse(ann, ann));
    }

    [Fact]
    public void AnEndorserGivesAtMostFiveAWeekAndOneToTheSameMemberInThirtyDays()
    {
        var ann = _org.AddMember("ann", 5);
        var others = _org.AddMembers(6, prefix: "o");
        foreach (var o in others.Take(5))
        {
            _org.Karma.Endorse(ann, o);
        }

        Refused.With(_org, DomainErrors.EndorsementLimit, () => _org.Karma.Endorse(ann, others[5]));
        _org.Clock.AdvanceDays(7);
        _org.Karma.Endorse(ann, others[5]);
        Refused.With(_org, DomainErrors.EndorsementPairLimit, () => _org.Karma.Endorse(ann, others[0]));
        _org.Clock.AdvanceDays(23);
        Assert.Equal(1, _org.Karma.Endorse(ann, others[0]).KarmaAwarded, 9);
    }

    [Fact]
    public void KarmaStaysWithinZeroAndFiftyUnderAnySequenceOfChangesAndTime()
    {
        var policy = PolicyValues.Default;
        var property = Prop.ForAll(
            Gen.Choose(-5000, 5000).Select(x => x / 100.0).Zip(Gen.Choose(0, 100_000_000)).ListOf().ToArbitrary(),
            steps =>
            {
                // The same arithmetic KarmaService.Adjust applies: decay to the instant, add, clamp.
                double karma = 0;
                long at = 0;
                foreach (var (delta, wait) in steps)
                {
                    var now = at + wait;
                    karma = KarmaRules.Clamp(KarmaRules.Decay(karma, at, now, policy.KarmaHalfLifeDays) + delta, policy);
                    at = now;
                    if (karma is < 0 or > 50 || KarmaRules.Level(karma, policy) is < 0 or > 3)
                    {
                        return false;
                    }
                }

                return true;
            });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), property);
    }

    [Fact]
    public void StoredKarmaStaysInRangeThroughRandomEndorsementsPenaltiesAndDraws()
    {
        var members = _org.AddMembers(8, karma: 20, prefix: "k");
        var random = new Random(7);
        for (var step = 0; step < 60; step++)
        {
            var a = members[random.Next(members.Count)];
            var b = members[random.Next(members.Count)];
            try
            {
                _org.Karma.Endorse(a, b);
            }
            catch (DomainException)
            {
                // Self-endorsements and limits are refused; the range must hold either way.
            }

            _org.Clock.AdvanceDays(random.NextDouble() * 3);
            _org.Ticker.RunDue(_org.Clock.GetUtcNow());
        }

        var range = _org.Db.QuerySingle<(double Min, double Max)>("SELECT min(karma_after), max(karma_after) FROM karma_changes");
        Assert.InRange(range.Min, 0, 50);
        Assert.InRange(range.Max, 0, 50);
        Assert.All(members, m => Assert.InRange(_org.Karma.Get(m).Karma, 0, 50));
    }
}
