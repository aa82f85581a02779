using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using Xunit.Abstractions;

namespace Governance.Api.Tests.Reliability;

/// <summary>
/// The soak (issue 21 point 5): the real server under a mixed load for half an hour — the load
/// run's writers (votes, delegations, support, 1 % new proposals) and anonymous readers of the
/// pages a visitor opens — with its resident memory sampled every 10 s. No 5xx or failed
/// request, the writers' state read back intact, and memory levelling off: the last third of the
/// run peaks no higher than the middle third plus a quarter. It writes the samples as CSV and
/// the curve as an SVG (docs/soak-memory.svg is one such run) to GOVERNANCE_SOAK_OUT, and prints
/// p50/p99 latency. GOVERNANCE_SOAK_MINUTES (30), GOVERNANCE_SOAK_WRITERS (100) and
/// GOVERNANCE_SOAK_READERS (20) size it.
/// </summary>
public sealed class SoakTests(ITestOutputHelper output)
{
    private static readonly string[] Reads =
    [
        "{ proposals(first: 20) { nodes { id title status score } } }",
        "{ proposals(status: VOTING, first: 10) { nodes { id title votingEndsAt } } areas { id name children { id name } } }",
        "{ events(first: 20) { nodes { seq type at } } }",
        "{ proposals(status: OPEN, first: 10) { nodes { id title score supporterCount author { displayName } } } }",
    ];

    [Fact]
    [Trait("Category", LongRun.Category)]
    public async Task HalfAnHourOfMixedLoadWithoutErrorsAndMemoryLevellingOff()
    {
        var minutes = LongRun.Setting("GOVERNANCE_SOAK_MINUTES", 30);
        var writers = LongRun.Setting("GOVERNANCE_SOAK_WRITERS", 100);
        var readers = LongRun.Setting("GOVERNANCE_SOAK_READERS", 20);
        var outFolder = Environment.GetEnvironmentVariable("GOVERNANCE_SOAK_OUT") ?? Directory.CreateTempSubdirectory("governance-soak-out-").FullName;
        Directory.CreateDirectory(outFolder);
        var folder = Directory.CreateTempSubdirectory("governance-soak-").FullName;
        var server = await ServerProcess.StartAsync(folder, CrashRecoveryTests.ServerSettings);
        try
        {
            var load = await WriteLoad.PrepareAsync(server.BaseAddress, writers, "soak");
            load.ProposePercent = 1;
            var readLatencies = new System.Collections.Concurrent.ConcurrentQueue<double>();
            var readOutcomes = new System.Collections.Concurrent.ConcurrentDictionary<string, long>();
            var samples = new List<(double Seconds, long Rss, long Acknowledged, long ReadsDone, string Load)>();
            using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(minutes));
            var cpuBefore = server.CpuTime();
            var clock = Stopwatch.StartNew();
            var writing = load.RunAsync(21, stop.Token);
            var reading = Task.WhenAll(Enumerable.Range(0, readers).Select(i => Task.Run(() => ReadLoopAsync(server.BaseAddress, new Random(i), readLatencies, readOutcomes, stop.Token))));
            var all = Task.WhenAll(writing, reading);
            while (!all.IsCompleted)
            {
                samples.Add((clock.Elapsed.TotalSeconds, server.ResidentBytes(), Interlocked.Read(ref load.Acknowledged), readLatencies.Count, LoadAverage()));
                await Task.WhenAny(all, Task.Delay(10_000));
            }

            await all;
            samples.Add((clock.Elapsed.TotalSeconds, server.ResidentBytes(), Interlocked.Read(ref load.Acknowledged), readLatencies.Count, LoadAverage()));
            var wall = clock.Elapsed;
            var reads = readLatencies.ToArray();
            Array.Sort(reads);
            double ReadPercentile(double p) => reads.Length == 0 ? 0 : reads[Math.Min(reads.Length - 1, (int)Math.Ceiling(p / 100 * reads.Length) - 1)];
            var acknowledged = Interlocked.Read(ref load.Acknowledged);
            var summary = string.Create(CultureInfo.InvariantCulture,
                $"{minutes} min, {writers} writers and {readers} readers: {acknowledged:N0} acknowledged writes ({acknowledged / wall.TotalSeconds:0}/s), write latency p50 {load.Percentile(50):0} ms, p99 {load.Percentile(99):0} ms, max {load.Percentile(100):0} ms; {reads.Length:N0} reads ({reads.Length / wall.TotalSeconds:0}/s), p50 {ReadPercentile(50):0} ms, p99 {ReadPercentile(99):0} ms, max {ReadPercentile(100):0} ms; server CPU {(server.CpuTime() - cpuBefore).TotalSeconds:0} s; RSS {samples.Min(s => s.Rss) / 1048576}–{samples.Max(s => s.Rss) / 1048576} MiB; load average {File.ReadAllText("/proc/loadavg").Trim()}");
            output.WriteLine(summary);
            output.WriteLine("write outcomes: " + string.Join(", ", load.Outcomes.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}: {p.Value}")));
            output.WriteLine("read outcomes: " + string.Join(", ", readOutcomes.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}: {p.Value}")));
            output.WriteLine("load average (1 min) every 10 s: " + string.Join(' ', samples.Select(s => s.Load)));
            output.WriteLine("server RSS (MiB) every 10 s: " + string.Join(' ', samples.Select(s => (s.Rss / 1048576).ToString(CultureInfo.InvariantCulture))));

            var csv = new StringBuilder("seconds,rss_mib,acknowledged_writes,reads,load_average_1min\n");
            foreach (var s in samples)
            {
                csv.Append(CultureInfo.InvariantCulture, $"{s.Seconds:0.0},{s.Rss / 1048576.0:0.0},{s.Acknowledged},{s.ReadsDone},{s.Load}\n");
            }

            await File.WriteAllTextAsync(Path.Combine(outFolder, "soak-memory.csv"), csv.ToString());
            await File.WriteAllTextAsync(Path.Combine(outFolder, "soak-memory.svg"), MemoryCurve.Svg(samples.Select(s => (s.Seconds, s.Rss / 1048576.0)).ToList(), summary));
            output.WriteLine($"samples and curve written to {outFolder}");

            Assert.DoesNotContain(load.Outcomes, p => WriteLoad.IsFailure(p.Key));
            Assert.DoesNotContain(readOutcomes, p => p.Key != "200");
            var problems = await load.CheckAsync();
            Assert.True(problems.Count == 0, string.Join('\n', problems.Take(20)));

            var third = samples.Count / 3;
            if (third > 0)
            {
                var middle = samples.Skip(third).Take(third).Max(s => s.Rss);
                var last = samples.Skip(2 * third).Max(s => s.Rss);
                output.WriteLine($"RSS peak: middle third {middle / 1048576} MiB, last third {last / 1048576} MiB");
                Assert.True(last <= middle * 1.25, $"the server's memory kept growing: {middle / 1048576} MiB → {last / 1048576} MiB");
            }
        }
        finally
        {
            await server.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The machine's one-minute load average, recorded beside each memory sample: on a shared machine the figures mean little without it.</summary>
    private static string LoadAverage() => File.ReadAllText("/proc/loadavg").Split(' ')[0];

    private static async Task ReadLoopAsync(Uri server, Random random, System.Collections.Concurrent.ConcurrentQueue<double> latencies, System.Collections.Concurrent.ConcurrentDictionary<string, long> outcomes, CancellationToken stop)
    {
        using var http = WriteLoad.CreateClient(server);
        while (!stop.IsCancellationRequested)
        {
            var sent = Stopwatch.GetTimestamp();
            string outcome;
            try
            {
                using var response = await http.PostAsJsonAsync("/graphql", new { query = Reads[random.Next(Reads.Length)] }, CancellationToken.None);
                var body = await response.Content.ReadAsStringAsync(CancellationToken.None);
                outcome = (int)response.StatusCode == 200 && body.Contains("\"errors\"", StringComparison.Ordinal) ? "graphql-error" : ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
            {
                outcome = "connection-failed";
            }

            latencies.Enqueue(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
            outcomes.AddOrUpdate(outcome, 1, (_, n) => n + 1);
        }
    }
}

/// <summary>A plain SVG line chart of resident memory over time, for docs/.</summary>
internal static class MemoryCurve
{
    public static string Svg(IReadOnlyList<(double Seconds, double Mib)> points, string caption)
    {
        const double width = 720, height = 360, left = 60, right = 20, top = 40, bottom = 50;
        var maxX = Math.Max(1, points.Max(p => p.Seconds));
        var maxY = Math.Ceiling(Math.Max(1, points.Max(p => p.Mib)) / 50) * 50;
        string X(double s) => (left + s / maxX * (width - left - right)).ToString("0.0", CultureInfo.InvariantCulture);
        string Y(double m) => (height - bottom - m / maxY * (height - top - bottom)).ToString("0.0", CultureInfo.InvariantCulture);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" font-family=\"sans-serif\" font-size=\"12\">\n");
        svg.Append(CultureInfo.InvariantCulture, $"<title>Server resident memory during the soak</title>\n<rect width=\"{width}\" height=\"{height}\" fill=\"#fff\"/>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{left}\" y=\"20\" font-size=\"14\">Server resident memory (MiB), sampled every 10 s</text>\n");
        for (var i = 0; i <= 5; i++)
        {
            var mib = maxY * i / 5;
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" x2=\"{width - right}\" y1=\"{Y(mib)}\" y2=\"{Y(mib)}\" stroke=\"#ddd\"/><text x=\"{left - 8}\" y=\"{Y(mib)}\" text-anchor=\"end\" dominant-baseline=\"middle\">{mib:0}</text>\n");
        }

        var minuteStep = Math.Max(1, (int)Math.Ceiling(maxX / 60 / 10));
        for (var minute = 0; minute * 60 <= maxX; minute += minuteStep)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{X(minute * 60)}\" y=\"{height - bottom + 18}\" text-anchor=\"middle\">{minute}</text>\n");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{(left + width - right) / 2}\" y=\"{height - 12}\" text-anchor=\"middle\">minutes</text>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<polyline fill=\"none\" stroke=\"#1f5fa8\" stroke-width=\"2\" points=\"{string.Join(' ', points.Select(p => $"{X(p.Seconds)},{Y(p.Mib)}"))}\"/>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<desc>{System.Security.SecurityElement.Escape(caption)}</desc>\n</svg>\n");
        return svg.ToString();
    }
}
