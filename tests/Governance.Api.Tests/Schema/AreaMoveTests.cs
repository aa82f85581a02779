using System.Text.Json;
using Dapper;

namespace Governance.Api.Tests.Schema;

/// <summary>moveArea as a third-party client sends it: the tree changes, the log says so, and every bad move is refused naming its field.</summary>
public sealed class AreaMoveTests(SchemaFixture fixture) : IClassFixture<SchemaFixture>
{
    private const string Errors = "errors { __typename ... on UserError { code message field } }";
    private const string Move = "mutation($a: ID!, $p: ID!) { moveArea(input: { area: $a, parent: $p }) { area { id parent { id } } " + Errors + " } }";

    private static async Task<string> NewAreaAsync(Actor admin, string slug, string? parent = null)
    {
        var created = (await admin.DataAsync($"mutation($p: ID) {{ createArea(input: {{ slug: \"{slug}\", name: \"{slug}\", parent: $p }}) {{ area {{ id }} {Errors} }} }}", new { p = parent })).GetProperty("createArea");
        return created.GetProperty("area").GetProperty("id").GetString()!;
    }

    private static async Task<JsonElement> MoveAsync(Actor actor, string area, string parent) =>
        (await actor.DataAsync(Move, new { a = area, p = parent })).GetProperty("moveArea");

    [Fact]
    public async Task AMovedAreaHangsUnderItsNewParentTakesItsPolicyAndIsInTheLog()
    {
        var admin = await fixture.MemberAsync("move-admin", "admin");
        var root = await NewAreaAsync(admin, "mv-root");
        var transport = await NewAreaAsync(admin, "mv-transport", root);
        var cycling = await NewAreaAsync(admin, "mv-cycling", root);
        var lanes = await NewAreaAsync(admin, "mv-lanes", cycling);
        await admin.DataAsync($"mutation($a: ID!) {{ setPolicy(input: {{ area: $a, values: {{ votingDays: 11 }} }}) {{ version {Errors} }} }}", new { a = transport });

        var moved = await MoveAsync(admin, cycling, transport);

        Assert.Empty(moved.Codes());
        Assert.Equal(transport, moved.GetProperty("area").GetProperty("parent").GetProperty("id").GetString());
        // The sub-area came along, and takes the new chain's policy for what is opened from now on.
        var policy = (await admin.DataAsync("query($a: ID) { policyInForce(area: $a) { votingDays sources { field origin area { id } } } }", new { a = lanes })).GetProperty("policyInForce");
        Assert.Equal(11, policy.GetProperty("votingDays").GetDouble());
        Assert.Equal(transport, policy.GetProperty("sources").EnumerateArray().Single(s => s.GetProperty("field").GetString() == "votingDays").GetProperty("area").GetProperty("id").GetString());
        using var connection = fixture.Database.Open();
        var entry = connection.QuerySingle<string>("SELECT payload FROM event_log WHERE type = 'area.moved' ORDER BY seq DESC LIMIT 1");
        using var payload = JsonDocument.Parse(entry);
        Assert.Equal(SchemaFixture.Id("Area", payload.RootElement.GetProperty("areaId").GetInt64()), cycling);
        Assert.Equal(SchemaFixture.Id("Area", payload.RootElement.GetProperty("oldParentId").GetInt64()), root);
    }

    [Fact]
    public async Task CyclesRootsAndArchivedAreasAreRefusedNamingTheFieldAndWriteNothing()
    {
        var admin = await fixture.MemberAsync("move-admin-2", "admin");
        var root = await NewAreaAsync(admin, "mv2-root");
        var a = await NewAreaAsync(admin, "mv2-a", root);
        var a1 = await NewAreaAsync(admin, "mv2-a1", a);
        var b = await NewAreaAsync(admin, "mv2-b", root);
        var shut = await NewAreaAsync(admin, "mv2-shut", root);
        await admin.DataAsync($"mutation($a: ID!) {{ archiveArea(input: {{ area: $a }}) {{ area {{ id }} {Errors} }} }}", new { a = shut });
        var events = fixture.EventCount();

        Assert.Equal(("AREA_CYCLE", "parent"), Refusal(await MoveAsync(admin, a, a1)));
        Assert.Equal(("AREA_CYCLE", "parent"), Refusal(await MoveAsync(admin, a, a)));
        Assert.Equal(("ROOT_AREA", "area"), Refusal(await MoveAsync(admin, root, b)));
        Assert.Equal(("UNCHANGED", "parent"), Refusal(await MoveAsync(admin, a, root)));
        Assert.Equal(("AREA_ARCHIVED", "area"), Refusal(await MoveAsync(admin, shut, b)));
        Assert.Equal(("AREA_ARCHIVED", "parent"), Refusal(await MoveAsync(admin, a, shut)));
        Assert.Equal(("UNKNOWN_AREA", "parent"), Refusal(await MoveAsync(admin, a, "nope")));
        Assert.Equal(("UNKNOWN_AREA", "area"), Refusal(await MoveAsync(admin, "nope", b)));
        Assert.Equal(events, fixture.EventCount());
    }

    [Fact]
    public async Task AnAreaWithAVoteRunningInItOrUnderItStaysUntilTheClose()
    {
        var admin = await fixture.MemberAsync("move-admin-3", "admin");
        var member = await fixture.MemberAsync("move-member-3");
        var root = await NewAreaAsync(admin, "mv3-root");
        var a = await NewAreaAsync(admin, "mv3-a", root);
        var a1 = await NewAreaAsync(admin, "mv3-a1", a);
        var b = await NewAreaAsync(admin, "mv3-b", root);
        var proposed = (await member.DataAsync("mutation($a: ID!) { propose(input: { area: $a, title: \"Night buses\", body: \"Buses every hour at night.\" }) { proposal { id } " + Errors + " } }", new { a = a1 })).GetProperty("propose");
        Assert.Empty(proposed.Codes());
        long id;
        using (var connection = fixture.Database.Open())
        {
            id = connection.QuerySingle<long>("SELECT id FROM proposals WHERE title = 'Night buses'");
            connection.Execute("UPDATE proposals SET status = 'voting', voting_starts_at = @start, voting_ends_at = @end WHERE id = @id",
                new { id, start = DateTimeOffset.UtcNow.AddDays(-1).ToUnixTimeMilliseconds(), end = DateTimeOffset.UtcNow.AddDays(1).ToUnixTimeMilliseconds() });
        }

        var events = fixture.EventCount();
        var refused = await MoveAsync(admin, a, b);

        Assert.Equal(("VOTE_RUNNING", "area"), Refusal(refused));
        Assert.Contains("Night buses", refused.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(events, fixture.EventCount());

        using (var connection = fixture.Database.Open())
        {
            connection.Execute("UPDATE proposals SET status = 'accepted' WHERE id = @id", new { id });
        }

        Assert.Empty((await MoveAsync(admin, a, b)).Codes());
    }

    [Theory]
    [InlineData("anonymous", "UNAUTHENTICATED")]
    [InlineData("member", "FORBIDDEN")]
    [InlineData("moderator", "FORBIDDEN")]
    [InlineData("admin's token", "SESSION_REQUIRED")]
    public async Task OnlyAnAdminsSessionMovesAnAreaAndHearsThatBeforeAnythingElse(string who, string refusal)
    {
        var tag = who.Replace(" ", "-").Replace("'", "");
        var admin = await fixture.MemberAsync("mv-admin-" + tag, "admin");
        var root = await NewAreaAsync(admin, "mv4-root-" + tag);
        var a = await NewAreaAsync(admin, "mv4-a-" + tag, root);
        var b = await NewAreaAsync(admin, "mv4-b-" + tag, root);
        var actor = who switch
        {
            "anonymous" => fixture.Anonymous,
            "member" => await fixture.MemberAsync("mv-member-" + tag),
            "moderator" => await fixture.MemberAsync("mv-mod-" + tag, "moderator"),
            _ => await fixture.TokenAsync(admin, "admin-t", "read", "vote", "delegate", "propose", "moderate"),
        };

        Assert.Equal([refusal], (await MoveAsync(actor, a, b)).Codes());
        Assert.Equal([refusal], (await MoveAsync(actor, a, "nope")).Codes());
    }

    private static (string Code, string Field) Refusal(JsonElement payload)
    {
        Assert.Equal(JsonValueKind.Null, payload.GetProperty("area").ValueKind);
        var error = Assert.Single(payload.GetProperty("errors").EnumerateArray());
        return (error.GetProperty("code").GetString()!, error.GetProperty("field").GetString()!);
    }
}
