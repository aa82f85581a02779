using Dapper;
using Governance.Core.Clock;
using Governance.Core.Delegation;
using Governance.Core.Storage;
using Governance.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Api.Tests.Schema;

/// <summary>
/// Many members voting at once through the GraphQL mutation (the group-committed path): every
/// acknowledged vote is there after a restart, once per member and proposal, the audit trail
/// is intact, and the live engine's tally is what the recount of the closed vote says.
/// </summary>
public sealed class ConcurrentVoteTests : IDisposable
{
    private const string Vote = "mutation($p: ID!, $c: VoteChoice!) { vote(input: { proposal: $p, choice: $c }) { choice errors { ... on UserError { code } } } }";
    private static readonly string[] Choices = ["YES", "NO", "ABSTAIN"];
    private readonly string folder = Directory.CreateTempSubdirectory("governance-votes-").FullName;

    // On PostgreSQL the restarted app must open the same database, not a fresh one.
    private readonly string? postgres = PostgresServer.Requested ? PostgresServer.CreateDatabase("votes") : null;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    private GovernanceApiFactory NewApp() => new(folder)
    {
        PostgresConnectionString = postgres,
        Settings = { ["RateLimits:SignInAttemptsPerMinute"] = "1000", ["Clock:Enabled"] = "false" },
    };

    [Fact]
    public async Task ConcurrentVotesAreAllDurableOncePerMemberAndTheLiveTallyMatchesTheRecount()
    {
        long proposal;
        long open;
        var acknowledged = new Dictionary<long, string>();
        Tally live;
        using (var app = NewApp())
        {
            var members = new List<Actor>();
            for (var i = 0; i < 24; i++)
            {
                var client = ApiClient.CreateCookieClient(app);
                var (id, _) = await ApiClient.RegisterAsync(client, $"crowd{i:00}");
                members.Add(new Actor($"crowd{i:00}", client, id));
            }

            var database = app.Services.GetRequiredService<Database>();
            using (var connection = database.Open())
            {
                var now = DateTimeOffset.UtcNow;
                proposal = connection.ExecuteScalar<long>("SELECT id FROM proposals WHERE status = 'open' ORDER BY id LIMIT 1");
                open = connection.ExecuteScalar<long>("SELECT id FROM proposals WHERE status = 'open' ORDER BY id LIMIT 1 OFFSET 1");
                connection.Execute("UPDATE proposals SET status = 'voting', voting_starts_at = @start, voting_ends_at = @end WHERE id = @proposal",
                    new { proposal, start = now.AddDays(-1).ToUnixTimeMilliseconds(), end = now.AddHours(1).ToUnixTimeMilliseconds() });
            }

            var eventsBefore = CountVoteEvents(database);

            // Each member votes five times in a row (changing their vote), all members at once;
            // every third member also tries a proposal that is not in voting, which must fail
            // alone with its reason while the others' votes in the same groups commit.
            var results = await Task.WhenAll(members.Select(async (member, m) =>
            {
                string? last = null;
                var refusals = 0;
                for (var round = 0; round < 5; round++)
                {
                    var choice = Choices[(m + round) % 3];
                    var payload = (await member.DataAsync(Vote, new { p = SchemaFixture.Id("Proposal", proposal), c = choice })).GetProperty("vote");
                    Assert.Empty(payload.Codes());
                    Assert.Equal(choice, payload.GetProperty("choice").GetString());
                    last = choice;
                    if (m % 3 == 0)
                    {
                        var refused = (await member.DataAsync(Vote, new { p = SchemaFixture.Id("Proposal", open), c = choice })).GetProperty("vote");
                        Assert.Equal(["OUTSIDE_VOTING_WINDOW"], refused.Codes());
                        refusals++;
                    }
                }

                return (member.MemberId!.Value, Last: last!, refusals);
            }));
            foreach (var (member, last, _) in results)
            {
                acknowledged[member] = last;
            }

            Assert.Equal(24 * 5, CountVoteEvents(database) - eventsBefore);
            live = app.Services.GetRequiredService<EngineHost>().Read(e => e.Count(proposal, TallyPolicy.Default));
        }

        // A fresh start on the same folder: the database alone must tell the same story.
        using (var app = NewApp())
        {
            _ = app.Services;
            var database = app.Services.GetRequiredService<Database>();
            using var connection = database.Open();
            var stored = connection.Query<(long Member, string Choice)>(
                $"SELECT member_id, choice FROM votes WHERE proposal_id = @proposal AND member_id {connection.InList("@ids")}", new { proposal, ids = acknowledged.Keys.ToArray() }).ToList();
            Assert.Equal(acknowledged.Count, stored.Count);
            foreach (var (member, choice) in stored)
            {
                Assert.Equal(acknowledged[member].ToLowerInvariant(), choice);
            }

            Assert.Equal(0, connection.ExecuteScalar<int>("SELECT count(*) FROM votes WHERE proposal_id = @open", new { open }));
            Assert.True(EventLog.Verify(database).Intact);

            // The engine loaded afresh agrees with the one the votes were applied to one by one,
            // and both with the recount of the closed vote's snapshot (DESIGN §7).
            var reloaded = app.Services.GetRequiredService<EngineHost>().Read(e => e.Count(proposal, TallyPolicy.Default));
            Assert.Equal((live.Voters, live.Yes, live.No, live.Abstain), (reloaded.Voters, reloaded.Yes, reloaded.No, reloaded.Abstain));
            connection.Execute("UPDATE proposals SET voting_ends_at = @end WHERE id = @proposal", new { proposal, end = DateTimeOffset.UtcNow.AddSeconds(-1).ToUnixTimeMilliseconds() });
            Assert.Equal(1, new GovernanceClock(database).RunDue(DateTimeOffset.UtcNow).VotingClosed);
            var result = connection.QuerySingle<(double Yes, double No, double Abstain)>("SELECT yes, no, abstain FROM proposal_results WHERE proposal_id = @proposal", new { proposal });
            Assert.Equal((result.Yes, result.No, result.Abstain), (live.Yes, live.No, live.Abstain));
            Assert.True(live.Voters >= 24);
        }
    }

    private static long CountVoteEvents(Database database)
    {
        using var connection = database.Open();
        return connection.ExecuteScalar<long>("SELECT count(*) FROM event_log WHERE type = 'vote.cast'");
    }
}
