using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Governance.Core.Delegation.Recount;
using Governance.Tests.Shared;
using Xunit.Abstractions;

namespace Governance.Api.Tests.Reliability;

/// <summary>
/// Bad input for the `recount` snapshot reader (issue 8): random snapshots — some valid, most
/// mutated in their text, their bytes or their structure — through the reader in-process, and a
/// few through the real command. Oracle: it never throws; it prints a tally (valid JSON) and
/// exits 0, or refuses with a message on stderr, nothing on stdout, and exit 1.
/// </summary>
public sealed class RecountFuzzTests(ITestOutputHelper output)
{
    private static readonly string[] Choices = ["yes", "no", "abstain", "YES", "maybe", ""];

    [Fact]
    public void RandomAndMutatedSnapshotsAreRecountedOrRefusedWithAMessage()
    {
        var cases = Math.Max(1, FuzzSettings.Cases / 5);
        var findings = new List<string>();
        var (tallied, refused) = (0L, 0L);
        var slowest = (Milliseconds: 0L, Case: 0L);
        var clock = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        for (var index = FuzzSettings.First; index < FuzzSettings.First + cases; index++)
        {
            var random = new FuzzRandom(FuzzSettings.Seed, index);
            var bytes = Snapshot(random);
            var started = clock.ElapsedMilliseconds;
            var (exit, stdout, stderr, thrown) = Recount(bytes);
            var took = clock.ElapsedMilliseconds - started;
            if (took > slowest.Milliseconds)
            {
                slowest = (took, index);
            }

            var problem = thrown is not null ? $"threw {thrown.GetType().Name}: {thrown.Message}"
                : exit == 0 ? TallyProblem(stdout, stderr)
                : exit == 1 ? (stdout.Length == 0 && stderr.StartsWith("recount: ", StringComparison.Ordinal) && stderr.Trim().Length > "recount: refused:".Length ? null : $"refused without a message, or with output: stdout '{Clip(stdout)}', stderr '{Clip(stderr)}'")
                : $"exit code {exit}";
            if (exit == 0)
            {
                tallied++;
            }
            else
            {
                refused++;
            }

            if (problem is not null)
            {
                findings.Add($"case {index}: {problem}\n    snapshot: {Clip(Encoding.UTF8.GetString(bytes))}");
            }
        }

        var cpuUsed = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var summary = $"recount fuzz: {cases:N0} cases (seed {FuzzSettings.Seed}, from {FuzzSettings.First}) in {clock.Elapsed.TotalSeconds:0.0} s wall, {cpuUsed.TotalSeconds:0.0} s CPU; "
            + $"{tallied:N0} tallied, {refused:N0} refused; slowest {slowest.Milliseconds} ms (case {slowest.Case}); findings {findings.Count}";
        output.WriteLine(summary);
        FuzzSettings.Append(summary);
        foreach (var finding in findings.Take(50))
        {
            output.WriteLine(finding);
            FuzzSettings.Append(finding);
        }

        Assert.True(findings.Count == 0, $"{findings.Count} findings, first: {findings.FirstOrDefault()}");
        Assert.True(tallied > 0 && refused > 0, "the generator must produce both valid and malformed snapshots");
    }

    [Theory]
    [InlineData(1L)]
    [InlineData(2L)]
    [InlineData(3L)]
    [InlineData(4L)]
    public async Task TheRealCommandRefusesOrRecountsAMutatedSnapshotToo(long index)
    {
        var bytes = Snapshot(new FuzzRandom(FuzzSettings.Seed, index));
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllBytesAsync(file, bytes);
            var inProcess = Recount(bytes);

            var real = await CliProcess.RunAsync(null, "recount", file);

            Assert.Equal(inProcess.Exit, real.ExitCode);
            Assert.Equal(inProcess.Stdout, real.StdOut);
            Assert.Equal(real.ExitCode == 0, real.StdErr.Length == 0);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static (int Exit, string Stdout, string Stderr, Exception? Thrown) Recount(byte[] bytes)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        try
        {
            // A StreamReader over a seekable stream: the path the CLI takes for a file.
            using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8);
            var exit = Governance.Core.Delegation.Recount.Recount.Run(reader, stdout, stderr);
            return (exit, stdout.ToString(), stderr.ToString(), null);
        }
        catch (Exception e)
        {
            return (-1, stdout.ToString(), stderr.ToString(), e);
        }
    }

    private static string? TallyProblem(string stdout, string stderr)
    {
        if (stderr.Length > 0)
        {
            return $"tallied but wrote to stderr: {Clip(stderr)}";
        }

        try
        {
            using var tally = JsonDocument.Parse(stdout);
            // A yes/no tally says whether it passed; a ranked one (DESIGN §8) gives the ranking.
            var root = tally.RootElement;
            return root.TryGetProperty("eligible", out _) && (root.TryGetProperty("passed", out _) || root.TryGetProperty("ranking", out _))
                ? null : $"a tally without eligible and passed or ranking: {Clip(stdout)}";
        }
        catch (JsonException e)
        {
            return $"printed a tally that is not JSON ({e.Message}): {Clip(stdout)}";
        }
    }

    /// <summary>A snapshot: valid, or broken in its text, bytes, or structure.</summary>
    internal static byte[] Snapshot(FuzzRandom random)
    {
        var text = random.Next(10) switch
        {
            0 => random.Chance(50) ? DesignExample.Snapshot : RankedExample.Snapshot,
            < 4 => Generated(random, valid: true),
            < 7 => GraphQLFuzzGenerator.MutateText(random, random.Chance(30) ? Example(random) : Generated(random, valid: true)),
            < 9 => Generated(random, valid: false),
            _ => GraphQLFuzzGenerator.JsonValue(random, depth: 0),
        };
        var bytes = Encoding.UTF8.GetBytes(text);
        return random.Chance(10) ? GraphQLFuzzGenerator.CorruptUtf8(random, bytes) : random.Chance(3) ? [0xEF, 0xBB, 0xBF, .. bytes] : bytes;
    }

    /// <summary>One of the two worked examples: a yes/no vote (DESIGN §7) or an issue with ranked ballots (§8).</summary>
    private static string Example(FuzzRandom random) => random.Chance(50) ? DesignExample.Snapshot : RankedExample.Snapshot;

    /// <summary>A random organisation's snapshot; with <paramref name="valid"/> false, values of the wrong kind or naming nobody.</summary>
    private static string Generated(FuzzRandom random, bool valid)
    {
        var members = random.Next(1, random.Chance(5) ? 3_000 : 40);
        string Member() => "m" + random.Next(valid ? members : members + 3).ToString(CultureInfo.InvariantCulture);
        string Wrong(string good) => valid || !random.Chance(10) ? good : GraphQLFuzzGenerator.JsonValue(random, depth: 2);
        var json = new StringBuilder();
        json.Append("{\"proposal\":").Append(Wrong("\"p1\"")).Append(",\"area\":").Append(Wrong(random.Chance(50) ? "\"a1\"" : "\"a0\""));
        json.Append(",\"areas\":[{\"id\":\"a0\",\"parent\":null},{\"id\":\"a1\",\"parent\":").Append(Wrong(random.Chance(95) ? "\"a0\"" : "\"a1\"")).Append("}]");
        json.Append(",\"members\":[");
        for (var m = 0; m < members; m++)
        {
            json.Append(m > 0 ? "," : "").Append("{\"id\":\"m").Append(m).Append("\",\"votingRight\":").Append(Wrong(random.Chance(95) ? "true" : "false")).Append('}');
        }

        json.Append("],\"delegations\":[");
        var delegating = new HashSet<(int, string)>();
        for (var d = 0; d < random.Next(members + 1); d++)
        {
            var member = random.Next(members);
            var scope = random.Pick(new[] { "global", "area:a0", "area:a1", "proposal" });
            if (valid && !delegating.Add((member, scope)))
            {
                continue;
            }

            var delegates = Enumerable.Range(0, random.Next(valid ? 4 : 6)).Select(_ => Member()).Where(x => !valid || x != $"m{member}").Distinct().Select(x => $"\"{x}\"");
            json.Append(delegating.Count > 1 || !valid && d > 0 ? "," : "")
                .Append("{\"member\":\"m").Append(member).Append("\",\"scope\":").Append(Wrong($"\"{(valid ? scope : random.Pick(new[] { scope, "area:zz", "planet", "" }))}\""))
                .Append(",\"delegates\":[").Append(string.Join(',', delegates)).Append("]}");
        }

        json.Append("],\"votes\":[");
        var voters = Enumerable.Range(0, members).Where(_ => random.Chance(30)).ToList();
        json.Append(string.Join(',', voters.Select(v => $"{{\"member\":\"m{v}\",\"choice\":{Wrong($"\"{(valid ? random.Pick(new[] { "yes", "no", "abstain" }) : random.Pick(Choices))}\"")}}}")));
        json.Append("],\"policy\":{\"viscosity\":").Append(Wrong(random.Pick(new[] { "1.0", "0.5", "1", "0.01" })))
            .Append(",\"quorumShare\":").Append(Wrong(random.Pick(new[] { "0.1", "0", "1" })))
            .Append(",\"majority\":").Append(Wrong(random.Pick(new[] { "0.5", "0.66", "0.99" }))).Append("}}");
        return json.ToString();
    }

    private static string Clip(string text) => (text.Length <= 300 ? text : text[..300] + "…").ReplaceLineEndings(" ");
}
