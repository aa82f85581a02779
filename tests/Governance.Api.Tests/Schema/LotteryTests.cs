using Governance.Core.Clock;
using Governance.Core.Lottery;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Api.Tests.Schema;

/// <summary>lotteryDraws: the counterweight lottery's draws, public and recomputable (an app of their own: a draw resets karma).</summary>
public sealed class LotteryTests(SchemaFixture fixture) : IClassFixture<SchemaFixture>
{
    [Fact]
    public async Task DrawsArePublicNewestFirstAndEachRecomputesFromPublicData()
    {
        var before = (await fixture.Anonymous.DataAsync("{ lotteryDraws { periodId } }")).GetProperty("lotteryDraws").GetArrayLength();
        fixture.Factory.Services.GetRequiredService<GovernanceClock>().RunDue(DateTimeOffset.UtcNow.AddDays(15));

        var draws = (await fixture.Anonymous.DataAsync("{ lotteryDraws(first: 5) { periodId periodEnd headSeq headHash seed eligible drawn { handle } } }"))
            .GetProperty("lotteryDraws").EnumerateArray().ToList();

        // The demo seed drew its past periods; the clock's run adds the ones that ended since.
        Assert.Equal(Governance.Core.Demo.DemoSeed.PastDraws, before);
        Assert.True(draws.Count > before);
        var ends = draws.Select(d => d.GetProperty("periodEnd").GetDateTimeOffset()).ToList();
        Assert.Equal(ends.OrderDescending(), ends);
        var lottery = fixture.Factory.Services.GetRequiredService<LotteryService>();
        Assert.All(draws, d =>
        {
            Assert.Equal(64, d.GetProperty("seed").GetString()!.Length);
            Assert.True(lottery.Verify(d.GetProperty("periodId").GetString()!).Matches);
        });
        Assert.Contains(draws, d => d.GetProperty("eligible").GetInt32() > 0);
        await EachDrawListsItsEntriesAndEveryOutcomeFollowsFromTheSeedAndTheMemberNumber();
    }

    // Part of the test above: the draws exist only once its clock has run (one app per class).
    private async Task EachDrawListsItsEntriesAndEveryOutcomeFollowsFromTheSeedAndTheMemberNumber()
    {
        var draws = (await fixture.Anonymous.DataAsync(
                "{ lotteryDraws(first: 5) { seed eligible drawn { id } entries { member { id } memberNumber level probability drawn } } }"))
            .GetProperty("lotteryDraws").EnumerateArray().ToList();

        Assert.Contains(draws, d => d.GetProperty("entries").GetArrayLength() > 0);
        Assert.All(draws, d =>
        {
            var seed = Convert.FromHexString(d.GetProperty("seed").GetString()!);
            var entries = d.GetProperty("entries").EnumerateArray().ToList();
            Assert.Equal(d.GetProperty("eligible").GetInt32(), entries.Count);
            Assert.Equal(
                d.GetProperty("drawn").EnumerateArray().Select(m => m.GetProperty("id").GetString()).Order(),
                entries.Where(e => e.GetProperty("drawn").GetBoolean()).Select(e => e.GetProperty("member").GetProperty("id").GetString()).Order());
            Assert.All(entries, e =>
            {
                var level = e.GetProperty("level").GetInt32();
                var probability = e.GetProperty("probability").GetDouble();
                Assert.InRange(level, 1, 3);
                Assert.Equal(0.02 * Math.Pow(2, level - 1), probability, 12);
                var number = long.Parse(e.GetProperty("memberNumber").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
                Assert.Equal(LotteryDraw.IsDrawn(seed, number, probability), e.GetProperty("drawn").GetBoolean());
                Assert.Equal(SchemaFixture.Id("Member", number), e.GetProperty("member").GetProperty("id").GetString());
            });
        });
    }
}
