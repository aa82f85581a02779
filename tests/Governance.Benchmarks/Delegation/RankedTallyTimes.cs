using System.Diagnostics;
using Governance.Core.Delegation;
using Governance.Core.Delegation.Ranked;
using Governance.Core.Delegation.Synthetic;

namespace Governance.Benchmarks.Delegation;

/// <summary>
/// The ranked tally of an issue (DESIGN §8) against the yes/no tally of the same organisation, in
/// the same run, rounds alternating: the synthetic organisation's ~100,000 voters cast ranked
/// ballots over the status quo and ten alternatives on one engine and yes/no votes on another.
/// Timed: delegation resolution + pairwise matrix + Schulze (all of <see cref="DelegationEngine.CountRanked"/>).
/// </summary>
internal static class RankedTallyTimes
{
    public const int Alternatives = 10;

    public static int Run(int members, int rounds)
    {
        var org = SyntheticOrganisation.Generate(members, seed: 42);
        var yesNo = org.LoadInto();
        var ranked = org.LoadInto();
        int choices = Alternatives + 1;
        var random = new Random(18);
        foreach (int voter in org.Voters) ranked.CastRankedBallot(SyntheticOrganisation.ProposalId, voter, RandomBallot(random, choices));

        for (int i = 0; i < 3; i++)
        {
            yesNo.Count(SyntheticOrganisation.ProposalId, TallyPolicy.Default);
            ranked.CountRanked(SyntheticOrganisation.ProposalId, choices, TallyPolicy.Default);
        }

        // The live engine's provisional standing of the issue: the resolution is kept in step by the
        // live tally, so a read is the matrix over the voters and Schulze (LiveTally.Ranked).
        var live = ranked.StartLiveTally(SyntheticOrganisation.ProposalId, TallyPolicy.Default);
        live.Ranked(choices);

        string loadBefore = Load();
        var process = Process.GetCurrentProcess();
        var times = new Dictionary<string, (List<double> Wall, List<double> Cpu)> { ["yes/no"] = ([], []), ["ranked"] = ([], []), ["live"] = ([], []) };
        RankedTally? last = null;
        for (int i = 0; i < rounds; i++)
        {
            Time("yes/no", () => yesNo.Count(SyntheticOrganisation.ProposalId, TallyPolicy.Default));
            Time("ranked", () => last = ranked.CountRanked(SyntheticOrganisation.ProposalId, choices, TallyPolicy.Default));
            Time("live", () => live.Ranked(choices));
        }

        Console.WriteLine($"{DateTime.UtcNow:u} {members:N0} members, {org.Voters.Length:N0} direct ballots, {Alternatives} alternatives + status quo, {rounds} rounds each, alternating; load average (1 min) {loadBefore} before, {Load()} after");
        foreach (var (name, (wall, cpu)) in times)
        {
            wall.Sort();
            cpu.Sort();
            Console.WriteLine($"  {name,-6} tally: wall median {wall[rounds / 2]:F2} ms (p10 {wall[rounds / 10]:F2}, p90 {wall[rounds * 9 / 10]:F2}, min {wall[0]:F2}, max {wall[^1]:F2}); "
                + $"process CPU median {cpu[rounds / 2]:F2} ms (p10 {cpu[rounds / 10]:F2}, p90 {cpu[rounds * 9 / 10]:F2}, min {cpu[0]:F2}, max {cpu[^1]:F2})");
        }

        Console.WriteLine($"  target: ranked tally wall median <= 120 ms: {(times["ranked"].Wall[rounds / 2] <= 120 ? "met" : "not met")} in this run");

        var standing = live.Ranked(choices);
        if (!standing.Pairwise.SequenceEqual(last!.Pairwise) || standing.Winner != last.Winner) throw new InvalidOperationException("the live ranked standing differs from the full ranked tally");
        Console.WriteLine("  (live = reading a ranked issue's provisional standing from the live engine: the matrix and Schulze over the kept resolution; it equals the full ranked tally)");
        var p = last.Participation;
        Console.WriteLine($"  ranked result: eligible {p.Eligible:N0}, voters {p.Voters:N0}, represented {p.Represented:N0}, ranking [{string.Join(", ", last.Order)}], winner {last.Winner?.ToString() ?? "status quo"}");
        return 0;

        void Time(string name, Action tally)
        {
            process.Refresh();
            var cpu0 = process.TotalProcessorTime;
            long t0 = Stopwatch.GetTimestamp();
            tally();
            times[name].Wall.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
            process.Refresh();
            times[name].Cpu.Add((process.TotalProcessorTime - cpu0).TotalMilliseconds);
        }
    }

    private static string Load() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";

    /// <summary>
    /// A ballot as members fill them in: a few alternatives ranked (earlier alternatives more
    /// popular), sometimes two level, and the status quo among them (at a random place) or left out.
    /// </summary>
    private static RankedBallot RandomBallot(Random random, int choices)
    {
        var groups = new List<List<int>>();
        int ranked = random.Next(1, choices);
        var seen = new HashSet<int>();
        while (seen.Count < ranked)
        {
            int choice = 1 + (int)(random.NextDouble() * random.NextDouble() * (choices - 1));
            if (!seen.Add(choice)) continue;
            if (groups.Count > 0 && random.Next(5) == 0) groups[^1].Add(choice);
            else groups.Add([choice]);
        }

        if (random.Next(10) < 7) groups.Insert(random.Next(groups.Count + 1), [0]);
        return RankedBallot.FromGroups(choices, [.. groups]);
    }
}
