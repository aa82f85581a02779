using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Xunit.Abstractions;

namespace Governance.Api.Tests.Reliability;

/// <summary>
/// Crashes (issue 8): the real server process under a mixed write load from many members is
/// killed with SIGKILL at a random moment, then started again on the same database. Every
/// acknowledged write must be there, nothing half-done visible, the event log's chain intact,
/// and every closed vote must still recount to its stored result. CI runs 5 rounds; the long
/// run sets GOVERNANCE_CRASH_ROUNDS (docs/reliability.md).
/// </summary>
public sealed class CrashRecoveryTests(ITestOutputHelper output)
{
    internal static readonly Dictionary<string, string> ServerSettings = new()
    {
        ["Demo:Members"] = "200",
        ["Demo:Seed"] = "7",
        ["RateLimits:AnonymousRequestsPerSecond"] = "100000",
        ["RateLimits:MemberRequestsPerSecond"] = "100000",
        ["RateLimits:SignInAttemptsPerMinute"] = "100000",
        ["Logging:LogLevel:Default"] = "Warning",
    };

    private static int Rounds => int.TryParse(Environment.GetEnvironmentVariable("GOVERNANCE_CRASH_ROUNDS"), CultureInfo.InvariantCulture, out var n) ? n : 5;

    private static int Clients => int.TryParse(Environment.GetEnvironmentVariable("GOVERNANCE_CRASH_CLIENTS"), CultureInfo.InvariantCulture, out var n) ? n : 24;

    [Fact]
    public async Task AcknowledgedWritesSurviveSigkillAndTheLogStillVerifies()
    {
        var folder = Directory.CreateTempSubdirectory("governance-crash-").FullName;
        var random = new Random(20261122);
        var clock = Stopwatch.StartNew();
        var server = await ServerProcess.StartAsync(folder, ServerSettings);
        try
        {
            var load = await WriteLoad.PrepareAsync(server.BaseAddress, Clients, "crash");
            var acknowledgedBefore = 0L;
            for (var round = 1; round <= Rounds; round++)
            {
                using var stop = new CancellationTokenSource();
                var running = load.RunAsync(round, stop.Token);
                var killAfter = TimeSpan.FromMilliseconds(random.Next(300, 3_000));
                await Task.Delay(killAfter);
                var pid = server.Id;
                await server.KillAsync();
                await running;

                var verify = await CliProcess.RunAsync(null, "verify-log", "--data", folder);
                Assert.True(verify.ExitCode == 0, $"round {round}: verify-log after SIGKILL: {verify.StdOut}{verify.StdErr}");

                server = await ServerProcess.StartAsync(folder, ServerSettings);
                load = load.On(server.BaseAddress);
                var problems = await load.CheckAsync();
                var acknowledged = Interlocked.Read(ref load.Acknowledged);
                output.WriteLine($"round {round}: killed pid {pid} after {killAfter.TotalMilliseconds:0} ms; {acknowledged - acknowledgedBefore} writes acknowledged in the round; {verify.StdOut.Trim()}; problems {problems.Count}");
                acknowledgedBefore = acknowledged;
                output.WriteLine("  outcomes so far: " + string.Join(", ", load.Outcomes.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}: {p.Value}")));
                Assert.True(problems.Count == 0, $"round {round}:\n" + string.Join('\n', problems.Take(20)));
            }

            // Close every vote the load wrote to — the clock, a month on — then recount each from its export.
            await server.KillAsync();
            var database = new Governance.Core.Storage.Database(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "governance.db") }.ToString());
            var closedNow = new Governance.Core.Clock.GovernanceClock(database).RunDue(DateTimeOffset.UtcNow.AddDays(30)).VotingClosed;
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            server = await ServerProcess.StartAsync(folder, ServerSettings);
            var recounted = await ClosedVotesRecountToTheirStoredResultAsync(server, folder, load.VotingProposals);
            Assert.True(closedNow >= load.VotingProposals.Count, $"the clock closed {closedNow} votes");
            Assert.Equal(load.VotingProposals.Count, recounted);
            Assert.NotEmpty(load.VotingProposals);
            output.WriteLine($"{Rounds} rounds, {load.Clients} clients, {Interlocked.Read(ref load.Acknowledged)} acknowledged writes in {clock.Elapsed.TotalSeconds:0} s; {recounted} closed votes recounted");
            output.WriteLine("outcomes: " + string.Join(", ", load.Outcomes.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}: {p.Value}")));
            Assert.True(Interlocked.Read(ref load.Acknowledged) > 0, "the load acknowledged nothing: the harness proved nothing");
        }
        finally
        {
            await server.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Exports each closed vote's snapshot with the CLI, recounts it, and compares with the tally the server shows.</summary>
    internal static async Task<int> ClosedVotesRecountToTheirStoredResultAsync(ServerProcess server, string folder, IReadOnlyList<string> proposals)
    {
        using var http = WriteLoad.CreateClient(server.BaseAddress);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new
            {
                query = "query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Proposal { status tally { yes no abstain passed } } } }",
                variables = new { ids = proposals },
            }),
        };
        var data = (await (await http.SendAsync(request)).JsonAsync()).GetProperty("data");
        var closed = data.GetProperty("nodes").EnumerateArray().Where(p => p.GetProperty("tally").ValueKind == JsonValueKind.Object).ToList();
        foreach (var proposal in closed)
        {
            Assert.True(Governance.Api.Schema.Ids.TryLocal(proposal.GetProperty("id").GetString(), Governance.Api.Schema.Ids.Proposal, out var id));
            var snapshot = await CliProcess.RunAsync(null, "export-snapshot", id.ToString(CultureInfo.InvariantCulture), "--data", folder);
            Assert.True(snapshot.ExitCode == 0, snapshot.StdErr);
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            Assert.Equal(0, Governance.Core.Delegation.Recount.Recount.Run(new StringReader(snapshot.StdOut), stdout, stderr));
            using var recount = JsonDocument.Parse(stdout.ToString());
            var tally = proposal.GetProperty("tally");
            foreach (var field in new[] { "yes", "no", "abstain" })
            {
                Assert.Equal(tally.GetProperty(field).GetDouble(), recount.RootElement.GetProperty(field).GetDouble(), 9);
            }

            Assert.Equal(tally.GetProperty("passed").GetBoolean(), recount.RootElement.GetProperty("passed").GetBoolean());
        }

        return closed.Count;
    }
}
