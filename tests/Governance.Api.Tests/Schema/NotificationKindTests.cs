using System.Text.Json;
using Dapper;
using Governance.Core.Events;
using Governance.Core.Notifications;

namespace Governance.Api.Tests.Schema;

/// <summary>
/// Issue 16's kinds not covered elsewhere: my delegate blocked (decided by the engine's route,
/// the vote path's one function) or lost their voting right, over GraphQL; and who hears of a
/// proposal's moves, an opened vote and the lottery, read from the feed's one planner.
/// </summary>
public sealed class NotificationKindTests(SchemaFixture fixture) : IClassFixture<SchemaFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private const string Feed = "{ viewer { notifications(first: 20) { nodes { kind summary scope { kind } member { handle } } } } }";

    private static Task<JsonElement> DelegateAsync(Actor from, string scope, object scopeValue, long to) =>
        from.DataAsync($"mutation($s: ID!, $d: [ID!]!) {{ delegate(input: {{ scope: {{ {scope}: $s }}, delegates: $d }}) {{ errors {{ __typename }} }} }}",
            new { s = scopeValue, d = new[] { SchemaFixture.Id("Member", to) } });

    /// <summary>The actor's notifications of <paramref name="kind"/>, once one arrived or after the patience.</summary>
    private static async Task<List<JsonElement>> OfKindAsync(Actor actor, string kind, bool expectOne = true)
    {
        var deadline = DateTime.UtcNow + (expectOne ? Patience : TimeSpan.FromSeconds(2));
        while (true)
        {
            var nodes = (await actor.DataAsync(Feed)).GetProperty("viewer").GetProperty("notifications").GetProperty("nodes")
                .EnumerateArray().Where(n => n.GetProperty("kind").GetString() == kind).ToList();
            if ((expectOne && nodes.Count > 0) || DateTime.UtcNow > deadline)
            {
                return nodes;
            }

            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task MembersWhoseDelegationReachesADelegateWhereTheyBlockAreToldAndOthersAreNot()
    {
        var root = SchemaFixture.Id("Area", fixture.RootArea());
        var bob = await fixture.MemberAsync("nk-bob");
        var ann = await fixture.MemberAsync("nk-ann");
        var eve = await fixture.MemberAsync("nk-eve");
        var cy = await fixture.MemberAsync("nk-cy");

        // ann and eve delegate globally to bob; eve's own delegation in the area goes to cy, so bob's block there does not touch her.
        await ann.DataAsync("mutation($d: [ID!]!) { delegate(input: { scope: { global: true }, delegates: $d }) { errors { __typename } } }", new { d = new[] { SchemaFixture.Id("Member", bob.MemberId!.Value) } });
        await eve.DataAsync("mutation($d: [ID!]!) { delegate(input: { scope: { global: true }, delegates: $d }) { errors { __typename } } }", new { d = new[] { SchemaFixture.Id("Member", bob.MemberId!.Value) } });
        await DelegateAsync(eve, "area", root, cy.MemberId!.Value);
        var blocked = await bob.DataAsync("mutation($a: ID!) { blockDelegation(input: { scope: { area: $a } }) { errors { __typename } } }", new { a = root });
        Assert.Equal(JsonValueKind.Null, blocked.GetProperty("blockDelegation").GetProperty("errors").ValueKind);

        var told = Assert.Single(await OfKindAsync(ann, "DELEGATE_BLOCKED"));
        Assert.Equal("nk-bob", told.GetProperty("member").GetProperty("handle").GetString());
        Assert.Equal("AREA", told.GetProperty("scope").GetProperty("kind").GetString());
        Assert.Contains("@nk-bob, your delegate, blocked delegation in one area", told.GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.Empty(await OfKindAsync(eve, "DELEGATE_BLOCKED", expectOne: false));
        Assert.Empty(await OfKindAsync(cy, "DELEGATE_BLOCKED", expectOne: false));
    }

    [Fact]
    public async Task MembersWhoDelegateToAMemberWhoLostTheVotingRightAreTold()
    {
        var admin = await fixture.MemberAsync("nk-admin", "admin");
        var dora = await fixture.MemberAsync("nk-dora");
        var finn = await fixture.MemberAsync("nk-finn");
        await finn.DataAsync("mutation($d: [ID!]!) { delegate(input: { scope: { global: true }, delegates: $d }) { errors { __typename } } }", new { d = new[] { SchemaFixture.Id("Member", dora.MemberId!.Value) } });

        var suspended = await admin.DataAsync("mutation($m: ID!) { setVotingRight(input: { member: $m, votingRight: false, reason: \"left the party\" }) { errors { __typename } } }",
            new { m = SchemaFixture.Id("Member", dora.MemberId!.Value) });
        Assert.Equal(JsonValueKind.Null, suspended.GetProperty("setVotingRight").GetProperty("errors").ValueKind);

        var told = Assert.Single(await OfKindAsync(finn, "DELEGATE_LOST_RIGHT"));
        Assert.Equal("nk-dora", told.GetProperty("member").GetProperty("handle").GetString());
        Assert.Empty(await OfKindAsync(dora, "DELEGATE_LOST_RIGHT", expectOne: false));
    }

    [Fact]
    public async Task AProposalsMovesReachItsAuthorAndSupportersButNotWhoeverActedAndAnOpenedVoteAndTheLotteryReachTheirMembers()
    {
        var author = await fixture.MemberAsync("nk-author");
        var fan = await fixture.MemberAsync("nk-fan");
        var moderator = await fixture.MemberAsync("nk-mod", "moderator");
        var bystander = await fixture.MemberAsync("nk-bystander");
        var proposal = (await author.DataAsync("mutation($a: ID!) { propose(input: { area: $a, title: \"Moves\", body: \"b\" }) { proposal { id } } }",
            new { a = SchemaFixture.Id("Area", fixture.RootArea()) })).GetProperty("propose").GetProperty("proposal").GetProperty("id").GetString()!;
        Assert.True(Governance.GraphQL.Relay.GlobalId.TryDecode(proposal, out _, out var local));
        var id = long.Parse(local, System.Globalization.CultureInfo.InvariantCulture);
        using var c = fixture.Database.Open();
        // The fan's points on it (a new member has none to give through the mutation yet).
        c.Execute("INSERT INTO supports (member_id, proposal_id, points, allocated_at) VALUES (@m, @id, 2, 1)", new { m = fan.MemberId, id });
        IReadOnlyList<PlannedNotification> Plan(string type, object payload, long? actor) =>
            NotificationRecipients.Plan(c, new LoggedEvent(1, 1, actor, type, JsonSerializer.Serialize(payload)));

        foreach (var (type, kind) in new[]
        {
            (EventTypes.ProposalOnAgenda, NotificationKinds.ProposalOnAgenda),
            (EventTypes.ProposalScheduled, NotificationKinds.ProposalScheduled),
            (EventTypes.ProposalReturned, NotificationKinds.ProposalReturned),
            (EventTypes.ProposalDeclined, NotificationKinds.ProposalDeclined),
            (EventTypes.ProposalMerged, NotificationKinds.ProposalMerged),
        })
        {
            var planned = Assert.Single(Plan(type, new { proposal = id, reason = "why" }, moderator.MemberId));
            Assert.Equal(kind, planned.Kind);
            Assert.Equal(id, planned.ProposalId);
            Assert.Equal(new[] { author.MemberId!.Value, fan.MemberId!.Value }.Order(), planned.Recipients.Order());
        }

        // An edit (by the author) reaches the supporters whose points are on it, not the author.
        var edited = Assert.Single(Plan(EventTypes.ProposalEdited, new { proposal = id }, author.MemberId));
        Assert.Equal(NotificationKinds.ProposalEdited, edited.Kind);
        Assert.Equal([fan.MemberId!.Value], edited.Recipients);

        // An opened vote reaches every member with a voting right who has not voted.
        var opened = Assert.Single(Plan(EventTypes.VoteOpened, new { proposal = id, votingEndsAt = 1 }, null));
        Assert.Equal(NotificationKinds.VoteOpened, opened.Kind);
        Assert.Contains(bystander.MemberId!.Value, opened.Recipients);
        Assert.Contains(author.MemberId!.Value, opened.Recipients);

        // The lottery tells exactly the members it drew.
        var drawn = Assert.Single(Plan(EventTypes.LotteryDrawn, new { period = "2026-12", drawn = new[] { bystander.MemberId!.Value } }, null));
        Assert.Equal(NotificationKinds.LotteryDrawn, drawn.Kind);
        Assert.Equal([bystander.MemberId!.Value], drawn.Recipients);
        Assert.Empty(Plan(EventTypes.LotteryDrawn, new { period = "2026-12", drawn = Array.Empty<long>() }, null));
        Assert.Equal(NotificationKinds.All.Count, NotificationKinds.All.Distinct().Count());
        Assert.Contains(NotificationKinds.DelegateBlocked, NotificationKinds.All);
    }
}
