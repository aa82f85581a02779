using Governance.Core.Simulation;

namespace Governance.Core.Tests.Domain;

public sealed class SimulationTests
{
    [Fact]
    public void GiniIsZeroForEqualHoldingsAndNearOneWhenOneHoldsEverything()
    {
        Assert.Equal(0, Inequality.Gini([5, 5, 5, 5]), 12);
        Assert.Equal(0.99, Inequality.Gini([.. new double[99], 1]), 12);
        Assert.Equal(0.25, Inequality.Gini([1, 3]), 12);
        Assert.Equal(0.5, Inequality.TopShare([1, 1, 2], 0.34), 12);
    }

    [Fact]
    public void TheSameSeedGivesTheSameReportAndMeasuresStayInRange()
    {
        var scenarios = Scenario.Standard.Where(s => s.Name is "default" or "none").ToList();
        var first = Simulator.Run(300, 8, 42, scenarios);
        var second = Simulator.Run(300, 8, 42, scenarios);

        Assert.Equal(first.Scenarios.Select(s => s.Weeks), second.Scenarios.Select(s => s.Weeks));
        Assert.All(first.Scenarios.SelectMany(s => s.Weeks), w =>
        {
            Assert.InRange(w.Top1Share, 0, 1);
            Assert.InRange(w.Top10Share, w.Top1Share, 1);
            Assert.InRange(w.KarmaGini, 0, 1);
            Assert.InRange(w.WeightGini, 0, 1);
        });
        Assert.Equal(0, first.Scenarios.Single(s => s.Name == "none").Weeks.Sum(w => w.LotteryDrawn));
    }

    [Fact]
    public void TheChartDrawsOneLinePerScenarioInEveryPanel()
    {
        var report = Simulator.Run(200, 4, 1, Scenario.Standard.Take(2).ToList());
        var svg = SvgChart.Render(report);
        Assert.StartsWith("<svg", svg, StringComparison.Ordinal);
        Assert.Equal(6 * 2, svg.Split("<polyline").Length - 1);
        Assert.Contains("no-decay", svg, StringComparison.Ordinal);
    }
}
