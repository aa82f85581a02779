using System.Diagnostics;
using Governance.Core.Delegation;
using Governance.Core.Delegation.Recount;
using Governance.Core.Delegation.Synthetic;

namespace Governance.Benchmarks.Delegation;

/// <summary>The console modes: heap per member, per-change latency distribution, recount of a file.</summary>
internal static class EngineMeasurements
{
    public static int Memory(int members)
    {
        var sw = Stopwatch.StartNew();
        var org = SyntheticOrganisation.Generate(members, seed: 42);
        Console.WriteLine($"generated {members:N0} members, {org.Delegations.Length:N0} delegations, {org.Voters.Length:N0} votes in {sw.ElapsedMilliseconds} ms");

        long before = Heap();
        sw.Restart();
        var engine = org.LoadInto();
        long loadMs = sw.ElapsedMilliseconds;
        long engineBytes = Heap() - before;
        Console.WriteLine($"engine loaded in {loadMs} ms; heap {engineBytes:N0} bytes = {engineBytes / (double)members:F1} bytes/member");

        before = Heap();
        var live = engine.StartLiveTally(SyntheticOrganisation.ProposalId, TallyPolicy.Default);
        long liveBytes = Heap() - before;
        Console.WriteLine($"live tally state: {liveBytes:N0} bytes = {liveBytes / (double)members:F1} bytes/member");
        Console.WriteLine($"engine + one live tally: {(engineBytes + liveBytes) / (double)members:F1} bytes/member");

        long allocated = GC.GetAllocatedBytesForCurrentThread();
        var tally = engine.Count(SyntheticOrganisation.ProposalId, TallyPolicy.Default);
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        Console.WriteLine($"first full tally allocates {allocated:N0} bytes = {allocated / (double)members:F1} bytes/member");
        long retained = Heap() - before - liveBytes;
        Console.WriteLine($"buffers kept for the next full tally: {retained:N0} bytes = {retained / (double)members:F1} bytes/member (released by ReleaseTallyBuffers)");
        allocated = GC.GetAllocatedBytesForCurrentThread();
        engine.Count(SyntheticOrganisation.ProposalId, TallyPolicy.Default);
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        Console.WriteLine($"a later full tally allocates {allocated:N0} bytes (its result)");
        Console.WriteLine($"tally: eligible {tally.Eligible:N0}, voters {tally.Voters:N0}, represented {tally.Represented:N0}, unrepresented {tally.Unrepresented:N0}, super-delegates {tally.SuperDelegates.Count}, yes {tally.Yes}, no {tally.No}");
        GC.KeepAlive(org);
        GC.KeepAlive(live);
        return 0;
    }

    public static int LiveChanges(int members, int changes)
    {
        var driver = new LiveChangeDriver(members, seed: 7);
        for (int i = 0; i < 20_000; i++) driver.Step(); // warm up the JIT and the overlay
        var ticks = new long[changes];
        for (int i = 0; i < changes; i++)
        {
            long start = Stopwatch.GetTimestamp();
            driver.Step();
            ticks[i] = Stopwatch.GetTimestamp() - start;
        }

        Array.Sort(ticks);
        double Us(long t) => t * 1_000_000.0 / Stopwatch.Frequency;
        double mean = ticks.Average(t => Us(t));
        Console.WriteLine($"{changes:N0} live changes at {members:N0} members (after 20,000 warm-up changes):");
        Console.WriteLine($"  median {Us(ticks[changes / 2]):F2} µs, p90 {Us(ticks[changes * 9 / 10]):F2} µs, p99 {Us(ticks[changes * 99 / 100]):F1} µs, p99.9 {Us(ticks[changes * 999 / 1000]):F0} µs, max {Us(ticks[^1]) / 1000:F1} ms, mean {mean:F2} µs");

        // The provisional tally must still equal a full recount after all of that.
        var full = driver.Engine.Count(SyntheticOrganisation.ProposalId, TallyPolicy.Default);
        bool same = full.Yes == driver.Live.Yes && full.No == driver.Live.No && full.Represented == driver.Live.Represented;
        Console.WriteLine($"  provisional tally equals a full recount afterwards: {same}");
        return same ? 0 : 1;
    }

    public static int RecountFile(int members, int runs)
    {
        string path = Path.Combine(Path.GetTempPath(), $"governance-snapshot-{members}.json");
        var sw = Stopwatch.StartNew();
        using (var writer = new StreamWriter(path))
        {
            SyntheticOrganisation.Generate(members, seed: 42).WriteSnapshot(writer);
        }

        Console.WriteLine($"wrote {path}: {new FileInfo(path).Length / 1e6:F0} MB in {sw.ElapsedMilliseconds} ms");
        var times = new List<double>();
        var cpuTimes = new List<double>();
        var self = Process.GetCurrentProcess();
        for (int run = 0; run < runs; run++)
        {
            GC.Collect();
            self.Refresh();
            var cpuStart = self.TotalProcessorTime;
            sw.Restart();
            int code;
            using (var reader = new StreamReader(path))
            using (var output = new StringWriter())
            {
                code = Recount.Run(reader, output, Console.Error);
                sw.Stop();
                if (run == 0) Console.WriteLine($"output: {output.ToString().Length:N0} characters, SHA-256 {Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(output.ToString())))}, first line: {output.ToString().Split('\n')[1].Trim()}");
            }

            if (code != 0) return code;
            self.Refresh();
            double cpuRun = (self.TotalProcessorTime - cpuStart).TotalSeconds;
            times.Add(sw.Elapsed.TotalSeconds);
            cpuTimes.Add(cpuRun);
            Console.WriteLine($"run {run + 1}: {sw.Elapsed.TotalSeconds:F2} s wall, {cpuRun:F2} s process CPU");
        }

        // One more run split into its phases, with process CPU time beside wall time (the
        // machine is shared: CPU time shows how much of the wall time was spent waiting).
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpu = process.TotalProcessorTime;
        sw.Restart();
        ReadOnlyMemory<byte> bytes;
        using (var reader = new StreamReader(path)) bytes = Recount.ReadUtf8(reader);
        double read = sw.Elapsed.TotalSeconds;
        process.Refresh();
        var cpuTokens = process.TotalProcessorTime;
        var tokenizer = new System.Text.Json.Utf8JsonReader(bytes.Span);
        long tokens = 0;
        while (tokenizer.Read()) tokens++;
        process.Refresh();
        Console.WriteLine($"tokenizing alone: {tokens:N0} tokens, process CPU {(process.TotalProcessorTime - cpuTokens).TotalSeconds:F2} s");
        var cpuParse = process.TotalProcessorTime;
        int gcs = GC.CollectionCount(0);
        var snapshot = SnapshotReader.Read(bytes);
        double parse = sw.Elapsed.TotalSeconds;
        process.Refresh();
        Console.WriteLine($"parse+validate: process CPU {(process.TotalProcessorTime - cpuParse).TotalSeconds:F2} s, {GC.CollectionCount(0) - gcs} GCs, GC pause total so far {GC.GetTotalPauseDuration().TotalSeconds:F2} s");
        var tally = Recount.Tally(snapshot);
        double count = sw.Elapsed.TotalSeconds;
        string text = Recount.Format(snapshot, tally);
        double format = sw.Elapsed.TotalSeconds;
        process.Refresh();
        Console.WriteLine($"phases: read {read:F2} s, parse+validate {parse - read:F2} s, load engine+tally {count - parse:F2} s, format {format - count:F2} s ({text.Length:N0} chars); wall {format:F2} s, process CPU {(process.TotalProcessorTime - cpu).TotalSeconds:F2} s");

        times.Sort();
        cpuTimes.Sort();
        Console.WriteLine($"recount of {members:N0} members end to end: wall median {times[times.Count / 2]:F2} s, min {times[0]:F2} s, max {times[^1]:F2} s; process CPU median {cpuTimes[cpuTimes.Count / 2]:F2} s, min {cpuTimes[0]:F2} s, max {cpuTimes[^1]:F2} s; load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
        File.Delete(path);
        return 0;
    }

    private static long Heap()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}

/// <summary>
/// Full tallies timed one by one in wall-clock and in process CPU time. On a shared machine
/// the CPU time is the steadier measure of the code: wall time adds whatever the host took.
/// </summary>
internal static class TallyTimes
{
    /// <param name="changesBetween">
    /// Global delegation changes made before each timed tally (outside the timing): with one, the
    /// cost of the first tally after any change, which patches the kept reverse adjacency; past
    /// the patch limit (a 64th of the members) the tally rebuilds it instead.
    /// </param>
    public static int Run(int members, int rounds, int changesBetween = 0)
    {
        var engine = SyntheticOrganisation.Generate(members, seed: 42).LoadInto();
        for (int i = 0; i < 3; i++) engine.Count(SyntheticOrganisation.ProposalId, TallyPolicy.Default);
        var process = Process.GetCurrentProcess();
        var wall = new List<double>();
        var cpu = new List<double>();
        var sources = new Dictionary<AdjacencySource, int>();
        long change = 0;
        for (int i = 0; i < rounds; i++)
        {
            for (int k = 0; k < changesBetween; k++, change++)
            {
                long who = engine.Members.IdOf((int)((change * 7919 + 13) % members));
                long to = engine.Members.IdOf((int)((change * 104_729 + 101) % members));
                if (who != to) engine.SetDelegation(who, DelegationScope.Global, [to]);
            }

            process.Refresh();
            var cpu0 = process.TotalProcessorTime;
            long t0 = Stopwatch.GetTimestamp();
            engine.Count(SyntheticOrganisation.ProposalId, TallyPolicy.Default);
            wall.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
            process.Refresh();
            cpu.Add((process.TotalProcessorTime - cpu0).TotalMilliseconds);
            sources[engine.LastCountAdjacency] = sources.GetValueOrDefault(engine.LastCountAdjacency) + 1;
        }

        wall.Sort();
        cpu.Sort();
        string after = changesBetween switch { 0 => "", 1 => " after one delegation change each", _ => $" after {changesBetween:N0} delegation changes each" };
        Console.WriteLine($"full tally of {members:N0} members{after}, {rounds} rounds (adjacency {string.Join(", ", sources.Select(s => $"{s.Key} {s.Value}"))}): wall median {wall[rounds / 2]:F2} ms (min {wall[0]:F2}, max {wall[^1]:F2}); process CPU median {cpu[rounds / 2]:F2} ms (min {cpu[0]:F2}, max {cpu[^1]:F2}); load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
        return 0;
    }
}

/// <summary>Where a full tally's time goes, pass by pass (a diagnostic, not a headline figure).</summary>
internal static class TallyPhases
{
    public static int Run(int members)
    {
        var engine = SyntheticOrganisation.Generate(members, seed: 42).LoadInto();
        var proposal = engine.ProposalOf(SyntheticOrganisation.ProposalId);
        var process = Process.GetCurrentProcess();
        for (int round = 0; round < 10; round++)
        {
            process.Refresh();
            var cpu0 = process.TotalProcessorTime;
            long t0 = Stopwatch.GetTimestamp();
            var state = new TallyState(engine, proposal, TallyPolicy.Default);
            state.Build();
            long t1 = Stopwatch.GetTimestamp();
            state.SolveAgain();
            long t2 = Stopwatch.GetTimestamp();
            var tally = state.ToTally();
            long t3 = Stopwatch.GetTimestamp();
            process.Refresh();
            var cpu = process.TotalProcessorTime - cpu0;
            double Ms(long a, long b) => (b - a) * 1000.0 / Stopwatch.Frequency;
            Console.WriteLine($"build+solve {Ms(t0, t1):F1} ms, solve alone {Ms(t1, t2):F1} ms, to-tally {Ms(t2, t3):F1} ms ({tally.Weights.Count} voters); wall {Ms(t0, t3):F1} ms, process CPU {cpu.TotalMilliseconds:F1} ms");
        }

        return 0;
    }
}
