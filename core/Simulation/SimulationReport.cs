namespace Governance.Core.Simulation;

/// <summary>One simulated week's measures.</summary>
public sealed record WeekMetrics(
    int Week,
    double Top1Share,
    double Top10Share,
    double KarmaGini,
    double WeightGini,
    double SuperDelegates,
    int AgendaArrivals,
    int VotesClosed,
    double ColluderAgendaShare,
    int LotteryDrawn);

/// <summary>A scenario's weeks and its averages over the second half of the run (after the start-up).</summary>
public sealed record ScenarioResult(
    string Name,
    string Description,
    IReadOnlyList<WeekMetrics> Weeks,
    WeekMetrics SecondHalfAverage,
    double ElapsedSeconds);

public sealed record SimulationReport(int Members, int Weeks, int Seed, double ElapsedSeconds, IReadOnlyList<ScenarioResult> Scenarios);
