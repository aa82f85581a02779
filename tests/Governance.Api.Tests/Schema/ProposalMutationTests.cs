using System.Text.Json;
using Dapper;
using Governance.Core.Storage;

namespace Governance.Api.Tests.Schema;

/// <summary>propose, withdrawProposal, support, withdrawSupport, vote and the moderators' actions: success and each error.</summary>
public sealed class ProposalMutationTests(SchemaFixture fixture) : IClassFixture<SchemaFixture>
{
    private const string Propose = "mutation($a: ID!, $t: String!) { propose(input: { area: $a, title: $t, body: \"## Why\\n\\nBecause.\" }) { proposal { id title status author { id } area { id } } errors { __typename ... on UserError { code field message } } } }";
    private const string Withdraw = "mutation($p: ID!) { withdrawProposal(input: { proposal: $p }) { proposal { status } errors { __typename ... on UserError { code message } } } }";
    private const string Support = "mutation($p: ID!, $n: Int!) { support(input: { proposal: $p, points: $n }) { points allowanceLeft proposal { score mySupport } errors { __typename ... on UserError { code message } } } }";
    private const string Unsupport = "mutation($p: ID!) { withdrawSupport(input: { proposal: $p }) { allowanceLeft proposal { mySupport } errors { __typename ... on UserError { code message } } } }";
    private const string Vote = "mutation($p: ID!, $c: VoteChoice!) { vote(input: { proposal: $p, choice: $c }) { choice proposal { myVote } errors { __typename ... on UserError { code message } } } }";

    private string Area => SchemaFixture.Id("Area", fixture.RootArea());

    private static string P(long id) => SchemaFixture.Id("Proposal", id);

    private long Proposal(string status)
    {
        using var connection = fixture.Database.Open();
        var id = connection.ExecuteScalar<long>("SELECT id FROM proposals WHERE status = @status ORDER BY id", new { status });
        Assert.True(id > 0, $"the demo organisation has no {status} proposal");
        return id;
    }

    private static string[] Codes(JsonElement payload) => payload.Codes();

    [Fact]
    public async Task ProposeOpensAProposalThatMembersCanDelegateOnAndTheAuthorCanWithdraw()
    {
        var ann = await fixture.MemberAsync("pm-ann");
        var bob = await fixture.MemberAsync("pm-bob");

        var opened = (await ann.DataAsync(Propose, new { a = Area, t = "Plant trees" })).GetProperty("propose").GetProperty("proposal");
        var id = opened.GetProperty("id").GetString()!;
        var delegated = (await bob.DataAsync("mutation($p: ID!, $d: [ID!]!) { delegate(input: { scope: { proposal: $p }, delegates: $d }) { errors { __typename } } }",
            new { p = id, d = new[] { SchemaFixture.Id("Member", ann.MemberId!.Value) } })).GetProperty("delegate");
        var path = (await bob.DataAsync("query($p: ID!) { proposal(id: $p) { whereDoesMyVoteGo { outcome hops { to { id } } } } }", new { p = id }))
            .GetProperty("proposal").GetProperty("whereDoesMyVoteGo");
        var notYours = (await bob.DataAsync(Withdraw, new { p = id })).GetProperty("withdrawProposal");
        var withdrawn = (await ann.DataAsync(Withdraw, new { p = id })).GetProperty("withdrawProposal");
        var again = (await ann.DataAsync(Withdraw, new { p = id })).GetProperty("withdrawProposal");

        Assert.Equal("OPEN", opened.GetProperty("status").GetString());
        Assert.Equal(SchemaFixture.Id("Member", ann.MemberId!.Value), opened.GetProperty("author").GetProperty("id").GetString());
        Assert.Equal(JsonValueKind.Null, delegated.GetProperty("errors").ValueKind);
        Assert.Equal(SchemaFixture.Id("Member", ann.MemberId!.Value), path.GetProperty("hops")[0].GetProperty("to").GetProperty("id").GetString());
        Assert.Equal(["NOT_ALLOWED"], Codes(notYours));
        Assert.Equal("NotAuthorizedError", notYours.GetProperty("errors")[0].GetProperty("__typename").GetString());
        Assert.Equal("WITHDRAWN", withdrawn.GetProperty("proposal").GetProperty("status").GetString());
        Assert.Equal(["PROPOSAL_NOT_OPEN"], Codes(again));
    }

    [Fact]
    public async Task ProposeRefusesAnUnknownAreaAndAnEmptyTitleAndChangesNothing()
    {
        var ann = await fixture.MemberAsync("pm-refused");
        var events = fixture.EventCount();

        var badId = (await ann.DataAsync(Propose, new { a = "nope", t = "x" })).GetProperty("propose");
        var unknown = (await ann.DataAsync(Propose, new { a = SchemaFixture.Id("Area", 987_654), t = "x" })).GetProperty("propose");
        var untitled = (await ann.DataAsync(Propose, new { a = Area, t = "   " })).GetProperty("propose");

        Assert.Equal(["UNKNOWN_AREA"], Codes(badId));
        Assert.Equal(["NOT_FOUND"], Codes(unknown));
        Assert.Equal("NotFoundError", unknown.GetProperty("errors")[0].GetProperty("__typename").GetString());
        Assert.Equal(["INVALID_INPUT"], Codes(untitled));
        Assert.Equal(events, fixture.EventCount());
    }

    [Fact]
    public async Task AProposalNobodySupportsHasAScoreOfZeroAlongsideSupportedOnes()
    {
        var ann = await fixture.MemberAsync("pm-unsupported");
        var id = (await ann.DataAsync(Propose, new { a = Area, t = "Nobody cares" })).GetProperty("propose").GetProperty("proposal").GetProperty("id").GetString()!;

        var alone = (await ann.DataAsync("query($p: ID!) { proposal(id: $p) { score supporterCount } }", new { p = id })).GetProperty("proposal");
        var withOthers = (await ann.DataAsync("query($p: ID!, $q: ID!) { a: proposal(id: $p) { score } b: proposal(id: $q) { score supporterCount } }",
            new { p = P(Proposal("open")), q = id })).GetProperty("b");

        Assert.Equal((0, 0), (alone.GetProperty("score").GetInt32(), alone.GetProperty("supporterCount").GetInt32()));
        Assert.Equal((0, 0), (withOthers.GetProperty("score").GetInt32(), withOthers.GetProperty("supporterCount").GetInt32()));
    }

    private const string Edit = "mutation($p: ID!, $t: String, $b: String) { editProposal(input: { proposal: $p, title: $t, body: $b }) { proposal { title body score editedAt statusHistory { status reason at actor { id } } } errors { __typename ... on UserError { code field message } } } }";

    [Fact]
    public async Task TheAuthorEditsAnOpenProposalAndItsSupportStays()
    {
        var ann = await fixture.MemberAsync("pm-editor");
        var bob = await fixture.MemberAsync("pm-edit-backer");
        var id = (await ann.DataAsync(Propose, new { a = Area, t = "Plant trees" })).GetProperty("propose").GetProperty("proposal").GetProperty("id").GetString()!;
        await bob.DataAsync(Support, new { p = id, n = 1 });
        const string EditedAt = "query($p: ID!) { proposal(id: $p) { editedAt updatedAt createdAt } }";
        var unedited = (await ann.DataAsync(EditedAt, new { p = id })).GetProperty("proposal");
        Assert.Equal(JsonValueKind.Null, unedited.GetProperty("editedAt").ValueKind);

        var edited = (await ann.DataAsync(Edit, new { p = id, t = "Plant oaks", b = "## Why\n\nShade." })).GetProperty("editProposal");
        var retitledOnly = (await ann.DataAsync(Edit, new { p = id, t = "Plant old oaks" })).GetProperty("editProposal");

        Assert.Empty(Codes(edited));
        var proposal = edited.GetProperty("proposal");
        Assert.Equal("Plant oaks", proposal.GetProperty("title").GetString());
        Assert.Equal("## Why\n\nShade.", proposal.GetProperty("body").GetString());
        Assert.Equal(1, proposal.GetProperty("score").GetInt32());
        var last = proposal.GetProperty("statusHistory")[1];
        Assert.Equal(("OPEN", "edited by the author"), (last.GetProperty("status").GetString(), last.GetProperty("reason").GetString()));
        Assert.Equal(last.GetProperty("at").GetString(), proposal.GetProperty("editedAt").GetString());
        Assert.Equal(SchemaFixture.Id("Member", ann.MemberId!.Value), last.GetProperty("actor").GetProperty("id").GetString());
        Assert.Equal("Plant old oaks", retitledOnly.GetProperty("proposal").GetProperty("title").GetString());
        Assert.Equal("## Why\n\nShade.", retitledOnly.GetProperty("proposal").GetProperty("body").GetString());
        var lastEdit = retitledOnly.GetProperty("proposal").GetProperty("statusHistory").EnumerateArray().Last().GetProperty("at").GetString();
        Assert.Equal(lastEdit, retitledOnly.GetProperty("proposal").GetProperty("editedAt").GetString());
    }

    [Fact]
    public async Task AStatusChangeIsNotAnEdit()
    {
        var ann = await fixture.MemberAsync("pm-not-edited");
        var id = (await ann.DataAsync(Propose, new { a = Area, t = "Plant hedges" })).GetProperty("propose").GetProperty("proposal").GetProperty("id").GetString()!;
        await ann.DataAsync("mutation($p: ID!) { withdrawProposal(input: { proposal: $p }) { errors { __typename } } }", new { p = id });

        var proposal = (await ann.DataAsync("query($p: ID!) { proposal(id: $p) { status editedAt updatedAt createdAt } }", new { p = id })).GetProperty("proposal");
        Assert.Equal("WITHDRAWN", proposal.GetProperty("status").GetString());
        Assert.NotEqual(proposal.GetProperty("createdAt").GetString(), proposal.GetProperty("updatedAt").GetString());
        Assert.Equal(JsonValueKind.Null, proposal.GetProperty("editedAt").ValueKind);
    }

    [Fact]
    public async Task EditRefusesBadInputOthersAndClosedProposalsAndChangesNothing()
    {
        var ann = await fixture.MemberAsync("pm-edit-refused");
        var bob = await fixture.MemberAsync("pm-edit-other");
        var id = (await ann.DataAsync(Propose, new { a = Area, t = "Keep me" })).GetProperty("propose").GetProperty("proposal").GetProperty("id").GetString()!;
        var gone = (await ann.DataAsync(Propose, new { a = Area, t = "Gone" })).GetProperty("propose").GetProperty("proposal").GetProperty("id").GetString()!;
        await ann.DataAsync(Withdraw, new { p = gone });
        var events = fixture.EventCount();

        var untitled = (await ann.DataAsync(Edit, new { p = id, t = "  " })).GetProperty("editProposal");
        var tooLong = (await ann.DataAsync(Edit, new { p = id, t = new string('x', 201) })).GetProperty("editProposal");
        var nothing = (await ann.DataAsync(Edit, new { p = id })).GetProperty("editProposal");
        var notYours = (await bob.DataAsync(Edit, new { p = id, t = "Mine" })).GetProperty("editProposal");
        var withdrawn = (await ann.DataAsync(Edit, new { p = gone, t = "Back" })).GetProperty("editProposal");
        var badId = (await ann.DataAsync(Edit, new { p = "nope", t = "x" })).GetProperty("editProposal");
        var unknown = (await ann.DataAsync(Edit, new { p = P(987_654), t = "x" })).GetProperty("editProposal");
        var onAgenda = (await ann.DataAsync(Edit, new { p = P(Proposal("on_agenda")), t = "x" })).GetProperty("editProposal");

        Assert.Equal(["INVALID_INPUT"], Codes(untitled));
        Assert.Equal("title", untitled.GetProperty("errors")[0].GetProperty("field").GetString());
        Assert.Equal("ValidationError", untitled.GetProperty("errors")[0].GetProperty("__typename").GetString());
        Assert.Equal(["INVALID_INPUT"], Codes(tooLong));
        Assert.Equal(["INVALID_INPUT"], Codes(nothing));
        Assert.Equal(["NOT_ALLOWED"], Codes(notYours));
        Assert.Equal("NotAuthorizedError", notYours.GetProperty("errors")[0].GetProperty("__typename").GetString());
        Assert.Equal(["PROPOSAL_NOT_OPEN"], Codes(withdrawn));
        Assert.Equal(["UNKNOWN_PROPOSAL"], Codes(badId));
        Assert.Equal(["NOT_FOUND"], Codes(unknown));
        Assert.Equal(["NOT_ALLOWED"], Codes(onAgenda));
        Assert.All(new[] { untitled, tooLong, nothing, notYours, withdrawn, badId, unknown, onAgenda }, p => Assert.Equal(JsonValueKind.Null, p.GetProperty("proposal").ValueKind));
        Assert.Equal(events, fixture.EventCount());
        var title = (await ann.DataAsync("query($p: ID!) { proposal(id: $p) { title } }", new { p = id })).GetProperty("proposal").GetProperty("title").GetString();
        Assert.Equal("Keep me", title);
    }

    [Fact]
    public async Task SupportSpendsPointsWithinTheAllowanceAndWithdrawingGivesThemBack()
    {
        var ann = await fixture.MemberAsync("pm-support");
        var author = await fixture.MemberAsync("pm-support-author");
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await author.DataAsync(Propose, new { a = Area, t = $"Idea {i}" })).GetProperty("propose").GetProperty("proposal").GetProperty("id").GetString()!);
        }

        var first = (await ann.DataAsync(Support, new { p = ids[0], n = 1 })).GetProperty("support");
        var overCap = (await ann.DataAsync(Support, new { p = ids[1], n = 2 })).GetProperty("support");
        var zero = (await ann.DataAsync(Support, new { p = ids[1], n = 0 })).GetProperty("support");
        for (var i = 1; i < 4; i++)
        {
            Assert.Empty(Codes((await ann.DataAsync(Support, new { p = ids[i], n = 1 })).GetProperty("support")));
        }

        var gone = (await author.DataAsync(Propose, new { a = Area, t = "Withdrawn idea" })).GetProperty("propose").GetProperty("proposal").GetProperty("id").GetString()!;
        await author.DataAsync(Withdraw, new { p = gone });
        var events = fixture.EventCount();
        var overAllowance = (await ann.DataAsync(Support, new { p = ids[4], n = 1 })).GetProperty("support");
        var closed = (await ann.DataAsync(Support, new { p = gone, n = 1 })).GetProperty("support");
        var unknown = (await ann.DataAsync(Support, new { p = P(987_654), n = 1 })).GetProperty("support");
        var nothingToWithdraw = (await ann.DataAsync(Unsupport, new { p = ids[4] })).GetProperty("withdrawSupport");
        Assert.Equal(events, fixture.EventCount());
        var withdrawn = (await ann.DataAsync(Unsupport, new { p = ids[0] })).GetProperty("withdrawSupport");

        Assert.Equal(1, first.GetProperty("points").GetInt32());
        Assert.Equal(3, first.GetProperty("allowanceLeft").GetInt32());
        Assert.Equal(1, first.GetProperty("proposal").GetProperty("score").GetInt32());
        Assert.Equal(1, first.GetProperty("proposal").GetProperty("mySupport").GetInt32());
        Assert.Equal(["PROPOSAL_CAP_EXCEEDED"], Codes(overCap));
        Assert.Equal(["INVALID_INPUT"], Codes(zero));
        Assert.Equal(["ALLOWANCE_EXCEEDED"], Codes(overAllowance));
        Assert.Equal(["PROPOSAL_NOT_OPEN"], Codes(closed));
        Assert.Equal(["NOT_FOUND"], Codes(unknown));
        Assert.Equal(["INVALID_INPUT"], Codes(nothingToWithdraw));
        Assert.Equal(1, withdrawn.GetProperty("allowanceLeft").GetInt32());
        Assert.Equal(0, withdrawn.GetProperty("proposal").GetProperty("mySupport").GetInt32());
    }

    [Fact]
    public async Task AVoteIsCastAndChangedWhileVotingAndRefusedOtherwise()
    {
        var ann = await fixture.MemberAsync("pm-voter");
        var suspended = await fixture.MemberAsync("pm-suspended");
        using (var connection = fixture.Database.Open())
        {
            connection.Execute("UPDATE members SET voting_right = 0 WHERE id = @id", new { id = suspended.MemberId });
        }

        var voting = P(Proposal("voting"));

        var yes = (await ann.DataAsync(Vote, new { p = voting, c = "YES" })).GetProperty("vote");
        var no = (await ann.DataAsync(Vote, new { p = voting, c = "NO" })).GetProperty("vote");
        var events = fixture.EventCount();
        var notVoting = (await ann.DataAsync(Vote, new { p = P(Proposal("open")), c = "YES" })).GetProperty("vote");
        var noRight = (await suspended.DataAsync(Vote, new { p = voting, c = "YES" })).GetProperty("vote");
        var unknown = (await ann.DataAsync(Vote, new { p = "x", c = "YES" })).GetProperty("vote");

        Assert.Equal("YES", yes.GetProperty("choice").GetString());
        Assert.Equal("NO", no.GetProperty("proposal").GetProperty("myVote").GetString());
        Assert.Equal(["OUTSIDE_VOTING_WINDOW"], Codes(notVoting));
        Assert.Equal(["NO_VOTING_RIGHT"], Codes(noRight));
        Assert.Equal(["UNKNOWN_PROPOSAL"], Codes(unknown));
        Assert.Equal(events, fixture.EventCount());
    }

    [Fact]
    public async Task EndorsingGivesKarmaOnceAMonthAndNeverToOneself()
    {
        var ann = await fixture.MemberAsync("pm-endorser");
        var target = fixture.DemoMember(9);
        const string Endorse = "mutation($m: ID!) { endorse(input: { member: $m }) { karmaAwarded member { id } errors { __typename ... on UserError { code message } } } }";
        // Karma now, decayed from when it last changed: the demo's karma was earned in the past.
        double Karma() =>
            Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
                .GetRequiredService<Governance.Core.Karma.KarmaService>(fixture.Factory.Services).Get(target).Karma;

        var before = Karma();
        var endorsed = (await ann.DataAsync(Endorse, new { m = SchemaFixture.Id("Member", target) })).GetProperty("endorse");
        var after = Karma();
        var events = fixture.EventCount();
        var again = (await ann.DataAsync(Endorse, new { m = SchemaFixture.Id("Member", target) })).GetProperty("endorse");
        var self = (await ann.DataAsync(Endorse, new { m = SchemaFixture.Id("Member", ann.MemberId!.Value) })).GetProperty("endorse");
        var unknown = (await ann.DataAsync(Endorse, new { m = SchemaFixture.Id("Member", 987_654) })).GetProperty("endorse");

        Assert.Equal(1, endorsed.GetProperty("karmaAwarded").GetDouble());
        Assert.True(after > before, $"karma {before} → {after}");
        Assert.Equal(["ENDORSEMENT_PAIR_LIMIT"], Codes(again));
        Assert.Equal(["SELF_ENDORSEMENT"], Codes(self));
        Assert.Equal(["NOT_FOUND"], Codes(unknown));
        Assert.Equal(events, fixture.EventCount());
    }

    private const string Schedule = "mutation($p: ID!, $r: String!) { scheduleProposal(input: { proposal: $p, reason: $r }) { proposal { status statusHistory { status reason } } errors { __typename ... on UserError { code message } } } }";

    [Fact]
    public async Task ModeratorsScheduleReturnDeclineAndMergeWithAPublicReason()
    {
        var moderator = await fixture.MemberAsync("pm-moderator", "moderator");
        var member = await fixture.MemberAsync("pm-not-moderator");
        long[] queued;
        using (var connection = fixture.Database.Open())
        {
            queued = [.. connection.Query<long>("SELECT id FROM proposals WHERE status = 'open' ORDER BY id LIMIT 5")];
            connection.Execute($"UPDATE proposals SET status = 'on_agenda', on_agenda_at = @now WHERE id {connection.InList("@queued")}", new { queued, now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() });
        }

        var agenda = (await fixture.Anonymous.DataAsync("{ agenda { id } }")).GetProperty("agenda").EnumerateArray().Select(p => p.GetProperty("id").GetString()).ToList();
        var events = fixture.EventCount();
        var forbidden = (await member.DataAsync(Schedule, new { p = P(queued[0]), r = "Ready" })).GetProperty("scheduleProposal");
        var noReason = (await moderator.DataAsync(Schedule, new { p = P(queued[0]), r = " " })).GetProperty("scheduleProposal");
        Assert.Equal(events, fixture.EventCount());
        var scheduled = (await moderator.DataAsync(Schedule, new { p = P(queued[0]), r = "Ready for a vote" })).GetProperty("scheduleProposal");
        var returned = (await moderator.DataAsync("mutation($p: ID!) { returnProposal(input: { proposal: $p, reason: \"Needs costs\" }) { proposal { status } errors { __typename } } }", new { p = P(queued[1]) })).GetProperty("returnProposal");
        var declined = (await moderator.DataAsync("mutation($p: ID!) { declineProposal(input: { proposal: $p, reason: \"Off topic\" }) { proposal { status } errors { __typename } } }", new { p = P(queued[2]) })).GetProperty("declineProposal");
        var merged = (await moderator.DataAsync("mutation($p: ID!, $i: ID!) { mergeProposal(input: { proposal: $p, into: $i, reason: \"Duplicate\" }) { proposal { status } errors { __typename } } }", new { p = P(queued[3]), i = P(queued[4]) })).GetProperty("mergeProposal");
        var notQueued = (await moderator.DataAsync(Schedule, new { p = P(queued[0]), r = "Again" })).GetProperty("scheduleProposal");

        Assert.Subset(agenda.OfType<string>().ToHashSet(), queued.Select(P).ToHashSet());
        Assert.Equal(["FORBIDDEN"], Codes(forbidden));
        Assert.Equal(["REASON_REQUIRED"], Codes(noReason));
        Assert.Equal("SCHEDULED", scheduled.GetProperty("proposal").GetProperty("status").GetString());
        Assert.Contains(scheduled.GetProperty("proposal").GetProperty("statusHistory").EnumerateArray(), h => h.GetProperty("reason").GetString() == "Ready for a vote");
        Assert.Equal("OPEN", returned.GetProperty("proposal").GetProperty("status").GetString());
        Assert.Equal("DECLINED", declined.GetProperty("proposal").GetProperty("status").GetString());
        Assert.Equal("MERGED", merged.GetProperty("proposal").GetProperty("status").GetString());
        Assert.Equal(["NOT_IN_QUEUE"], Codes(notQueued));
    }

    [Fact]
    public async Task ModerationNamesItsProposalsRefusesALongReasonByFieldAndAReturnedProposalSaysItWaitsForAnEdit()
    {
        var moderator = await fixture.MemberAsync("pm-moderator-2", "moderator");
        long[] queued;
        using (var connection = fixture.Database.Open())
        {
            queued = [.. connection.Query<long>("SELECT id FROM proposals WHERE status = 'open' ORDER BY id DESC LIMIT 3")];
            connection.Execute($"UPDATE proposals SET status = 'on_agenda', on_agenda_at = @now WHERE id {connection.InList("@queued")}", new { queued, now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() });
            foreach (var id in queued)
            {
                connection.Execute("INSERT INTO proposal_status_history (proposal_id, status, at, actor_id, reason) VALUES (@id, 'on_agenda', @now, NULL, 'test')", new { id, now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() });
            }
        }

        const string Return = "mutation($p: ID!, $r: String!) { returnProposal(input: { proposal: $p, reason: $r }) { proposal { status reworkUntil } errors { __typename ... on UserError { code field message } } } }";
        var events = fixture.EventCount();
        var tooLong = (await moderator.DataAsync(Return, new { p = P(queued[0]), r = new string('x', 1_001) })).GetProperty("returnProposal");
        Assert.Equal(events, fixture.EventCount());
        var error = tooLong.GetProperty("errors")[0];
        Assert.Equal(("ValidationError", "reason"), (error.GetProperty("__typename").GetString(), error.GetProperty("field").GetString()));
        Assert.Contains("1000", error.GetProperty("message").GetString(), StringComparison.Ordinal);

        var returned = (await moderator.DataAsync(Return, new { p = P(queued[0]), r = "Needs costs" })).GetProperty("returnProposal").GetProperty("proposal");
        Assert.Equal("OPEN", returned.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.String, returned.GetProperty("reworkUntil").ValueKind);

        await moderator.DataAsync("mutation($p: ID!, $i: ID!) { mergeProposal(input: { proposal: $p, into: $i, reason: \"Same idea\" }) { errors { __typename } } }", new { p = P(queued[1]), i = P(queued[2]) });
        var merged = (await fixture.Anonymous.DataAsync("query($p: ID!) { proposal(id: $p) { mergedInto { id title } } }", new { p = P(queued[1]) })).GetProperty("proposal");
        Assert.Equal(P(queued[2]), merged.GetProperty("mergedInto").GetProperty("id").GetString());

        // The log is oldest first: page to its end.
        var entries = new List<JsonElement>();
        string? after = null;
        do
        {
            var page = (await fixture.Anonymous.DataAsync("query($a: String) { events(first: 50, after: $a, types: [\"proposal.merged\"]) { pageInfo { hasNextPage endCursor } nodes { proposal { id title } mergedInto { id } } } }", new { a = after })).GetProperty("events");
            entries.AddRange(page.GetProperty("nodes").EnumerateArray());
            after = page.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean() ? page.GetProperty("pageInfo").GetProperty("endCursor").GetString() : null;
        }
        while (after is not null);
        var entry = entries.Single(e => e.GetProperty("proposal").GetProperty("id").GetString() == P(queued[1]));
        Assert.Equal(P(queued[2]), entry.GetProperty("mergedInto").GetProperty("id").GetString());
        Assert.False(string.IsNullOrEmpty(entry.GetProperty("proposal").GetProperty("title").GetString()));
    }
}
