using System.Text.Json;

namespace Governance.Api.Tests.Schema;

/// <summary>Admins rename and archive areas and set policies with typed values, as a third-party client would.</summary>
public sealed class AreaAdminMutationTests(SchemaFixture fixture) : IClassFixture<SchemaFixture>
{
    private const string Errors = "errors { __typename ... on UserError { code message field } }";

    private async Task<string> NewAreaAsync(Actor admin, string slug)
    {
        var created = (await admin.DataAsync($"mutation {{ createArea(input: {{ slug: \"{slug}\", name: \"{slug}\" }}) {{ area {{ id }} {Errors} }} }}")).GetProperty("createArea");
        return created.GetProperty("area").GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task AnArchivedAreaTakesNoNewProposalsUntilRestoredAndARenameKeepsItsId()
    {
        var admin = await fixture.MemberAsync("area-admin", "admin");
        var member = await fixture.MemberAsync("area-member");
        var area = await NewAreaAsync(admin, "allotments");

        var renamed = (await admin.DataAsync($"mutation($a: ID!) {{ renameArea(input: {{ area: $a, name: \"Allotments and gardens\" }}) {{ area {{ id name slug }} {Errors} }} }}", new { a = area })).GetProperty("renameArea");
        Assert.Equal(area, renamed.GetProperty("area").GetProperty("id").GetString());
        Assert.Equal("Allotments and gardens", renamed.GetProperty("area").GetProperty("name").GetString());
        Assert.Equal("allotments", renamed.GetProperty("area").GetProperty("slug").GetString());

        var archived = (await admin.DataAsync($"mutation($a: ID!) {{ archiveArea(input: {{ area: $a }}) {{ area {{ archived archivedAt }} {Errors} }} }}", new { a = area })).GetProperty("archiveArea");
        Assert.True(archived.GetProperty("area").GetProperty("archived").GetBoolean());

        const string propose = "mutation($a: ID!) { propose(input: { area: $a, title: \"More benches\", body: \"Two benches by the pond.\" }) { proposal { id } errors { __typename ... on UserError { code message field } } } }";
        var refused = (await member.DataAsync(propose, new { a = area })).GetProperty("propose");
        Assert.Equal(JsonValueKind.Null, refused.GetProperty("proposal").ValueKind);
        Assert.Equal("area", refused.GetProperty("errors")[0].GetProperty("field").GetString());
        Assert.Contains("archived", refused.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);

        var again = (await admin.DataAsync($"mutation($a: ID!) {{ archiveArea(input: {{ area: $a }}) {{ area {{ id }} {Errors} }} }}", new { a = area })).GetProperty("archiveArea");
        Assert.Equal("area", again.GetProperty("errors")[0].GetProperty("field").GetString());

        await admin.DataAsync($"mutation($a: ID!) {{ archiveArea(input: {{ area: $a, archived: false }}) {{ area {{ archived }} {Errors} }} }}", new { a = area });
        var accepted = (await member.DataAsync(propose, new { a = area })).GetProperty("propose");
        Assert.Equal(JsonValueKind.String, accepted.GetProperty("proposal").GetProperty("id").ValueKind);
    }

    [Fact]
    public async Task ABadRenameIsRefusedNamingTheFieldAndWritesNothing()
    {
        var admin = await fixture.MemberAsync("area-admin-2", "admin");
        var area = await NewAreaAsync(admin, "orchards");
        var events = fixture.EventCount();

        var empty = (await admin.DataAsync($"mutation($a: ID!) {{ renameArea(input: {{ area: $a, name: \"  \" }}) {{ area {{ id }} {Errors} }} }}", new { a = area })).GetProperty("renameArea");
        var unknown = (await admin.DataAsync($"mutation {{ renameArea(input: {{ area: \"nope\", name: \"X\" }}) {{ area {{ id }} {Errors} }} }}")).GetProperty("renameArea");

        Assert.Equal("name", empty.GetProperty("errors")[0].GetProperty("field").GetString());
        Assert.Equal("NotFoundError", unknown.GetProperty("errors")[0].GetProperty("__typename").GetString());
        Assert.Equal("area", unknown.GetProperty("errors")[0].GetProperty("field").GetString());
        Assert.Equal(events, fixture.EventCount());
    }

    [Fact]
    public async Task TypedPolicyValuesOverrideInAnAreaShowTheirSourceAndInheritAgain()
    {
        var admin = await fixture.MemberAsync("area-admin-3", "admin");
        var area = await NewAreaAsync(admin, "ponds");

        var set = (await admin.DataAsync($"mutation($a: ID!) {{ setPolicy(input: {{ area: $a, values: {{ votingDays: 10, privacy: PUBLIC }} }}) {{ version policyInForce {{ votingDays privacy sources {{ field origin }} }} {Errors} }} }}", new { a = area })).GetProperty("setPolicy");
        var policy = set.GetProperty("policyInForce");
        Assert.Equal(10, policy.GetProperty("votingDays").GetDouble());
        Assert.Equal("PUBLIC", policy.GetProperty("privacy").GetString());
        Assert.Equal("AREA", policy.GetProperty("sources").EnumerateArray().Single(s => s.GetProperty("field").GetString() == "votingDays").GetProperty("origin").GetString());

        var inherited = (await admin.DataAsync($"mutation($a: ID!) {{ setPolicy(input: {{ area: $a, inherit: [\"votingDays\"] }}) {{ policyInForce {{ votingDays sources {{ field origin }} }} {Errors} }} }}", new { a = area })).GetProperty("setPolicy");
        Assert.Equal("ORGANISATION", inherited.GetProperty("policyInForce").GetProperty("sources").EnumerateArray().Single(s => s.GetProperty("field").GetString() == "votingDays").GetProperty("origin").GetString());

        var events = fixture.EventCount();
        var bad = (await admin.DataAsync($"mutation($a: ID!) {{ setPolicy(input: {{ area: $a, values: {{ majority: 7 }} }}) {{ version {Errors} }} }}", new { a = area })).GetProperty("setPolicy");
        Assert.Equal("values.majority", bad.GetProperty("errors")[0].GetProperty("field").GetString());
        var nothing = (await admin.DataAsync($"mutation {{ setPolicy(input: {{ }}) {{ version {Errors} }} }}")).GetProperty("setPolicy");
        Assert.Equal("values", nothing.GetProperty("errors")[0].GetProperty("field").GetString());
        Assert.Equal(events, fixture.EventCount());
    }

    [Theory]
    [InlineData("anonymous", "UNAUTHENTICATED")]
    [InlineData("member", "FORBIDDEN")]
    [InlineData("moderator", "FORBIDDEN")]
    [InlineData("token", "FORBIDDEN")]
    [InlineData("admin's token", "SESSION_REQUIRED")]
    [InlineData("admin", null)]
    public async Task OnlyAnAdminsSessionRenamesOrArchivesAnArea(string who, string? refusal)
    {
        var tag = who.Replace(" ", "-").Replace("'", "");
        var admin = await fixture.MemberAsync("am-admin-" + tag, "admin");
        var area = await NewAreaAsync(admin, "matrix-" + tag);
        var actor = who switch
        {
            "anonymous" => fixture.Anonymous,
            "member" => await fixture.MemberAsync("am-member-" + tag),
            "moderator" => await fixture.MemberAsync("am-mod-" + tag, "moderator"),
            "token" => await fixture.TokenAsync(await fixture.MemberAsync("am-owner-" + tag), "t", "read", "vote", "delegate", "propose", "moderate"),
            "admin's token" => await fixture.TokenAsync(admin, "admin-t", "read", "vote", "delegate", "propose", "moderate"),
            _ => admin,
        };

        var rename = (await actor.DataAsync($"mutation($a: ID!) {{ renameArea(input: {{ area: $a, name: \"Renamed\" }}) {{ area {{ id }} {Errors} }} }}", new { a = area })).GetProperty("renameArea");
        var archive = (await actor.DataAsync($"mutation($a: ID!) {{ archiveArea(input: {{ area: $a }}) {{ area {{ id }} {Errors} }} }}", new { a = area })).GetProperty("archiveArea");

        Assert.Equal(refusal is null ? [] : [refusal], rename.Codes());
        Assert.Equal(refusal is null ? [] : [refusal], archive.Codes());
    }
}
