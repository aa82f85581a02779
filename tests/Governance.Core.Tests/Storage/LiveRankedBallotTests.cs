using Dapper;
using Governance.Core.Delegation;
using Governance.Core.Demo;
using Governance.Core.Proposals;
using Governance.Core.Storage;
using Governance.Tests.Shared;

namespace Governance.Core.Tests.Storage;

/// <summary>
/// The live engine holds ranked ballots (DESIGN §8, issue 18): ballots cast through the issue
/// service reach the engine in commit order with the delegation changes around them, the start-up
/// load reads them back, and another instance's engine follows them from the event log. At every
/// check the live ranked tally equals the ranked tally of an engine loaded afresh from the database.
/// </summary>
public sealed class LiveRankedBallotTests
{
    private static readonly DateTimeOffset Generated = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task LiveRankedTallyEqualsAFreshLoadOfTheDatabaseAfterRandomBallotsAndDelegationChanges()
    {
        using var temp = new TempDatabase();
        var database = temp.Database;
        var (issue, keys, members) = RankedIssue(database);
        var host = new EngineHost(EngineLoader.Load(database));
        var live = host.Read(e => e.StartLiveTally(issue, TallyPolicy.Default));
        var issues = new IssueService(database, TimeProvider.System, engine: host);
        var delegations = new DelegationService(database, TimeProvider.System, host);
        var random = new Random(18_021);
        int ballots = 0;
        for (int step = 1; step <= 120; step++)
        {
            ballots += await RandomChangeAsync(random, issue, keys, members, issues, delegations);
            if (step % 20 == 0)
            {
                var fresh = EngineLoader.Load(database).CountRanked(issue, keys.Count, TallyPolicy.Default);
                AssertSame(fresh, host.Read(_ => live.Ranked(keys.Count)), $"step {step}");
                AssertSame(fresh, host.Read(e => e.CountRanked(issue, keys.Count, TallyPolicy.Default)), $"step {step}, full tally of the live engine");
            }
        }

        Assert.True(ballots > 30, $"only {ballots} ballots were cast");
        Assert.True(host.Read(_ => live.Voters) > 0);
    }

    [PostgresFact]
    public async Task AnotherInstancesRankedBallotsReachThisEngineFromTheLogAlone()
    {
        using var temp = new TempDatabase(provider: StorageProvider.Postgres);
        var a = temp.Database;
        var (issue, keys, members) = RankedIssue(a);
        var b = new Database(a.ConnectionString, StorageProvider.Postgres);
        var hostA = new EngineHost(EngineLoader.Load(a));
        var hostB = new EngineHost(EngineLoader.Load(b));
        var liveB = hostB.Read(e => e.StartLiveTally(issue, TallyPolicy.Default));
        var follower = new EngineFollower(b, hostB, Transactions.Read(b, c => EventLog.Head(c).Seq));
        var issues = new IssueService(a, TimeProvider.System, engine: hostA);
        var delegations = new DelegationService(a, TimeProvider.System, hostA);
        var random = new Random(18_022);
        for (int step = 0; step < 60; step++) await RandomChangeAsync(random, issue, keys, members, issues, delegations);

        var fresh = EngineLoader.Load(b).CountRanked(issue, keys.Count, TallyPolicy.Default);
        Assert.NotEqual(fresh.Pairwise, hostB.Read(_ => liveB.Ranked(keys.Count)).Pairwise);

        Assert.NotEmpty(await follower.CatchUpAsync());

        AssertSame(fresh, hostB.Read(_ => liveB.Ranked(keys.Count)), "followed");
        AssertSame(fresh, hostA.Read(e => e.CountRanked(issue, keys.Count, TallyPolicy.Default)), "the writing instance");
    }

    /// <summary>
    /// A generated organisation with one proposal made a ranked issue in its voting window: two
    /// alternatives on the ballot, no yes/no votes. Returns its choice keys in ballot order and
    /// 60 members with a voting right.
    /// </summary>
    private static (long Issue, IReadOnlyList<string> Keys, List<long> Members) RankedIssue(Database database)
    {
        var organisation = OrganisationGenerator.Generate(400, 5, Generated);
        ImportStore.Import(database, organisation, Generated);
        var members = organisation.Members.Where(m => m.VotingRight).Select(m => (long)m.Id).Take(60).ToList();
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        long issue = Transactions.Write(database, (c, t) =>
        {
            var id = c.QuerySingle<long>("SELECT id FROM proposals WHERE issue_id IS NULL ORDER BY id LIMIT 1", transaction: t);
            c.Execute("UPDATE proposals SET status = 'voting', voting_starts_at = @start, voting_ends_at = @end WHERE id = @id", new { id, start = now - 60_000, end = now + 3_600_000 }, t);
            c.Execute("DELETE FROM votes WHERE proposal_id = @id", new { id }, t);
            IssueStore.Open(c, t, id, 1, now);
            foreach (var title in new[] { "Plan B", "Plan C" })
            {
                var alternative = IssueStore.InsertAlternative(c, t, id, members[0], title, "Another way.", now);
                c.Execute("UPDATE proposals SET status = 'voting' WHERE id = @alternative", new { alternative }, t);
            }

            return id;
        });
        var keys = new IssueService(database, TimeProvider.System).Issue(issue, null)!.Choices.Select(x => x.Key).ToList();
        Assert.Equal(4, keys.Count);
        return (issue, keys, members);
    }

    /// <summary>A ranked ballot cast or changed (half the time), else a delegation set or revoked, globally or on the issue. 1 when a ballot was cast.</summary>
    private static async Task<int> RandomChangeAsync(Random random, long issue, IReadOnlyList<string> keys, List<long> members, IssueService issues, DelegationService delegations)
    {
        var member = members[random.Next(members.Count)];
        var scope = random.Next(2) == 0 ? DelegationScope.Global : DelegationScope.ForProposal(issue);
        switch (random.Next(4))
        {
            case < 2:
                await issues.CastRankedBallotAsync(member, issue, RandomRanking(random, keys));
                return 1;
            case 2:
                var target = members[random.Next(members.Count)];
                if (target != member) await delegations.SetAsync(member, scope, [target]);
                return 0;
            default:
                await delegations.RevokeAsync(member, scope);
                return 0;
        }
    }

    /// <summary>A random weak order of a non-empty subset of the choices, as groups of keys.</summary>
    private static List<IReadOnlyList<string>> RandomRanking(Random random, IReadOnlyList<string> keys)
    {
        var groups = new List<List<string>>();
        foreach (var key in keys.OrderBy(_ => random.Next()))
        {
            int slot = random.Next(groups.Count + 2);
            if (slot == groups.Count + 1) continue;
            if (slot == groups.Count) groups.Add([key]);
            else groups[slot].Add(key);
        }

        if (groups.Count == 0) groups.Add([keys[random.Next(keys.Count)]]);
        return [.. groups.Select(g => (IReadOnlyList<string>)g)];
    }

    private static void AssertSame(Governance.Core.Delegation.Ranked.RankedTally expected, Governance.Core.Delegation.Ranked.RankedTally actual, string context)
    {
        Assert.True(expected.Participation.Voters == actual.Participation.Voters, $"{context}: {expected.Participation.Voters} voters, live {actual.Participation.Voters}");
        Assert.True((expected.Participation.Eligible, expected.Participation.Represented, expected.Participation.Unrepresented)
            == (actual.Participation.Eligible, actual.Participation.Represented, actual.Participation.Unrepresented), $"{context}: participation differs");
        Assert.True(expected.Participation.Weights.SequenceEqual(actual.Participation.Weights), $"{context}: voter weights differ");
        Assert.True(expected.Pairwise.SequenceEqual(actual.Pairwise), $"{context}: pairwise [{string.Join(",", expected.Pairwise)}] vs live [{string.Join(",", actual.Pairwise)}]");
        Assert.True(expected.Order.SequenceEqual(actual.Order), $"{context}: order [{string.Join(",", expected.Order)}] vs live [{string.Join(",", actual.Order)}]");
        Assert.Equal(expected.Winner, actual.Winner);
    }
}
