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

        Assert.Equal(0, before);
        Assert.NotEmpty(draws);
        var ends = draws.Select(d => d.GetProperty("periodEnd").GetDateTimeOffset()).ToList();
        Assert.Equal(ends.OrderDescending(), ends);
        var lottery = fixture.Factory.Services.GetRequiredService<LotteryService>();
        Assert.All(draws, d =>
        {
            Assert.Equal(64, d.GetProperty("seed").GetString()!.Length);
            Assert.True(lottery.Verify(d.GetProperty("periodId").GetString()!).Matches);
        });
        Assert.Contains(draws, d => d.GetProperty("eligible").GetInt32() > 0);
    }
}
