using System.Net;
using System.Text.Json;
using Dapper;
using Governance.Api.Tests.Schema;
using Governance.Core.Clock;

namespace Governance.Api.Tests;

/// <summary>
/// GET /api/exports/votes/{proposal}/snapshot.json: a closed vote's snapshot (DESIGN §7) that the
/// real `recount` counts to the stored result, naming no member (DESIGN §5); refused clearly
/// for a vote still open and for an unknown proposal.
/// </summary>
public sealed class SnapshotExportTests(SchemaFixture app) : IClassFixture<SchemaFixture>
{
    private const string Vote = "mutation($p: ID!, $c: VoteChoice!) { vote(input: { proposal: $p, choice: $c }) { errors { ... on UserError { code } } } }";

    private static string PathOf(string proposal) => $"/api/exports/votes/{Uri.EscapeDataString(proposal)}/snapshot.json";

    [Fact]
    public async Task AClosedVoteExportsUnderPseudonymsAndRecountsToTheStoredResult()
    {
        var ann = await app.MemberAsync("snap-ann");
        var bob = await app.MemberAsync("snap-bob");
        var reader = await app.TokenAsync(ann, "reader", "read");
        var voter = await app.TokenAsync(ann, "voter", "vote");
        long id;
        using (var connection = app.Database.Open())
        {
            id = connection.ExecuteScalar<long>("SELECT id FROM proposals WHERE status = 'open' ORDER BY id DESC LIMIT 1");
            connection.Execute("UPDATE proposals SET status = 'voting', voting_starts_at = @start, voting_ends_at = @end WHERE id = @id",
                new { id, start = DateTimeOffset.UtcNow.AddDays(-1).ToUnixTimeMilliseconds(), end = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeMilliseconds() });
        }

        var proposal = SchemaFixture.Id("Proposal", id);
        Assert.Empty((await ann.DataAsync(Vote, new { p = proposal, c = "YES" })).GetProperty("vote").Codes());
        Assert.Empty((await bob.DataAsync(Vote, new { p = proposal, c = "NO" })).GetProperty("vote").Codes());

        // Still voting: 409, saying so.
        var early = await reader.Client.GetAsync(PathOf(proposal));
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Equal("application/problem+json", early.Content.Headers.ContentType?.MediaType);
        Assert.Contains("is voting", (await early.JsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);

        using (var connection = app.Database.Open())
        {
            connection.Execute("UPDATE proposals SET voting_ends_at = @end WHERE id = @id", new { id, end = DateTimeOffset.UtcNow.AddSeconds(-1).ToUnixTimeMilliseconds() });
        }

        Assert.Equal(1, new GovernanceClock(app.Database).RunDue(DateTimeOffset.UtcNow).VotingClosed);
        string storedTally;
        string[] handles;
        int storedVotes;
        using (var connection = app.Database.Open())
        {
            storedVotes = connection.ExecuteScalar<int>("SELECT count(*) FROM votes WHERE proposal_id = @id", new { id });
            storedTally = connection.ExecuteScalar<string>("SELECT tally FROM proposal_results WHERE proposal_id = @id", new { id })!;
            handles = [.. connection.Query<string>("SELECT handle FROM members")];
        }

        var first = await reader.Client.GetAsync(PathOf(proposal));
        var second = await ann.Client.GetAsync(PathOf(proposal));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal("application/json", first.Content.Headers.ContentType?.MediaType);
        var body = await first.Content.ReadAsStringAsync();
        var again = await second.Content.ReadAsStringAsync();

        // Members only under pseudonyms m1 … mN, fresh for every download.
        using (var snapshot = JsonDocument.Parse(body))
        {
            var ids = snapshot.RootElement.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("id").GetString()!).ToList();
            Assert.Equal(handles.Length, ids.Count);
            Assert.Equal(Enumerable.Range(1, ids.Count).Select(i => $"m{i}"), ids);
            Assert.Equal(storedVotes, snapshot.RootElement.GetProperty("votes").GetArrayLength());
        }

        Assert.DoesNotContain(handles, h => body.Contains($"\"{h}\"", StringComparison.Ordinal));
        Assert.NotEqual(body, again);

        // The real command-line recount of the download prints the stored result, names aside.
        var stored = JsonDocument.Parse(storedTally).RootElement;
        foreach (var download in new[] { body, again })
        {
            var recount = await CliProcess.RunAsync(download, "recount", "-");
            Assert.True(recount.ExitCode == 0, recount.StdErr);
            AssertSameTally(stored, JsonDocument.Parse(recount.StdOut).RootElement);
        }

        // The command line prints the same public form.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var cli = await CliProcess.RunAsync(null, "export-snapshot", id.ToString(System.Globalization.CultureInfo.InvariantCulture), "--pseudonymous", "--data", app.Factory.DataFolder);
        Assert.True(cli.ExitCode == 0, cli.StdErr);
        Assert.DoesNotContain(handles, h => cli.StdOut.Contains($"\"{h}\"", StringComparison.Ordinal));
        AssertSameTally(stored, JsonDocument.Parse((await CliProcess.RunAsync(cli.StdOut, "recount", "-")).StdOut).RootElement);

        // Who may download: a session or a token with the read scope, as the event log.
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous.Client.GetAsync(PathOf(proposal))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await voter.Client.GetAsync(PathOf(proposal))).StatusCode);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AnUnknownProposalIsNotFound(bool wellFormed)
    {
        var proposal = wellFormed ? SchemaFixture.Id("Proposal", 999_999) : "not-an-id";
        var reader = await app.TokenAsync(await app.MemberAsync($"snap-404-{wellFormed}".ToLowerInvariant()), "reader", "read");

        var response = await reader.Client.GetAsync(PathOf(proposal));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(proposal, (await response.JsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private static void AssertSameTally(JsonElement stored, JsonElement recounted)
    {
        foreach (var field in new[] { "eligible", "voters", "represented", "unrepresented", "yes", "no", "abstain", "quorumReached", "passed" })
        {
            Assert.Equal(stored.GetProperty(field).ToString(), recounted.GetProperty(field).ToString());
        }

        static double[] Weights(JsonElement tally) => [.. tally.GetProperty("weights").EnumerateObject().Select(w => w.Value.GetDouble()).Order()];
        Assert.Equal(Weights(stored), Weights(recounted));
        Assert.Equal(stored.GetProperty("superDelegates").GetArrayLength(), recounted.GetProperty("superDelegates").GetArrayLength());
    }
}
