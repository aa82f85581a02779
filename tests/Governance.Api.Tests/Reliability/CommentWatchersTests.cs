using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Dapper;
using Xunit.Abstractions;

namespace Governance.Api.Tests.Reliability;

/// <summary>
/// The night of the vote, the discussion's part (issue 17): 1,000 watchers follow one proposal's
/// <c>commentsChanged</c> over graphql-ws while members post comments to it, one every
/// <c>GOVERNANCE_COMMENT_GAP_MS</c> (250) so each arrival belongs to one post. Delivery is
/// measured on the client's one clock, from the post's acknowledgement (the HTTP response read)
/// to each watcher's frame; an event that beats the response counts as 0. Also printed: from
/// the request's start, which bounds it from above. Target p99 ≤ 100 ms (docs/benchmarks.md),
/// asserted on both measures, after <c>GOVERNANCE_COMMENT_WARMUP</c> (5) posts left out.
/// </summary>
public sealed class CommentWatchersTests(ITestOutputHelper output)
{
    private static int Env(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), CultureInfo.InvariantCulture, out var n) ? n : fallback;

    [Fact]
    [Trait("Category", LongRun.Category)]
    public async Task AThousandWatchersOfOneProposalHearEachCommentWithinATenthOfASecond()
    {
        var members = Env("GOVERNANCE_COMMENT_MEMBERS", 2_000);
        var watcherCount = Env("GOVERNANCE_COMMENT_WATCHERS", 1_000);
        var posts = Env("GOVERNANCE_COMMENT_POSTS", 100);
        var gap = Env("GOVERNANCE_COMMENT_GAP_MS", 250);
        var warmup = Env("GOVERNANCE_COMMENT_WARMUP", 5);
        var folder = Directory.CreateTempSubdirectory("governance-comments-").FullName;
        ServerProcess? server = null;
        try
        {
            var seeded = await CliProcess.RunAsync(null, "seed", "--members", members.ToString(CultureInfo.InvariantCulture), "--data", folder);
            Assert.True(seeded.ExitCode == 0, seeded.StdOut + seeded.StdErr);
            var database = new Governance.Core.Storage.Database(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "governance.db") }.ToString());
            long proposal;
            List<long> authors;
            using (var connection = database.Open())
            {
                // An open proposal: comments are allowed on it for the whole run.
                proposal = connection.ExecuteScalar<long>("SELECT id FROM proposals WHERE status = 'open' ORDER BY id LIMIT 1");
                authors = [.. connection.Query<long>("SELECT id FROM members ORDER BY id LIMIT 20")];
            }

            var accounts = new Governance.Core.Accounts.AccountStore(database, TimeProvider.System);
            var tokens = new List<string>();
            foreach (var id in authors)
            {
                tokens.Add((await accounts.CreateTokenAsync(id, "comments", ["read", "propose"], null)).Token);
            }

            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            server = await ServerProcess.StartAsync(folder, CrashRecoveryTests.ServerSettings, TimeSpan.FromMinutes(5));
            var proposalId = Governance.Api.Schema.Ids.Of(Governance.Api.Schema.Ids.Proposal, proposal);

            using var watching = new CancellationTokenSource();
            var connecting = Stopwatch.StartNew();
            var watchers = new List<NightOfTheVoteTests.Watcher>();
            for (var i = 0; i < watcherCount; i++)
            {
                watchers.Add(await NightOfTheVoteTests.Watcher.ConnectAsync(server.BaseAddress,
                    $"subscription {{ commentsChanged(proposal: \"{proposalId}\") {{ kind at comment {{ id }} }} }}", "commentsChanged", watching.Token));
            }

            output.WriteLine($"{watcherCount} watchers connected in {connecting.Elapsed.TotalSeconds:0.0} s; load average {LoadAverage()}");
            await Task.Delay(2_000); // let every subscription reach the event bus

            using var http = WriteLoad.CreateClient(server.BaseAddress);
            var clock = Stopwatch.StartNew();
            async Task<(double Sent, double Ack)> PostAsync(string token, string text)
            {
                var sent = clock.Elapsed.TotalMilliseconds;
                using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
                {
                    Content = JsonContent.Create(new
                    {
                        query = "mutation($p: ID!, $b: String!) { postComment(input: { proposal: $p, body: $b }) { comment { id } errors { ... on UserError { code message } } } }",
                        variables = new { p = proposalId, b = text },
                    }),
                };
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                using var response = await http.SendAsync(request);
                var body = await response.JsonAsync();
                Assert.True(body.GetProperty("data").GetProperty("postComment").GetProperty("comment").ValueKind == System.Text.Json.JsonValueKind.Object, body.ToString());
                return (sent, clock.Elapsed.TotalMilliseconds);
            }

            // Warm-up, as a server that has been up a while is: the first post and the first
            // fan-out compile their paths (the first post alone took 133 ms of a run whose other
            // 99 took at most 29). Reported, then left out of the figures.
            var warmupAcks = new List<double>();
            for (var i = 0; i < warmup; i++)
            {
                var (sent, ack) = await PostAsync(tokens[i % tokens.Count], $"Warm-up comment {i}.");
                warmupAcks.Add(ack - sent);
                await Task.Delay(gap);
            }

            var warmed = Stopwatch.StartNew();
            while (watchers.Any(w => w.Count < warmup) && warmed.Elapsed < TimeSpan.FromSeconds(30))
            {
                await Task.Delay(50);
            }

            Assert.All(watchers, w => Assert.Equal(warmup, w.Count));
            output.WriteLine($"warm-up: {warmup} posts acknowledged in {string.Join(", ", warmupAcks.Select(a => $"{a:0}"))} ms, every watcher received them");
            foreach (var watcher in watchers)
            {
                watcher.Reset();
                watcher.Clock = clock;
            }

            var sentAt = new List<double>();
            var ackAt = new List<double>();
            for (var i = 0; i < posts; i++)
            {
                var (sent, ack) = await PostAsync(tokens[i % tokens.Count], $"Comment {i} of the night.");
                sentAt.Add(sent);
                ackAt.Add(ack);
                await Task.Delay(gap);
            }

            await Task.Delay(3_000); // the stragglers
            var load = LoadAverage();
            watching.Cancel();
            Assert.All(watchers, w => Assert.Null(w.Failure));
            var fromAck = new List<double>();
            var fromSent = new List<double>();
            var complete = 0;
            foreach (var watcher in watchers)
            {
                var arrivals = watcher.Arrivals();
                if (arrivals.Count == posts)
                {
                    complete++;
                }

                for (var i = 0; i < Math.Min(posts, arrivals.Count); i++)
                {
                    fromAck.Add(Math.Max(0, arrivals[i] - ackAt[i]));
                    fromSent.Add(arrivals[i] - sentAt[i]);
                }
            }

            fromAck.Sort();
            fromSent.Sort();
            var acks = ackAt.Zip(sentAt, (a, s) => a - s).Order().ToList();
            double Percentile(List<double> values, double p) => values.Count == 0 ? double.NaN : values[Math.Min(values.Count - 1, (int)(p * values.Count))];
            output.WriteLine($"{posts} comments, one every {gap} ms, to {watcherCount} watchers: {complete} watchers received all; {fromAck.Count:N0} deliveries of {posts * watcherCount:N0}");
            output.WriteLine($"post acknowledged in p50 {Percentile(acks, 0.5):0} ms, p99 {Percentile(acks, 0.99):0} ms; slowest: "
                + string.Join(", ", ackAt.Zip(sentAt, (a, s) => a - s).Select((ms, i) => (ms, i)).OrderByDescending(x => x.ms).Take(3).Select(x => $"post {x.i + 1} in {x.ms:0} ms")));
            output.WriteLine($"delivery from acknowledgement p50 {Percentile(fromAck, 0.5):0} ms, p99 {Percentile(fromAck, 0.99):0} ms, max {fromAck.LastOrDefault():0} ms");
            output.WriteLine($"delivery from the request's start p50 {Percentile(fromSent, 0.5):0} ms, p99 {Percentile(fromSent, 0.99):0} ms; load average {load}");
            Assert.Equal(watcherCount, complete);
            Assert.True(Percentile(fromAck, 0.99) <= 100, $"delivery p99 {Percentile(fromAck, 0.99):0} ms is over 100 ms");
            Assert.True(Percentile(fromSent, 0.99) <= 100, $"delivery p99 from the request's start {Percentile(fromSent, 0.99):0} ms is over 100 ms");
        }
        finally
        {
            if (server is not null)
            {
                await server.DisposeAsync();
            }

            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder is not worth failing a run over.
            }
        }
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
