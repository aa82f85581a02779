using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Governance.Api.Tests.Schema;

namespace Governance.Api.Tests;

/// <summary>Who may vote, over REST and GraphQL as a third-party client would use it.</summary>
public sealed class MembershipApiTests
{
    private const string Errors = "errors { __typename ... on UserError { code message field } }";

    [Fact]
    public async Task ANewProductionDatabaseRegistersByInvitationAfterItsFoundingAdmin()
    {
        using var factory = new GovernanceApiFactory { Settings = { ["Demo:SeedOnEmptyDatabase"] = "false", ["RateLimits:SignInAttemptsPerMinute"] = "1000" } };
        using var founderClient = ApiClient.CreateCookieClient(factory);
        var founder = await founderClient.PostAsJsonAsync("/api/account/register", new { handle = "founder", displayName = "Founder", email = "founder@example.org", password = ApiClient.Password });
        var founderSession = await founder.JsonAsync();
        var founderMember = founderSession.GetProperty("member");
        founderClient.DefaultRequestHeaders.Add("X-CSRF-Token", founderSession.GetProperty("csrfToken").GetString());

        using var stranger = factory.CreateClient();
        var refused = await stranger.PostAsJsonAsync("/api/account/register", new { handle = "stranger", displayName = "S", email = "s@example.org", password = ApiClient.Password });

        Assert.Equal(HttpStatusCode.Created, founder.StatusCode);
        Assert.Contains("admin", founderMember.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True((await refused.JsonAsync()).GetProperty("errors").TryGetProperty("invitationCode", out _));

        var admin = new Actor("founder", founderClient, founderMember.GetProperty("id").GetInt64());
        Assert.Equal("invite", JsonDocument.Parse((await admin.DataAsync("{ policy }")).GetProperty("policy").GetString()!).RootElement.GetProperty("registration").GetString());
        var created = (await admin.DataAsync($"mutation {{ createInvitation(input: {{ note: \"treasurer\", expiresInDays: 3 }}) {{ code invitation {{ id status note }} {Errors} }} }}")).GetProperty("createInvitation");
        var code = created.GetProperty("code").GetString()!;
        Assert.Equal("OPEN", created.GetProperty("invitation").GetProperty("status").GetString());

        using var invitee = ApiClient.CreateCookieClient(factory);
        var registered = await invitee.PostAsJsonAsync("/api/account/register", new { handle = "invitee", displayName = "I", email = "i@example.org", password = ApiClient.Password, invitationCode = code });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        Assert.True((await registered.JsonAsync()).GetProperty("member").GetProperty("votingRight").GetBoolean());
        var list = (await admin.DataAsync("{ invitations { status usedBy { handle } } }")).GetProperty("invitations");
        Assert.Equal("USED", list[0].GetProperty("status").GetString());
        Assert.Equal("invitee", list[0].GetProperty("usedBy").GetProperty("handle").GetString());
        Assert.Equal(JsonValueKind.Null, (await new Actor("anonymous", stranger, null).DataAsync("{ invitations { id } }")).GetProperty("invitations").ValueKind);
    }

    [Fact]
    public async Task TheRegistryImportRefusesAMalformedLineByNumberAndItsDryRunChangesNothing()
    {
        var fixture = new SchemaFixture();
        await fixture.InitializeAsync();
        try
        {
            var admin = await fixture.MemberAsync("reg-admin", "admin");
            const string Import = "mutation($c: String!, $d: Boolean) { importRegistry(input: { csv: $c, dryRun: $d }) { report { dryRun lines added updated unchanged changes { memberNumber line added changedFields } } " + Errors + " } }";
            var events = fixture.EventCount();

            var malformed = (await admin.DataAsync(Import, new { c = "member_number,email,name,status\n1,a@example.org,A,active\n2,b@example.org,B\n", d = false })).GetProperty("importRegistry");
            var dry = (await admin.DataAsync(Import, new { c = "member_number,email,name,status\n1,a@example.org,A,active\n", d = true })).GetProperty("importRegistry");
            Assert.Equal(events, fixture.EventCount());
            var real = (await admin.DataAsync(Import, new { c = "member_number,email,name,status\n1,a@example.org,A,active\n", d = false })).GetProperty("importRegistry");

            var error = Assert.Single(malformed.GetProperty("errors").EnumerateArray());
            Assert.Equal(("ValidationError", "MALFORMED_CSV", "csv"), (error.GetProperty("__typename").GetString(), error.GetProperty("code").GetString(), error.GetProperty("field").GetString()));
            Assert.StartsWith("line 3:", error.GetProperty("message").GetString(), StringComparison.Ordinal);
            Assert.True(dry.GetProperty("report").GetProperty("dryRun").GetBoolean());
            Assert.Equal(1, dry.GetProperty("report").GetProperty("added").GetInt32());
            Assert.Equal(dry.GetProperty("report").GetProperty("changes").GetRawText(), real.GetProperty("report").GetProperty("changes").GetRawText());
            Assert.Equal(events + 1, fixture.EventCount());
        }
        finally
        {
            await fixture.DisposeAsync();
        }
    }

    [Fact]
    public async Task RegistrationIsOrganisationWideAndAMemberReadsWhyTheyCannotVote()
    {
        var fixture = new SchemaFixture();
        await fixture.InitializeAsync();
        try
        {
            var admin = await fixture.MemberAsync("pol-admin", "admin");
            var area = SchemaFixture.Id("Area", fixture.RootArea());
            var perArea = (await admin.DataAsync("mutation($a: ID) { setPolicy(input: { area: $a, changes: \"{\\\"registration\\\":\\\"open\\\"}\" }) { policy " + Errors + " } }", new { a = area })).GetProperty("setPolicy");
            var registry = (await admin.DataAsync("mutation { setPolicy(input: { changes: \"{\\\"registration\\\":\\\"registry\\\"}\" }) { policy " + Errors + " } }")).GetProperty("setPolicy");
            var unmatched = await fixture.MemberAsync("pol-unmatched");

            Assert.Equal("INVALID_POLICY", perArea.GetProperty("errors")[0].GetProperty("code").GetString());
            Assert.Equal(JsonValueKind.Null, registry.GetProperty("errors").ValueKind);
            var viewer = (await unmatched.DataAsync("{ viewer { votingRightReason member { votingRight } } }")).GetProperty("viewer");
            Assert.False(viewer.GetProperty("member").GetProperty("votingRight").GetBoolean());
            Assert.Contains("membership register", viewer.GetProperty("votingRightReason").GetString(), StringComparison.Ordinal);
        }
        finally
        {
            await fixture.DisposeAsync();
        }
    }
}
