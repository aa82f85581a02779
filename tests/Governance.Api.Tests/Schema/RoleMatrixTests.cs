using System.Text.Json;
using Dapper;

namespace Governance.Api.Tests.Schema;

/// <summary>The five kinds of caller of the role matrix, made once: anonymous, member, a member without a voting right, moderator, admin.</summary>
public sealed class RoleMatrixFixture : IAsyncLifetime
{
    public SchemaFixture App { get; } = new();

    public Dictionary<string, Actor> Actors { get; } = [];

    public Actor Author { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await App.InitializeAsync();
        var admin = await App.MemberAsync("rm-admin", "admin");
        var novote = await App.MemberAsync("rm-novote");
        var suspended = (await admin.DataAsync("mutation($m: ID!) { setVotingRight(input: { member: $m, votingRight: false, reason: \"not in the register\" }) { errors { ... on UserError { code } } } }",
            new { m = SchemaFixture.Id("Member", novote.MemberId!.Value) })).GetProperty("setVotingRight");
        Assert.Empty(suspended.Codes());
        Actors["anonymous"] = App.Anonymous;
        Actors["member"] = await App.MemberAsync("rm-member");
        Actors["novote"] = novote;
        Actors["moderator"] = await App.MemberAsync("rm-moderator", "moderator");
        Actors["admin"] = admin;
        Author = await App.MemberAsync("rm-author");
    }

    public Task DisposeAsync() => App.DisposeAsync();
}

/// <summary>
/// Every admin and moderator mutation × anonymous, member, novote, moderator, admin. The list
/// of mutations is read from the served schema: a new mutation without a row here fails
/// <see cref="EveryMutationOfTheSchemaHasARowAndItsDescriptionSaysWhoMayCallIt"/>. Tokens are
/// covered by <see cref="AuthorizationMatrixTests"/> and <see cref="ProposalAuthorizationMatrixTests"/>.
/// </summary>
public sealed class RoleMatrixTests(RoleMatrixFixture fixture) : IClassFixture<RoleMatrixFixture>
{
    private enum Who
    {
        /// <summary>Any signed-in member (or token with the scope) acting for themselves: the other matrices cover it.</summary>
        Member,
        Moderator,
        Admin,
    }

    private static readonly string[] Roles = ["anonymous", "member", "novote", "moderator", "admin"];

    /// <summary>Who may call each mutation of the schema.</summary>
    private static readonly Dictionary<string, Who> Mutations = new()
    {
        ["markNotificationsRead"] = Who.Member,
        ["setNotificationDelivery"] = Who.Member,
        ["delegate"] = Who.Member,
        ["revokeDelegation"] = Who.Member,
        ["blockDelegation"] = Who.Member,
        ["propose"] = Who.Member,
        ["withdrawProposal"] = Who.Member,
        ["editProposal"] = Who.Member,
        ["support"] = Who.Member,
        ["withdrawSupport"] = Who.Member,
        ["vote"] = Who.Member,
        ["endorse"] = Who.Member,
        ["addAlternative"] = Who.Member,
        ["supportAlternative"] = Who.Member,
        ["castRankedBallot"] = Who.Member,
        ["changePassword"] = Who.Member,
        ["revokeSession"] = Who.Member,
        ["signOutOtherSessions"] = Who.Member,
        ["createAccessToken"] = Who.Member,
        ["revokeAccessToken"] = Who.Member,
        ["eraseMyAccount"] = Who.Member,
        ["setLanguage"] = Who.Member,
        ["postComment"] = Who.Member,
        ["editComment"] = Who.Member,
        ["deleteComment"] = Who.Member,
        ["endorseComment"] = Who.Member,
        ["report"] = Who.Member,
        ["appealHide"] = Who.Member,
        ["suggest"] = Who.Member,
        ["giveOpinion"] = Who.Member,
        ["markSuggestionAnswered"] = Who.Member,
        ["judgeModeration"] = Who.Member,
        ["scheduleProposal"] = Who.Moderator,
        ["returnProposal"] = Who.Moderator,
        ["declineProposal"] = Who.Moderator,
        ["mergeProposal"] = Who.Moderator,
        ["hideContent"] = Who.Moderator,
        ["decideReport"] = Who.Moderator,
        ["setVotingRight"] = Who.Admin,
        ["createArea"] = Who.Admin,
        ["setMemberRoles"] = Who.Admin,
        ["setPolicy"] = Who.Admin,
        ["createInvitation"] = Who.Admin,
        ["revokeInvitation"] = Who.Admin,
        ["importRegistry"] = Who.Admin,
        ["renameArea"] = Who.Admin,
        ["archiveArea"] = Who.Admin,
        ["moveArea"] = Who.Admin,
        ["decideModeratorReview"] = Who.Admin,
    };

    /// <summary>The moderation commands of the report queue refuse in core (NOT_ALLOWED); the rest in the api's guard (FORBIDDEN).</summary>
    private static readonly HashSet<string> RefusedInCore = ["hideContent", "decideReport"];

    private const string Errors = "errors { __typename ... on UserError { code message } }";

    [Fact]
    public async Task EveryMutationOfTheSchemaHasARowAndItsDescriptionSaysWhoMayCallIt()
    {
        var fields = (await fixture.App.Anonymous.DataAsync("{ __schema { mutationType { fields { name description } } } }"))
            .GetProperty("__schema").GetProperty("mutationType").GetProperty("fields").EnumerateArray()
            .ToDictionary(f => f.GetProperty("name").GetString()!, f => f.GetProperty("description").GetString() ?? "");

        Assert.Empty(fields.Keys.Except(Mutations.Keys).Select(m => $"{m}: no row in the role matrix"));
        Assert.Empty(Mutations.Keys.Except(fields.Keys).Select(m => $"{m}: in the matrix, not in the schema"));
        foreach (var (name, description) in fields)
        {
            var said = description.StartsWith("Admin", StringComparison.Ordinal) ? Who.Admin
                : description.StartsWith("Moderator", StringComparison.Ordinal) || description.StartsWith("A moderator", StringComparison.Ordinal) ? Who.Moderator
                : Who.Member;
            Assert.True(said == Mutations[name], $"{name}: the matrix says {Mutations[name]}, its description \"{description}\"");
        }
    }

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var (mutation, who) in Mutations)
        {
            if (who == Who.Member) continue;
            foreach (var role in Roles) data.Add(mutation, role);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task EachAdminAndModeratorMutationAnswersEachRoleAsTheMatrixSays(string mutation, string role)
    {
        var who = Mutations[mutation];
        var expected = role switch
        {
            "anonymous" => "UNAUTHENTICATED",
            "admin" when who == Who.Admin => null,
            "moderator" when who == Who.Moderator => null,
            _ => RefusedInCore.Contains(mutation) ? "NOT_ALLOWED" : "FORBIDDEN",
        };
        var (query, variables, result) = await RequestAsync(mutation, role);

        var events = fixture.App.EventCount();
        var payload = (await fixture.Actors[role].DataAsync(query, variables)).GetProperty(mutation);

        if (expected is null)
        {
            Assert.True(payload.GetProperty("errors").ValueKind == JsonValueKind.Null, payload.GetRawText());
            Assert.True(fixture.App.EventCount() > events, $"{mutation} by {role} left nothing in the log");
        }
        else
        {
            var error = Assert.Single(payload.GetProperty("errors").EnumerateArray());
            Assert.Equal(expected, error.GetProperty("code").GetString());
            Assert.Equal("NotAuthorizedError", error.GetProperty("__typename").GetString());
            Assert.Equal(JsonValueKind.Null, payload.GetProperty(result).ValueKind);
            Assert.Equal(events, fixture.App.EventCount());
        }
    }

    /// <summary>A request that succeeds for the right role: its targets are made fresh for each case.</summary>
    private async Task<(string Query, object Variables, string Result)> RequestAsync(string mutation, string role)
    {
        var admin = fixture.Actors["admin"];
        var tag = mutation + "-" + role;
        var slug = ("rm-" + Guid.NewGuid().ToString("N"))[..15];
        var target = SchemaFixture.Id("Member", fixture.App.DemoMember(Array.IndexOf(Roles, role)));
        string P(long id) => SchemaFixture.Id("Proposal", id);
        return mutation switch
        {
            "setVotingRight" => ("mutation($m: ID!) { setVotingRight(input: { member: $m, votingRight: false, reason: \"matrix\" }) { member { id } " + Errors + " } }", new { m = target }, "member"),
            "createArea" => ("mutation($s: String!) { createArea(input: { slug: $s, name: \"Matrix\" }) { area { id } " + Errors + " } }", new { s = slug }, "area"),
            "setMemberRoles" => ("mutation($m: ID!) { setMemberRoles(input: { member: $m, roles: [MEMBER, MODERATOR] }) { member { id } " + Errors + " } }", new { m = target }, "member"),
            "setPolicy" => ("mutation($a: ID!) { setPolicy(input: { area: $a, values: { votingDays: 9 } }) { version " + Errors + " } }", new { a = await AreaAsync(admin, slug) }, "version"),
            "createInvitation" => ("mutation { createInvitation(input: { note: \"matrix\" }) { invitation { id } code " + Errors + " } }", new { }, "invitation"),
            "revokeInvitation" => ("mutation($i: ID!) { revokeInvitation(input: { invitation: $i }) { invitation { id } " + Errors + " } }", new { i = AnInvitation() }, "invitation"),
            "importRegistry" => ("mutation($c: String!) { importRegistry(input: { csv: $c }) { report { lines } " + Errors + " } }",
                new { c = $"member_number,email,name,status\n{slug},{slug}@example.org,Matrix,active\n" }, "report"),
            "renameArea" => ("mutation($a: ID!) { renameArea(input: { area: $a, name: \"Renamed\" }) { area { id } " + Errors + " } }", new { a = await AreaAsync(admin, slug) }, "area"),
            "archiveArea" => ("mutation($a: ID!) { archiveArea(input: { area: $a }) { area { id } " + Errors + " } }", new { a = await AreaAsync(admin, slug) }, "area"),
            "moveArea" => ("mutation($a: ID!, $p: ID!) { moveArea(input: { area: $a, parent: $p }) { area { id } " + Errors + " } }",
                new { a = await AreaAsync(admin, slug + "a"), p = await AreaAsync(admin, slug + "p") }, "area"),
            "scheduleProposal" or "returnProposal" or "declineProposal" =>
                ($"mutation($p: ID!) {{ {mutation}(input: {{ proposal: $p, reason: \"r\" }}) {{ proposal {{ status }} {Errors} }} }}", new { p = P(OnAgenda(await ProposalAsync(tag))) }, "proposal"),
            "mergeProposal" => ("mutation($p: ID!, $i: ID!) { mergeProposal(input: { proposal: $p, into: $i, reason: \"r\" }) { proposal { status } " + Errors + " } }",
                new { p = P(OnAgenda(await ProposalAsync(tag))), i = P(await ProposalAsync(tag + " (into)")) }, "proposal"),
            "hideContent" => ("mutation($t: ID!) { hideContent(input: { target: $t, reason: \"matrix\" }) { hidden { reason } " + Errors + " } }", new { t = P(await ProposalAsync(tag)) }, "hidden"),
            "decideReport" => ("mutation($t: ID!) { decideReport(input: { target: $t, restore: false, reason: \"matrix\" }) { hidden { reason } " + Errors + " } }", new { t = P(await ReportedAsync(tag)) }, "hidden"),
            "decideModeratorReview" => ("mutation($r: ID!) { decideModeratorReview(input: { review: $r, restore: true, reason: \"matrix\" }) { review { restored } " + Errors + " } }",
                new { r = AReview(10 + Array.IndexOf(Roles, role)) }, "review"),
            _ => throw new InvalidOperationException($"{mutation} has a row in the matrix but no request: add one here."),
        };
    }

    /// <summary>A fresh area under the root, made by the admin.</summary>
    private async Task<string> AreaAsync(Actor admin, string slug)
    {
        var created = (await admin.DataAsync("mutation($s: String!, $p: ID) { createArea(input: { slug: $s, name: $s, parent: $p }) { area { id } " + Errors + " } }",
            new { s = slug, p = SchemaFixture.Id("Area", fixture.App.RootArea()) })).GetProperty("createArea");
        return created.GetProperty("area").GetProperty("id").GetString()!;
    }

    private async Task<long> ProposalAsync(string title)
    {
        var id = (await fixture.Author.DataAsync("mutation($a: ID!, $t: String!) { propose(input: { area: $a, title: $t, body: \"b\" }) { proposal { id } } }",
            new { a = SchemaFixture.Id("Area", fixture.App.RootArea()), t = title })).GetProperty("propose").GetProperty("proposal").GetProperty("id").GetString()!;
        Assert.True(Governance.GraphQL.Relay.GlobalId.TryDecode(id, out _, out var local));
        return long.Parse(local, System.Globalization.CultureInfo.InvariantCulture);
    }

    private long OnAgenda(long id)
    {
        using var connection = fixture.App.Database.Open();
        connection.Execute("UPDATE proposals SET status = 'on_agenda', on_agenda_at = @now WHERE id = @id", new { id, now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() });
        return id;
    }

    /// <summary>A proposal a member reported, waiting in the moderators' queue.</summary>
    private async Task<long> ReportedAsync(string title)
    {
        var id = await ProposalAsync(title);
        var reported = (await fixture.Actors["member"].DataAsync("mutation($t: ID!) { report(input: { target: $t, reason: \"spam\" }) { " + Errors + " } }",
            new { t = SchemaFixture.Id("Proposal", id) })).GetProperty("report");
        Assert.Empty(reported.Codes());
        return id;
    }

    /// <summary>An open review of a (demo) member's moderator role, as metamoderation opens one.</summary>
    private string AReview(int member)
    {
        using var connection = fixture.App.Database.Open();
        var id = connection.ExecuteScalar<long>(
            "INSERT INTO moderator_reviews (member_id, suspended_at, fair_share, judgements) VALUES (@m, @now, 0.2, 10) RETURNING id",
            new { m = fixture.App.DemoMember(member), now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() });
        return SchemaFixture.Id("ModeratorReview", id);
    }

    private string AnInvitation()
    {
        var membership = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<Governance.Core.Accounts.MembershipService>(fixture.App.Factory.Services);
        return SchemaFixture.Id("Invitation", membership.CreateInvitation(fixture.Actors["admin"].MemberId!.Value, "to revoke", 7).Invitation.Id);
    }
}
