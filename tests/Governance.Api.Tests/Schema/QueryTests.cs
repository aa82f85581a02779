using System.Text.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Api.Tests.Schema;

/// <summary>Each query of the schema against the seeded demo organisation.</summary>
public sealed class QueryTests(SchemaFixture fixture) : IClassFixture<SchemaFixture>
{
    [Fact]
    public async Task ViewerIsNullForAnonymousAndShowsANewMemberTheDefaultKarmaPolicy()
    {
        var anonymous = await fixture.Anonymous.DataAsync("{ viewer { handle } }");
        var ann = await fixture.MemberAsync("viewer-ann");

        var viewer = (await ann.DataAsync("{ viewer { handle displayName email karma level allowance allowanceLeft maxPointsPerProposal member { id handle } } }")).GetProperty("viewer");

        Assert.Equal(JsonValueKind.Null, anonymous.GetProperty("viewer").ValueKind);
        Assert.Equal("viewer-ann", viewer.GetProperty("handle").GetString());
        Assert.Equal("viewer-ann@example.org", viewer.GetProperty("email").GetString());
        Assert.Equal(0, viewer.GetProperty("karma").GetDouble());
        Assert.Equal(0, viewer.GetProperty("level").GetInt32());
        Assert.Equal(4, viewer.GetProperty("allowance").GetInt32());
        Assert.Equal(4, viewer.GetProperty("allowanceLeft").GetInt32());
        Assert.Equal(1, viewer.GetProperty("maxPointsPerProposal").GetInt32());
        Assert.Equal(SchemaFixture.Id("Member", ann.MemberId!.Value), viewer.GetProperty("member").GetProperty("id").GetString());
    }

    [Fact]
    public async Task ViewerKarmaDecaysWithAHalfLifeOfSixtyDays()
    {
        var ann = await fixture.MemberAsync("viewer-karma");
        using (var connection = fixture.Database.Open())
        {
            var sixtyDaysAgo = DateTimeOffset.UtcNow.AddDays(-60).ToUnixTimeMilliseconds();
            connection.Execute("UPDATE members SET karma = 40, karma_at = @sixtyDaysAgo WHERE id = @id", new { sixtyDaysAgo, id = ann.MemberId });
        }

        var viewer = (await ann.DataAsync("{ viewer { karma level allowance maxPointsPerProposal lotteryChance } }")).GetProperty("viewer");

        Assert.InRange(viewer.GetProperty("karma").GetDouble(), 19.99, 20.01);
        Assert.Equal(1, viewer.GetProperty("level").GetInt32());
        Assert.Equal(8, viewer.GetProperty("allowance").GetInt32());
        Assert.Equal(2, viewer.GetProperty("maxPointsPerProposal").GetInt32());
        Assert.Equal(0.02, viewer.GetProperty("lotteryChance").GetDouble(), 6);
    }

    [Fact]
    public async Task ViewerListsMyDelegationsAndWhoDelegatesToMeWithMyCarriedWeight()
    {
        var ann = await fixture.MemberAsync("deleg-ann");
        var bob = await fixture.MemberAsync("deleg-bob");
        await ann.DataAsync(
            "mutation($d: [ID!]!) { delegate(input: { scope: { global: true }, delegates: $d }) { errors { __typename ... on UserError { code } } } }",
            new { d = new[] { SchemaFixture.Id("Member", bob.MemberId!.Value) } });

        var annView = (await ann.DataAsync("{ viewer { delegations { scope { kind } delegates { handle } isBlock } carriedWeight } }")).GetProperty("viewer");
        var bobView = (await bob.DataAsync("{ viewer { delegators { rank scope { kind } member { handle } } carriedWeight } }")).GetProperty("viewer");

        var delegation = Assert.Single(annView.GetProperty("delegations").EnumerateArray());
        Assert.Equal("GLOBAL", delegation.GetProperty("scope").GetProperty("kind").GetString());
        Assert.Equal("deleg-bob", Assert.Single(delegation.GetProperty("delegates").EnumerateArray()).GetProperty("handle").GetString());
        Assert.False(delegation.GetProperty("isBlock").GetBoolean());
        Assert.Equal(JsonValueKind.Null, annView.GetProperty("carriedWeight").ValueKind);
        var delegator = Assert.Single(bobView.GetProperty("delegators").EnumerateArray());
        Assert.Equal("deleg-ann", delegator.GetProperty("member").GetProperty("handle").GetString());
        Assert.Equal(1, delegator.GetProperty("rank").GetInt32());
        Assert.True(bobView.GetProperty("carriedWeight").GetDouble() >= 2, "bob carries his own vote and ann's");
    }

    [Fact]
    public async Task MembersAreSearchedByHandleForMembersOnlyAndPaged()
    {
        var ann = await fixture.MemberAsync("search-zed");
        await fixture.MemberAsync("search-zed2");

        var found = (await ann.DataAsync("""{ members(search: "search-ZED", first: 1) { totalCount nodes { handle } pageInfo { hasNextPage endCursor } } }""")).GetProperty("members");
        var next = (await ann.DataAsync("query($after: String) { members(search: \"search-zed\", first: 1, after: $after) { nodes { handle } pageInfo { hasNextPage } } }",
            new { after = found.GetProperty("pageInfo").GetProperty("endCursor").GetString() })).GetProperty("members");
        var anonymous = await fixture.Anonymous.PostAsync("{ members { totalCount } }");

        Assert.Equal(2, found.GetProperty("totalCount").GetInt32());
        Assert.Equal("search-zed", Assert.Single(found.GetProperty("nodes").EnumerateArray()).GetProperty("handle").GetString());
        Assert.True(found.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        Assert.Equal("search-zed2", Assert.Single(next.GetProperty("nodes").EnumerateArray()).GetProperty("handle").GetString());
        Assert.False(next.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        Assert.Equal("UNAUTHENTICATED", anonymous.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task AreasFormATreeAndEachCanBeFetchedById()
    {
        var roots = (await fixture.Anonymous.DataAsync("{ areas { id name parent { id } children { id name parent { id } } } }")).GetProperty("areas");
        using var connection = fixture.Database.Open();
        var total = connection.ExecuteScalar<int>("SELECT count(*) FROM areas");

        var seen = 0;
        foreach (var root in roots.EnumerateArray())
        {
            seen++;
            Assert.Equal(JsonValueKind.Null, root.GetProperty("parent").ValueKind);
            foreach (var child in root.GetProperty("children").EnumerateArray())
            {
                seen++;
                Assert.Equal(root.GetProperty("id").GetString(), child.GetProperty("parent").GetProperty("id").GetString());
                var fetched = (await fixture.Anonymous.DataAsync("query($id: ID!) { area(id: $id) { name } }", new { id = child.GetProperty("id").GetString() })).GetProperty("area");
                Assert.Equal(child.GetProperty("name").GetString(), fetched.GetProperty("name").GetString());
            }
        }

        Assert.True(seen >= 2 && seen <= total, $"{seen} areas in two levels of {total}");
    }

    [Theory]
    [InlineData("NEW")]
    [InlineData("TOP")]
    [InlineData("HOT")]
    public async Task ProposalsAreOrderedAsAskedWithScoreTheSumOfUnreleasedSupport(string order)
    {
        var nodes = (await fixture.Anonymous.DataAsync($"{{ proposals(orderBy: {order}, first: 50) {{ totalCount nodes {{ id createdAt score hotness }} }} }}"))
            .GetProperty("proposals").GetProperty("nodes").EnumerateArray().ToList();
        using var connection = fixture.Database.Open();
        var scores = connection.Query<(long Id, long Score)>("SELECT proposal_id, sum(points) FROM supports WHERE released_at IS NULL GROUP BY proposal_id").ToDictionary(r => r.Id, r => r.Score);

        Assert.Equal(connection.ExecuteScalar<int>("SELECT count(*) FROM proposals"), nodes.Count);
        foreach (var node in nodes)
        {
            Assert.True(Governance.GraphQL.Relay.GlobalId.TryDecode(node.GetProperty("id").GetString()!, out _, out var local));
            Assert.Equal(scores.GetValueOrDefault(long.Parse(local, System.Globalization.CultureInfo.InvariantCulture)), node.GetProperty("score").GetInt64());
        }

        Func<JsonElement, double> key = order switch
        {
            "NEW" => n => n.GetProperty("createdAt").GetDateTimeOffset().ToUnixTimeMilliseconds(),
            "TOP" => n => n.GetProperty("score").GetInt32(),
            _ => n => n.GetProperty("hotness").GetDouble(),
        };
        var keys = nodes.Select(key).ToList();
        Assert.Equal(keys.OrderByDescending(k => k), keys);
    }

    [Fact]
    public async Task ProposalsFilterByStatusAndByAreaIncludingSubAreas()
    {
        using var connection = fixture.Database.Open();
        var root = fixture.RootArea();
        var open = connection.ExecuteScalar<int>("SELECT count(*) FROM proposals WHERE status = 'open'");

        var byStatus = (await fixture.Anonymous.DataAsync("{ proposals(status: OPEN, first: 50) { totalCount nodes { status } } }")).GetProperty("proposals");
        var byRoot = (await fixture.Anonymous.DataAsync("query($a: ID) { proposals(area: $a) { totalCount } }", new { a = SchemaFixture.Id("Area", root) })).GetProperty("proposals");

        Assert.Equal(open, byStatus.GetProperty("totalCount").GetInt32());
        Assert.All(byStatus.GetProperty("nodes").EnumerateArray(), n => Assert.Equal("OPEN", n.GetProperty("status").GetString()));
        Assert.Equal(connection.ExecuteScalar<int>("SELECT count(*) FROM proposals"), byRoot.GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task AProposalShowsBodyAuthorSupportersHistoryAndMySupport()
    {
        using var connection = fixture.Database.Open();
        var (id, authorHandle, body) = connection.QueryFirst<(long, string, string)>(
            "SELECT p.id, m.handle, p.body FROM proposals p JOIN members m ON m.id = p.author_id WHERE EXISTS (SELECT 1 FROM supports s WHERE s.proposal_id = p.id AND s.released_at IS NULL) ORDER BY p.id");
        var supporters = connection.ExecuteScalar<int>("SELECT count(*) FROM supports WHERE proposal_id = @id AND released_at IS NULL", new { id });
        var ann = await fixture.MemberAsync("reader-ann");
        const string Query = "query($id: ID!) { proposal(id: $id) { body author { handle } supporterCount supporters { points member { handle } } statusHistory { status reason } mySupport } }";

        var asMember = (await ann.DataAsync(Query, new { id = SchemaFixture.Id("Proposal", id) })).GetProperty("proposal");
        var asAnonymous = (await fixture.Anonymous.DataAsync(Query, new { id = SchemaFixture.Id("Proposal", id) })).GetProperty("proposal");

        Assert.Equal(body, asMember.GetProperty("body").GetString());
        Assert.Equal(authorHandle, asMember.GetProperty("author").GetProperty("handle").GetString());
        Assert.Equal(supporters, asMember.GetProperty("supporters").GetArrayLength());
        Assert.Equal(supporters, asMember.GetProperty("supporterCount").GetInt32());
        Assert.NotEqual(0, asMember.GetProperty("statusHistory").GetArrayLength());
        Assert.Equal(0, asMember.GetProperty("mySupport").GetInt32());
        Assert.Equal(JsonValueKind.Null, asAnonymous.GetProperty("mySupport").ValueKind);
    }

    [Fact]
    public async Task TheTallyIsHiddenWhileVotingAndShownOnceTheVoteClosed()
    {
        using var connection = fixture.Database.Open();
        var id = connection.ExecuteScalar<long>("SELECT p.id FROM proposals p WHERE p.status = 'voting' AND EXISTS (SELECT 1 FROM votes v WHERE v.proposal_id = p.id) ORDER BY p.id");
        const string Query = "query($id: ID!) { proposal(id: $id) { status tally { voters yes no abstain eligible quorumReached passed superDelegates { handle } } } }";
        var variables = new { id = SchemaFixture.Id("Proposal", id) };

        var whileVoting = (await fixture.Anonymous.DataAsync(Query, variables)).GetProperty("proposal");
        connection.Execute("UPDATE proposals SET status = 'accepted', voting_ends_at = @end WHERE id = @id", new { id, end = DateTimeOffset.UtcNow.AddSeconds(1).ToUnixTimeMilliseconds() });
        var afterClose = (await fixture.Anonymous.DataAsync(Query, variables)).GetProperty("proposal");

        Assert.Equal("VOTING", whileVoting.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, whileVoting.GetProperty("tally").ValueKind);
        var tally = afterClose.GetProperty("tally");
        Assert.Equal(connection.ExecuteScalar<int>("SELECT count(*) FROM votes v JOIN members m ON m.id = v.member_id WHERE v.proposal_id = @id AND m.voting_right = 1", new { id }), tally.GetProperty("voters").GetInt32());
        Assert.True(tally.GetProperty("yes").GetDouble() + tally.GetProperty("no").GetDouble() + tally.GetProperty("abstain").GetDouble() >= tally.GetProperty("voters").GetInt32());
    }

    [Fact]
    public async Task AVoteClosedByTheClockShowsTheTallyStoredWithItsResult()
    {
        var ann = await fixture.MemberAsync("clock-ann");
        var bob = await fixture.MemberAsync("clock-bob");
        var proposal = (await ann.DataAsync("mutation($a: ID!) { propose(input: { area: $a, title: \"Close me\", body: \"b\" }) { proposal { id } } }",
            new { a = SchemaFixture.Id("Area", fixture.RootArea()) })).GetProperty("propose").GetProperty("proposal").GetProperty("id").GetString()!;
        Assert.True(Governance.GraphQL.Relay.GlobalId.TryDecode(proposal, out _, out var local));
        var id = long.Parse(local, System.Globalization.CultureInfo.InvariantCulture);
        using var connection = fixture.Database.Open();
        var now = DateTimeOffset.UtcNow;
        connection.Execute("UPDATE proposals SET status = 'voting', voting_starts_at = @start, voting_ends_at = @end WHERE id = @id",
            new { id, start = now.AddDays(-1).ToUnixTimeMilliseconds(), end = now.AddHours(1).ToUnixTimeMilliseconds() });
        const string Vote = "mutation($p: ID!, $c: VoteChoice!) { vote(input: { proposal: $p, choice: $c }) { errors { __typename } } }";
        Assert.Equal(JsonValueKind.Null, (await ann.DataAsync(Vote, new { p = proposal, c = "YES" })).GetProperty("vote").GetProperty("errors").ValueKind);
        Assert.Equal(JsonValueKind.Null, (await bob.DataAsync(Vote, new { p = proposal, c = "NO" })).GetProperty("vote").GetProperty("errors").ValueKind);
        connection.Execute("UPDATE proposals SET voting_ends_at = @end WHERE id = @id", new { id, end = DateTimeOffset.UtcNow.AddSeconds(-1).ToUnixTimeMilliseconds() });
        const string Query = "query($id: ID!) { proposal(id: $id) { status tally { voters yes no abstain passed } } }";
        var variables = new { id = SchemaFixture.Id("Proposal", id) };
        var before = (await fixture.Anonymous.DataAsync(Query, variables)).GetProperty("proposal");

        fixture.Factory.Services.GetRequiredService<Governance.Core.Clock.GovernanceClock>().RunDue(DateTimeOffset.UtcNow);
        var after = (await fixture.Anonymous.DataAsync(Query, variables)).GetProperty("proposal");

        Assert.Equal(JsonValueKind.Null, before.GetProperty("tally").ValueKind);
        var (yes, no, abstain, passed) = connection.QuerySingle<(double, double, double, bool)>("SELECT yes, no, abstain, passed FROM proposal_results WHERE proposal_id = @id", new { id });
        var tally = after.GetProperty("tally");
        Assert.Equal(passed ? "ACCEPTED" : "REJECTED", after.GetProperty("status").GetString());
        Assert.Equal(yes, tally.GetProperty("yes").GetDouble());
        Assert.Equal(no, tally.GetProperty("no").GetDouble());
        Assert.Equal(abstain, tally.GetProperty("abstain").GetDouble());
        Assert.Equal(passed, tally.GetProperty("passed").GetBoolean());
        Assert.Equal(2, tally.GetProperty("voters").GetInt32());
        Assert.True(yes >= 1 && no >= 1, $"yes {yes}, no {no}");
    }

    [Fact]
    public async Task WhereDoesMyVoteGoShowsTheHopToTheVoterIDelegatedTo()
    {
        using var connection = fixture.Database.Open();
        var (proposal, voter) = connection.QueryFirst<(long, long)>(
            "SELECT v.proposal_id, v.member_id FROM votes v JOIN proposals p ON p.id = v.proposal_id JOIN members m ON m.id = v.member_id WHERE p.status = 'voting' AND m.voting_right = 1 ORDER BY v.proposal_id, v.member_id");
        var ann = await fixture.MemberAsync("path-ann");
        var delegated = await ann.DataAsync(
            "mutation($p: ID!, $d: [ID!]!) { delegate(input: { scope: { proposal: $p }, delegates: $d }) { errors { __typename ... on UserError { code } } } }",
            new { p = SchemaFixture.Id("Proposal", proposal), d = new[] { SchemaFixture.Id("Member", voter) } });
        Assert.Equal(JsonValueKind.Null, delegated.GetProperty("delegate").GetProperty("errors").ValueKind);
        const string Query = "query($id: ID!) { proposal(id: $id) { whereDoesMyVoteGo { outcome arrivingWeight carrier { id } hops { from { handle } to { id } rank scope { kind proposal { id } } } } } }";

        var path = (await ann.DataAsync(Query, new { id = SchemaFixture.Id("Proposal", proposal) })).GetProperty("proposal").GetProperty("whereDoesMyVoteGo");
        var anonymous = (await fixture.Anonymous.DataAsync(Query, new { id = SchemaFixture.Id("Proposal", proposal) })).GetProperty("proposal").GetProperty("whereDoesMyVoteGo");

        Assert.Equal("CARRIED", path.GetProperty("outcome").GetString());
        Assert.Equal(SchemaFixture.Id("Member", voter), path.GetProperty("carrier").GetProperty("id").GetString());
        var hop = Assert.Single(path.GetProperty("hops").EnumerateArray());
        Assert.Equal("path-ann", hop.GetProperty("from").GetProperty("handle").GetString());
        Assert.Equal("PROPOSAL", hop.GetProperty("scope").GetProperty("kind").GetString());
        Assert.Equal(1, hop.GetProperty("rank").GetInt32());
        Assert.Equal(JsonValueKind.Null, anonymous.ValueKind);
    }

    [Fact]
    public async Task TheDelegationGraphDrawsMyEdgeAndFlagsHoldersAndConcentrationCountsTheArea()
    {
        var ann = await fixture.MemberAsync("graph-ann");
        var bob = await fixture.MemberAsync("graph-bob");
        await ann.DataAsync("mutation($d: [ID!]!) { delegate(input: { scope: { global: true }, delegates: $d }) { errors { __typename ... on UserError { code } } } }",
            new { d = new[] { SchemaFixture.Id("Member", bob.MemberId!.Value) } });

        var data = await ann.DataAsync("""
            { delegationGraph { nodes { member { handle } weight isHolder inCycle } edges { from { handle } to { handle } rank scope } }
              concentration { eligible holders delegating trapped largest { weight share member { handle } } distribution { holders totalWeight } } }
            """);
        var anonymous = await fixture.Anonymous.PostAsync("{ delegationGraph { nodes { weight } } }");

        var edge = Assert.Single(data.GetProperty("delegationGraph").GetProperty("edges").EnumerateArray(), e => e.GetProperty("from").GetProperty("handle").GetString() == "graph-ann");
        Assert.Equal("graph-bob", edge.GetProperty("to").GetProperty("handle").GetString());
        Assert.Equal("GLOBAL", edge.GetProperty("scope").GetString());
        var nodes = data.GetProperty("delegationGraph").GetProperty("nodes").EnumerateArray().ToDictionary(n => n.GetProperty("member").GetProperty("handle").GetString()!);
        Assert.False(nodes["graph-ann"].GetProperty("isHolder").GetBoolean());
        Assert.True(nodes["graph-bob"].GetProperty("isHolder").GetBoolean());
        Assert.Equal(2, nodes["graph-bob"].GetProperty("weight").GetDouble());
        var concentration = data.GetProperty("concentration");
        using var connection = fixture.Database.Open();
        Assert.Equal(connection.ExecuteScalar<int>("SELECT count(*) FROM members WHERE voting_right = 1"), concentration.GetProperty("eligible").GetInt32());
        Assert.Equal(
            concentration.GetProperty("eligible").GetInt32(),
            concentration.GetProperty("holders").GetInt32() + concentration.GetProperty("delegating").GetInt32() + concentration.GetProperty("trapped").GetInt32());
        Assert.Equal("UNAUTHENTICATED", anonymous.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task EventsArePagedOldestFirstAndPrivateEntriesShowOnlyToTheirActor()
    {
        var ann = await fixture.MemberAsync("events-ann");
        await ann.DataAsync("mutation { blockDelegation(input: { scope: { global: true } }) { errors { __typename ... on UserError { code } } } }");
        const string Query = "query($after: String) { events(first: 50, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { seq type actor { handle } hash } } }";

        async Task<List<JsonElement>> AllAsync(Actor actor)
        {
            var all = new List<JsonElement>();
            string? after = null;
            while (true)
            {
                var page = (await actor.DataAsync(Query, new { after })).GetProperty("events");
                all.AddRange(page.GetProperty("nodes").EnumerateArray());
                if (!page.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean())
                {
                    Assert.Equal(page.GetProperty("totalCount").GetInt32(), all.Count);
                    return all;
                }

                after = page.GetProperty("pageInfo").GetProperty("endCursor").GetString();
            }
        }

        var asAnonymous = await AllAsync(fixture.Anonymous);
        var asAnn = await AllAsync(ann);

        var seqs = asAnn.Select(e => e.GetProperty("seq").GetInt32()).ToList();
        Assert.Equal(seqs.Order(), seqs);
        Assert.DoesNotContain(asAnonymous, e => e.GetProperty("type").GetString()!.StartsWith("delegation.", StringComparison.Ordinal));
        Assert.Contains(asAnonymous, e => e.GetProperty("type").GetString() == "member.registered");
        var mine = Assert.Single(asAnn, e => e.GetProperty("type").GetString() == "delegation.blocked");
        Assert.Equal("events-ann", mine.GetProperty("actor").GetProperty("handle").GetString());
        Assert.Equal(64, mine.GetProperty("hash").GetString()!.Length);
    }
}
