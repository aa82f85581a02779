using System.Text.Json;
using Dapper;

namespace Governance.Api.Tests.Schema;

/// <summary>
/// The proposal, support, vote and moderation mutations × anonymous, member, other member,
/// moderator, admin, and a token with and without the mutation's scope (the member's; the
/// moderator's for moderation). A member acts only as themselves: "member" owns what the
/// withdraw and edit mutations act on, so "other member" may not withdraw or edit it.
/// </summary>
public sealed class ProposalAuthorizationMatrixTests(MatrixFixture fixture) : IClassFixture<MatrixFixture>
{
    private static readonly string[] ActorNames = ["anonymous", "member", "other member", "moderator", "admin", "token with scope", "token without scope"];

    private static readonly Dictionary<string, (string Scope, Dictionary<string, string?> Expected)> Matrix = new()
    {
        ["propose"] = ("propose", Everyone(null)),
        ["support"] = ("propose", Everyone(null)),
        ["withdrawSupport"] = ("propose", Everyone(null)),
        ["vote"] = ("vote", Everyone(null)),
        ["endorse"] = ("delegate", Everyone(null)),
        ["withdrawProposal"] = ("propose", Everyone("NOT_ALLOWED", member: null)),
        ["editProposal"] = ("propose", Everyone("NOT_ALLOWED", member: null)),
        ["scheduleProposal"] = ("moderate", Everyone("FORBIDDEN", moderator: null)),
        ["returnProposal"] = ("moderate", Everyone("FORBIDDEN", moderator: null)),
        ["declineProposal"] = ("moderate", Everyone("FORBIDDEN", moderator: null)),
        ["mergeProposal"] = ("moderate", Everyone("FORBIDDEN", moderator: null)),
    };

    /// <summary>What each caller gets: anonymous is unauthenticated and a token without the scope misses it, whatever the rest.</summary>
    private static Dictionary<string, string?> Everyone(string? members, string? member = "", string? moderator = "")
    {
        var expected = ActorNames.ToDictionary(a => a, _ => members);
        expected["anonymous"] = "UNAUTHENTICATED";
        expected["token without scope"] = "MISSING_SCOPE";
        if (member != "")
        {
            expected["member"] = member;
            expected["token with scope"] = member;
        }

        if (moderator != "")
        {
            expected["moderator"] = moderator;
            expected["token with scope"] = moderator;
        }

        return expected;
    }

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var mutation in Matrix.Keys)
        {
            foreach (var actor in ActorNames)
            {
                data.Add(mutation, actor);
            }
        }

        return data;
    }

    private Actor ActorFor(string mutation, string name)
    {
        var scope = Matrix[mutation].Scope;
        return name switch
        {
            "token with scope" => fixture.Tokens[scope].With,
            "token without scope" => fixture.Tokens[scope].Without,
            _ => fixture.Actors[name],
        };
    }

    /// <summary>The session behind an actor (a token's member signed in), to prepare what the actor acts on.</summary>
    private Actor SessionOf(Actor actor) =>
        fixture.Actors.Values.First(a => a.MemberId == actor.MemberId && a.Client.DefaultRequestHeaders.Authorization is null);

    private async Task<long> NewProposalAsync(Actor author)
    {
        var id = (await author.DataAsync("mutation($a: ID!) { propose(input: { area: $a, title: \"Matrix\", body: \"b\" }) { proposal { id } } }",
            new { a = SchemaFixture.Id("Area", fixture.App.RootArea()) })).GetProperty("propose").GetProperty("proposal").GetProperty("id").GetString()!;
        Assert.True(Governance.GraphQL.Relay.GlobalId.TryDecode(id, out _, out var local));
        return long.Parse(local, System.Globalization.CultureInfo.InvariantCulture);
    }

    private long OnAgenda(long id)
    {
        using var connection = fixture.App.Database.Open();
        connection.Execute("UPDATE proposals SET status = 'on_agenda', on_agenda_at = @now WHERE id = @id", new { id, now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() });
        return id;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task EachProposalMutationAnswersEachCallerAsTheMatrixSays(string mutation, string actorName)
    {
        var actor = ActorFor(mutation, actorName);
        var expected = Matrix[mutation].Expected[actorName];
        var p = (long id) => SchemaFixture.Id("Proposal", id);
        string voting;
        using (var connection = fixture.App.Database.Open())
        {
            voting = p(connection.ExecuteScalar<long>("SELECT id FROM proposals WHERE status = 'voting' ORDER BY id"));
        }

        var (query, variables) = mutation switch
        {
            "propose" => ("mutation($a: ID!) { propose(input: { area: $a, title: \"Mine\", body: \"b\" }) { proposal { author { id } } errors { __typename ... on UserError { code } } } }",
                (object)new { a = SchemaFixture.Id("Area", fixture.App.RootArea()) }),
            "support" => ("mutation($p: ID!) { support(input: { proposal: $p, points: 1 }) { proposal { mySupport } errors { __typename ... on UserError { code } } } }",
                new { p = p(await NewProposalAsync(fixture.Author)) }),
            "withdrawSupport" => ("mutation($p: ID!) { withdrawSupport(input: { proposal: $p }) { proposal { mySupport } errors { __typename ... on UserError { code } } } }",
                new { p = p(await SupportedAsync(actor)) }),
            "vote" => ("mutation($p: ID!) { vote(input: { proposal: $p, choice: ABSTAIN }) { proposal { myVote } errors { __typename ... on UserError { code } } } }",
                new { p = voting }),
            "endorse" => ("mutation($m: ID!) { endorse(input: { member: $m }) { member { id } errors { __typename ... on UserError { code } } } }",
                new { m = SchemaFixture.Id("Member", fixture.App.DemoMember(20 + Array.IndexOf(ActorNames, actorName))) }),
            "withdrawProposal" => ("mutation($p: ID!) { withdrawProposal(input: { proposal: $p }) { proposal { status } errors { __typename ... on UserError { code } } } }",
                new { p = p(await NewProposalAsync(fixture.Actors["member"])) }),
            "editProposal" => ("mutation($p: ID!) { editProposal(input: { proposal: $p, title: \"Edited\" }) { proposal { title } errors { __typename ... on UserError { code } } } }",
                new { p = p(await NewProposalAsync(fixture.Actors["member"])) }),
            "scheduleProposal" => ("mutation($p: ID!) { scheduleProposal(input: { proposal: $p, reason: \"r\" }) { proposal { status } errors { __typename ... on UserError { code } } } }",
                new { p = p(OnAgenda(await NewProposalAsync(fixture.Author))) }),
            "returnProposal" => ("mutation($p: ID!) { returnProposal(input: { proposal: $p, reason: \"r\" }) { proposal { status } errors { __typename ... on UserError { code } } } }",
                new { p = p(OnAgenda(await NewProposalAsync(fixture.Author))) }),
            "declineProposal" => ("mutation($p: ID!) { declineProposal(input: { proposal: $p, reason: \"r\" }) { proposal { status } errors { __typename ... on UserError { code } } } }",
                new { p = p(OnAgenda(await NewProposalAsync(fixture.Author))) }),
            _ => ("mutation($p: ID!, $i: ID!) { mergeProposal(input: { proposal: $p, into: $i, reason: \"r\" }) { proposal { status } errors { __typename ... on UserError { code } } } }",
                new { p = p(OnAgenda(await NewProposalAsync(fixture.Author))), i = p(await NewProposalAsync(fixture.Author)) }),
        };

        var events = fixture.App.EventCount();
        var payload = (await actor.DataAsync(query, variables)).GetProperty(mutation);

        if (expected is null)
        {
            Assert.True(payload.GetProperty("errors").ValueKind == JsonValueKind.Null, payload.GetRawText());
            Assert.NotEqual(JsonValueKind.Null, payload.GetProperty(mutation == "endorse" ? "member" : "proposal").ValueKind);
            if (mutation == "propose")
            {
                Assert.Equal(SchemaFixture.Id("Member", actor.MemberId!.Value), payload.GetProperty("proposal").GetProperty("author").GetProperty("id").GetString());
            }
        }
        else
        {
            var error = Assert.Single(payload.GetProperty("errors").EnumerateArray());
            Assert.Equal(expected, error.GetProperty("code").GetString());
            Assert.Equal("NotAuthorizedError", error.GetProperty("__typename").GetString());
            Assert.Equal(JsonValueKind.Null, payload.GetProperty(mutation == "endorse" ? "member" : "proposal").ValueKind);
            Assert.Equal(events, fixture.App.EventCount());
        }
    }

    /// <summary>A fresh proposal the actor's member supports (nothing for anonymous), so there is something to withdraw.</summary>
    private async Task<long> SupportedAsync(Actor actor)
    {
        var id = await NewProposalAsync(fixture.Author);
        if (actor.MemberId is not null)
        {
            var supported = (await SessionOf(actor).DataAsync("mutation($p: ID!) { support(input: { proposal: $p, points: 1 }) { errors { ... on UserError { code } } } }",
                new { p = SchemaFixture.Id("Proposal", id) })).GetProperty("support");
            Assert.Equal(JsonValueKind.Null, supported.GetProperty("errors").ValueKind);
        }

        return id;
    }
}
