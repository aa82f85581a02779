using System.Text.Json;
using Dapper;
using Governance.Core.Clock;

namespace Governance.Api.Tests.Schema;

/// <summary>
/// Issue 18, the loop over GraphQL: a proposal on the agenda is an issue; a moderator schedules it;
/// during the discussion members add and support alternatives (only those reaching the ballot
/// threshold are on the ballot); members cast ranked ballots, delegation carrying them; the close
/// counts by Schulze and the result (winner, ranking, matrix, strongest paths) reads over GraphQL.
/// A lone proposal stays a yes/no vote.
/// </summary>
public sealed class IssueTests(SchemaFixture fixture) : IClassFixture<SchemaFixture>
{
    private const string Schedule = "mutation($p: ID!) { scheduleProposal(input: { proposal: $p, reason: \"Ready for a vote\" }) { proposal { status } errors { ... on UserError { code } } } }";
    private const string Add = "mutation($i: ID!, $t: String!) { addAlternative(input: { issue: $i, title: $t, body: \"Another way.\" }) { alternative { id key title onBallot supporters author { id } } errors { __typename ... on UserError { code field message } } } }";
    private const string Support = "mutation($a: ID!) { supportAlternative(input: { alternative: $a }) { alternative { key supporters supportPoints status onBallot supportedByMe proposal { id alternativeOf { id } } } errors { __typename ... on UserError { code field message } } } }";
    private const string Rank = "mutation($i: ID!, $r: [[String!]!]!) { castRankedBallot(input: { issue: $i, ranking: $r }) { issue { myRanking } errors { __typename ... on UserError { code field message } } } }";
    private const string Vote = "mutation($p: ID!) { vote(input: { proposal: $p, choice: YES }) { errors { __typename ... on UserError { code field } } } }";
    private const string Delegate = "mutation($p: ID!, $m: ID!) { delegate(input: { scope: { proposal: $p }, delegates: [$m] }) { errors { __typename } } }";
    private const string Read = "query($p: ID!) { node(id: $p) { ... on Proposal { status tally { passed quorumReached } issue { id ranked ballotThreshold discussionOpen choices { key title } alternatives { key supporters supportPoints status onBallot } result { winner ranking quorumReached pairwise { row column weight } strongestPaths { row column weight } } } } } }";

    private static string P(long id) => SchemaFixture.Id("Proposal", id);

    private static string M(long id) => SchemaFixture.Id("Member", id);

    private long Queued(long threshold = 0)
    {
        using var connection = fixture.Database.Open();
        var id = connection.QuerySingle<long>("SELECT id FROM proposals WHERE status = 'open' AND issue_id IS NULL ORDER BY id DESC LIMIT 1");
        // A quorum of 0 for this vote, so that the few ballots of the test decide it.
        // The policy JSON is edited here, not in SQL: json_set is SQLite's, and this runs on PostgreSQL too.
        var policy = System.Text.Json.Nodes.JsonNode.Parse(connection.QuerySingleOrDefault<string>("SELECT policy_json FROM proposals WHERE id = @id", new { id }) ?? "{}")!.AsObject();
        policy["votequorumshare"] = 0.0;
        connection.Execute(
            "UPDATE proposals SET status = 'on_agenda', on_agenda_at = @now, policy_json = @policy WHERE id = @id",
            new { id, now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), policy = policy.ToJsonString() });
        return id;
    }

    /// <summary>Opens the vote as the clock does, which fixes the issue's ballot.</summary>
    private void OpenVotingByClock(long id)
    {
        var now = DateTimeOffset.UtcNow;
        using (var connection = fixture.Database.Open())
        {
            connection.Execute("UPDATE proposals SET voting_starts_at = @start, voting_ends_at = @end WHERE id = @id",
                new { id, start = now.ToUnixTimeMilliseconds() - 1000, end = now.ToUnixTimeMilliseconds() + 3_600_000 });
        }

        Assert.Empty(new GovernanceClock(fixture.Database).RunDue(now).Failures);
    }

    private void OpenVoting(long id)
    {
        using var connection = fixture.Database.Open();
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        connection.Execute("UPDATE proposals SET status = 'voting', voting_starts_at = @start, voting_ends_at = @end WHERE id = @id", new { id, start = now - 1000, end = now + 3_600_000 });
    }

    private int CloseNow(long id)
    {
        using (var connection = fixture.Database.Open())
        {
            connection.Execute("UPDATE proposals SET voting_ends_at = @end WHERE id = @id", new { id, end = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - 1 });
        }

        return new GovernanceClock(fixture.Database).CloseEndedVotes(DateTimeOffset.UtcNow);
    }

    private static JsonElement Issue(JsonElement data) => data.GetProperty("node").GetProperty("issue");

    [Fact]
    public async Task AnIssueGathersAlternativesIsRankedWithDelegationAndDecidedBySchulze()
    {
        var moderator = await fixture.MemberAsync("is-moderator", "moderator");
        var ann = await fixture.MemberAsync("is-ann");
        var bob = await fixture.MemberAsync("is-bob");
        var cy = await fixture.MemberAsync("is-cy");
        var dee = await fixture.MemberAsync("is-dee");
        var id = Queued();
        var issue = P(id);

        // On the agenda it is an issue of one, not yet open for alternatives.
        var queued = Issue(await ann.DataAsync(Read, new { p = issue }));
        Assert.False(queued.GetProperty("discussionOpen").GetBoolean());
        Assert.Equal(["INVALID_TRANSITION"], (await ann.DataAsync(Add, new { i = issue, t = "Too early" })).GetProperty("addAlternative").Codes());

        Assert.Equal("SCHEDULED", (await moderator.DataAsync(Schedule, new { p = issue })).GetProperty("scheduleProposal").GetProperty("proposal").GetProperty("status").GetString());

        var a1 = (await ann.DataAsync(Add, new { i = issue, t = "Plan B" })).GetProperty("addAlternative").GetProperty("alternative");
        var a2 = (await bob.DataAsync(Add, new { i = issue, t = "Plan C" })).GetProperty("addAlternative").GetProperty("alternative");
        var empty = (await bob.DataAsync(Add, new { i = issue, t = "  " })).GetProperty("addAlternative");
        Assert.Equal(["INVALID_INPUT"], empty.Codes());
        Assert.Equal("title", empty.GetProperty("errors")[0].GetProperty("field").GetString());
        Assert.Equal(["UNKNOWN_ISSUE"], (await bob.DataAsync(Add, new { i = "x", t = "Plan D" })).GetProperty("addAlternative").Codes());

        using (var connection = fixture.Database.Open())
        {
            // The demo organisation's agenda quorum asks for more supporters than the test has members.
            connection.Execute("UPDATE issues SET ballot_threshold = 2 WHERE proposal_id = @id", new { id });
        }

        var supported = (await cy.DataAsync(Support, new { a = a1.GetProperty("id").GetString() })).GetProperty("supportAlternative").GetProperty("alternative");
        Assert.False(supported.GetProperty("onBallot").GetBoolean());
        supported = (await dee.DataAsync(Support, new { a = a1.GetProperty("id").GetString() })).GetProperty("supportAlternative").GetProperty("alternative");
        Assert.Equal(2, supported.GetProperty("supporters").GetInt32());
        Assert.Equal(2, supported.GetProperty("supportPoints").GetInt32());
        Assert.Equal("OPEN", supported.GetProperty("status").GetString());
        Assert.True(supported.GetProperty("onBallot").GetBoolean());

        // An alternative is a proposal of the issue: its own id, pointing back to the issue.
        Assert.Equal(issue, supported.GetProperty("proposal").GetProperty("alternativeOf").GetProperty("id").GetString());
        var again = (await dee.DataAsync(Support, new { a = a1.GetProperty("id").GetString() })).GetProperty("supportAlternative").GetProperty("alternative");
        Assert.Equal(2, again.GetProperty("supporters").GetInt32());
        Assert.Equal(["UNKNOWN_ALTERNATIVE"], (await dee.DataAsync(Support, new { a = issue })).GetProperty("supportAlternative").Codes());

        var read = Issue(await ann.DataAsync(Read, new { p = issue }));
        Assert.True(read.GetProperty("ranked").GetBoolean());
        Assert.Equal(2, read.GetProperty("ballotThreshold").GetInt32());
        var key1 = a1.GetProperty("key").GetString()!;
        var key2 = a2.GetProperty("key").GetString()!;
        var lead = $"p{id}";
        Assert.Equal(["statusQuo", lead, key1], read.GetProperty("choices").EnumerateArray().Select(c => c.GetProperty("key").GetString()!).ToArray());
        Assert.False(read.GetProperty("alternatives")[1].GetProperty("onBallot").GetBoolean());

        // cy delegates this issue to ann: ann's ranking counts twice.
        Assert.Empty((await cy.DataAsync(Delegate, new { p = issue, m = M(ann.MemberId!.Value) })).GetProperty("delegate").Codes());

        Assert.Equal(["OUTSIDE_VOTING_WINDOW"], (await ann.DataAsync(Rank, new { i = issue, r = new[] { new[] { key1 } } })).GetProperty("castRankedBallot").Codes());
        OpenVotingByClock(id);

        // Voting opened: a1 (support 2) is on the ballot and Voting, a2 (no support) Expired; support is closed.
        var fixedBallot = Issue(await ann.DataAsync(Read, new { p = issue })).GetProperty("alternatives");
        Assert.Equal(["VOTING", "EXPIRED"], fixedBallot.EnumerateArray().Select(a => a.GetProperty("status").GetString()!).ToArray());
        Assert.Equal(2, fixedBallot[0].GetProperty("supportPoints").GetInt32());
        Assert.NotEmpty((await bob.DataAsync(Support, new { a = a2.GetProperty("id").GetString() })).GetProperty("supportAlternative").Codes());
        var annBallot = (await ann.DataAsync(Rank, new { i = issue, r = new[] { new[] { key1 }, new[] { lead }, new[] { "statusQuo" } } })).GetProperty("castRankedBallot");
        Assert.Equal(key1, annBallot.GetProperty("issue").GetProperty("myRanking")[0][0].GetString());
        await bob.DataAsync(Rank, new { i = issue, r = new[] { new[] { lead }, new[] { "statusQuo", key1 } } });
        await dee.DataAsync(Rank, new { i = issue, r = new[] { new[] { lead, key1 } } });

        var events = fixture.EventCount();
        var unknown = (await bob.DataAsync(Rank, new { i = issue, r = new[] { new[] { key2 } } })).GetProperty("castRankedBallot");
        var twice = (await bob.DataAsync(Rank, new { i = issue, r = new[] { new[] { lead }, new[] { lead } } })).GetProperty("castRankedBallot");
        var emptyGroup = (await bob.DataAsync(Rank, new { i = issue, r = new[] { Array.Empty<string>() } })).GetProperty("castRankedBallot");
        var yesNo = (await bob.DataAsync(Vote, new { p = issue })).GetProperty("vote");
        Assert.Equal(["INVALID_INPUT"], unknown.Codes());
        Assert.Contains(key2, unknown.GetProperty("errors")[0].GetProperty("message").GetString());
        Assert.Equal("ranking", unknown.GetProperty("errors")[0].GetProperty("field").GetString());
        Assert.Equal(["INVALID_INPUT"], twice.Codes());
        Assert.Contains("twice", twice.GetProperty("errors")[0].GetProperty("message").GetString());
        Assert.Equal(["INVALID_INPUT"], emptyGroup.Codes());
        Assert.Equal(["INVALID_INPUT"], yesNo.Codes());
        Assert.Equal(events, fixture.EventCount());

        Assert.Equal(JsonValueKind.Null, Issue(await ann.DataAsync(Read, new { p = issue })).GetProperty("result").ValueKind);
        Assert.Equal(1, CloseNow(id));

        var closed = (await fixture.Anonymous.DataAsync(Read, new { p = issue })).GetProperty("node");
        var result = closed.GetProperty("issue").GetProperty("result");
        // ann (carrying cy: 2) a1 > lead > sq; bob lead > {sq, a1}; dee {lead, a1} > sq.
        // lead vs a1: 1 (bob) : 2 (ann) — a1 wins; both beat the status quo.
        Assert.Equal(key1, result.GetProperty("winner").GetString());
        Assert.Equal([key1, lead, "statusQuo"], result.GetProperty("ranking").EnumerateArray().Select(e => e.GetString()!).ToArray());
        double Cell(string property, string row, string column) => result.GetProperty(property).EnumerateArray()
            .Single(c => c.GetProperty("row").GetString() == row && c.GetProperty("column").GetString() == column).GetProperty("weight").GetDouble();
        Assert.Equal(2.0, Cell("pairwise", key1, lead));
        Assert.Equal(1.0, Cell("pairwise", lead, key1));
        Assert.Equal(4.0, Cell("pairwise", lead, "statusQuo"));
        Assert.Equal(3.0, Cell("pairwise", key1, "statusQuo"));
        Assert.Equal(3.0, Cell("strongestPaths", key1, "statusQuo"));
        Assert.Equal("REJECTED", closed.GetProperty("status").GetString());
        Assert.False(closed.GetProperty("tally").GetProperty("passed").GetBoolean());
        Assert.Equal(["ACCEPTED", "EXPIRED"], closed.GetProperty("issue").GetProperty("alternatives").EnumerateArray().Select(a => a.GetProperty("status").GetString()!).ToArray());
    }

    [Fact]
    public async Task AnIssueHoldsAtMostTheAlternativesARankedBallotCanRankAndTheNextIsRefusedNamingTheIssue()
    {
        var moderator = await fixture.MemberAsync("is-cap-moderator", "moderator");
        var fay = await fixture.MemberAsync("is-fay");
        var id = Queued();
        await moderator.DataAsync(Schedule, new { p = P(id) });
        Assert.Empty((await fay.DataAsync(Add, new { i = P(id), t = "Plan 1" })).GetProperty("addAlternative").Codes());
        using (var connection = fixture.Database.Open())
        {
            using var transaction = connection.BeginTransaction();
            for (var n = 2; n <= Governance.Core.Proposals.IssueService.MaxAlternatives; n++)
            {
                Governance.Core.Storage.IssueStore.InsertAlternative(connection, transaction, id, fay.MemberId!.Value, $"Plan {n}", "Another way.", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
            }

            transaction.Commit();
        }

        var refused = (await fay.DataAsync(Add, new { i = P(id), t = "One too many" })).GetProperty("addAlternative");

        Assert.Equal(["INVALID_INPUT"], refused.Codes());
        Assert.Equal("issue", refused.GetProperty("errors")[0].GetProperty("field").GetString());
        Assert.Contains("at most 62 alternatives", refused.GetProperty("errors")[0].GetProperty("message").GetString());
        using var check = fixture.Database.Open();
        Assert.Equal(62, check.QuerySingle<long>("SELECT count(*) FROM proposals WHERE issue_id = @id", new { id }));
    }

    [Fact]
    public async Task ALoneProposalStaysAYesNoVoteAndARankedBallotIsRefusedOnIt()
    {
        var moderator = await fixture.MemberAsync("is-lone-moderator", "moderator");
        var eve = await fixture.MemberAsync("is-eve");
        var id = Queued();
        await moderator.DataAsync(Schedule, new { p = P(id) });
        OpenVoting(id);

        var ranked = (await eve.DataAsync(Rank, new { i = P(id), r = new[] { new[] { $"p{id}" } } })).GetProperty("castRankedBallot");
        Assert.Equal(["INVALID_INPUT"], ranked.Codes());
        Assert.Empty((await eve.DataAsync(Vote, new { p = P(id) })).GetProperty("vote").Codes());
        Assert.Equal(1, CloseNow(id));

        var closed = (await eve.DataAsync(Read, new { p = P(id) })).GetProperty("node");
        Assert.False(closed.GetProperty("issue").GetProperty("ranked").GetBoolean());
        Assert.Equal(JsonValueKind.Null, closed.GetProperty("issue").GetProperty("result").ValueKind);
        using (var connection = fixture.Database.Open())
        {
            var dump = connection.QuerySingle<string>("SELECT policy_json || ' ' || (SELECT tally FROM proposal_results WHERE proposal_id = @id) FROM proposals WHERE id = @id", new { id });
            Assert.True(closed.GetProperty("status").GetString() == "ACCEPTED", dump);
        }
    }
}
