using System.Text.Json;
using Dapper;
using Governance.Core.Clock;
using Governance.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Api.Tests.Schema;

/// <summary>
/// What a member needs to see the rules they act under (issue 22): the typed Policy with where
/// each value comes from, a declined proposal's appeal, and what they may still endorse.
/// </summary>
public sealed class RulesInSightTests(SchemaFixture fixture) : IClassFixture<SchemaFixture>
{
    private const string PolicyFields = "viscosity majority privacy maxDelegates votingDays levelThresholds area { id } sources { field origin area { id } since }";

    private const string SetPolicy = "mutation($a: ID, $c: String!) { setPolicy(input: { area: $a, changes: $c }) { policyInForce { viscosity privacy } errors { __typename ... on UserError { code message } } } }";

    [Fact]
    public async Task EveryPolicyValueIsTypedAndNamesTheAreaThatSetsItWhileAProposalKeepsTheRulesItOpenedUnder()
    {
        var admin = await fixture.MemberAsync("rs-admin", "admin");
        var author = await fixture.MemberAsync("rs-author");
        var root = fixture.RootArea();
        long child;
        using (var connection = fixture.Database.Open())
        {
            child = connection.ExecuteScalar<long>("SELECT id FROM areas WHERE parent_id = @root ORDER BY id LIMIT 1", new { root });
        }

        const string Propose = "mutation($a: ID!, $t: String!) { propose(input: { area: $a, title: $t, body: \"b\" }) { proposal { id } } }";
        var before = (await author.DataAsync(Propose, new { a = SchemaFixture.Id("Area", child), t = "Opened before the change" })).GetProperty("propose").GetProperty("proposal").GetProperty("id").GetString();

        // The root area overrides viscosity and privacy; the child inherits them from it.
        var set = (await admin.DataAsync(SetPolicy, new { a = SchemaFixture.Id("Area", root), c = """{"viscosity": 0.8, "privacy": "public"}""" })).GetProperty("setPolicy");
        var after = (await author.DataAsync(Propose, new { a = SchemaFixture.Id("Area", child), t = "Opened after the change" })).GetProperty("propose").GetProperty("proposal").GetProperty("id").GetString();

        var read = await fixture.Anonymous.DataAsync(
            $"query($c: ID!, $before: ID!, $after: ID!) {{ policyInForce {{ {PolicyFields} }} area(id: $c) {{ policy {{ {PolicyFields} }} }} before: proposal(id: $before) {{ policy {{ {PolicyFields} }} }} after: proposal(id: $after) {{ policy {{ {PolicyFields} }} }} }}",
            new { c = SchemaFixture.Id("Area", child), before, after });

        Assert.True(set.GetProperty("errors").ValueKind == JsonValueKind.Null, set.GetRawText());
        Assert.Equal((0.8, "PUBLIC"), (set.GetProperty("policyInForce").GetProperty("viscosity").GetDouble(), set.GetProperty("policyInForce").GetProperty("privacy").GetString()));

        var organisation = read.GetProperty("policyInForce");
        Assert.Equal(JsonValueKind.Null, organisation.GetProperty("area").ValueKind);
        Assert.Equal((1.0, "DELEGATES_PUBLIC", 3), (organisation.GetProperty("viscosity").GetDouble(), organisation.GetProperty("privacy").GetString(), organisation.GetProperty("maxDelegates").GetInt32()));
        Assert.Equal([10.0, 25.0, 40.0], organisation.GetProperty("levelThresholds").EnumerateArray().Select(v => v.GetDouble()));
        Assert.Equal(("ORGANISATION", JsonValueKind.Null), Source(organisation, "viscosity"));

        var area = read.GetProperty("area").GetProperty("policy");
        Assert.Equal(SchemaFixture.Id("Area", child), area.GetProperty("area").GetProperty("id").GetString());
        Assert.Equal((0.8, "PUBLIC", 0.5), (area.GetProperty("viscosity").GetDouble(), area.GetProperty("privacy").GetString(), area.GetProperty("majority").GetDouble()));
        Assert.Equal(("AREA", JsonValueKind.String), Source(area, "viscosity"));
        Assert.Equal(SchemaFixture.Id("Area", root), Sources(area)["viscosity"].GetProperty("area").GetProperty("id").GetString());
        Assert.Equal(("AREA", JsonValueKind.String), Source(area, "privacy"));
        Assert.Equal(("ORGANISATION", JsonValueKind.Null), Source(area, "majority"));
        Assert.Equal(("FIXED", JsonValueKind.Null), Source(area, "maxDelegates"));

        // Every value field has exactly one source (the JSON string also carries "tally", a derived copy of four values).
        var valueFields = JsonDocument.Parse((await fixture.Anonymous.DataAsync("{ policy }")).GetProperty("policy").GetString()!).RootElement.EnumerateObject()
            .Select(p => p.Name).Where(n => n != "tally").Append("maxDelegates").Order(StringComparer.Ordinal);
        Assert.Equal(valueFields, Sources(area).Keys.Order(StringComparer.Ordinal));

        // DESIGN §6: a change applies to proposals opened after it.
        var frozen = read.GetProperty("before").GetProperty("policy");
        Assert.Equal((1.0, "DELEGATES_PUBLIC"), (frozen.GetProperty("viscosity").GetDouble(), frozen.GetProperty("privacy").GetString()));
        Assert.Equal(("ORGANISATION", JsonValueKind.Null), Source(frozen, "viscosity"));
        var later = read.GetProperty("after").GetProperty("policy");
        Assert.Equal((0.8, "PUBLIC"), (later.GetProperty("viscosity").GetDouble(), later.GetProperty("privacy").GetString()));
        Assert.Equal(("AREA", JsonValueKind.String), Source(later, "viscosity"));

        // The JSON string stays for third parties, marked deprecated.
        var deprecated = (await fixture.Anonymous.DataAsync("{ __type(name: \"Query\") { fields(includeDeprecated: true) { name isDeprecated deprecationReason } } }"))
            .GetProperty("__type").GetProperty("fields").EnumerateArray().Single(f => f.GetProperty("name").GetString() == "policy");
        Assert.True(deprecated.GetProperty("isDeprecated").GetBoolean());
        Assert.Contains("policyInForce", deprecated.GetProperty("deprecationReason").GetString(), StringComparison.Ordinal);
        var json = JsonDocument.Parse((await fixture.Anonymous.DataAsync("query($a: ID) { policy(area: $a) }", new { a = SchemaFixture.Id("Area", child) })).GetProperty("policy").GetString()!).RootElement;
        Assert.Equal(0.8, json.GetProperty("viscosity").GetDouble());
    }

    [Fact]
    public async Task AnEndorserSeesTheEndorsementsLeftThisWeekAndWhomTheyMayNotEndorseAgainYet()
    {
        var ann = await fixture.MemberAsync("rs-ann");
        var bob = await fixture.MemberAsync("rs-bob");
        const string Allowance = "{ viewer { endorsementAllowance { perWeek left nextFreeAt sameMemberDays recent { member { handle } at againAt } } } }";
        const string Endorse = "mutation($m: ID!) { endorse(input: { member: $m }) { karmaAwarded errors { __typename ... on UserError { code field } } } }";

        var fresh = (await ann.DataAsync(Allowance)).GetProperty("viewer").GetProperty("endorsementAllowance");
        var given = (await ann.DataAsync(Endorse, new { m = SchemaFixture.Id("Member", bob.MemberId!.Value) })).GetProperty("endorse");
        var afterOne = (await ann.DataAsync(Allowance)).GetProperty("viewer").GetProperty("endorsementAllowance");
        var again = (await ann.DataAsync(Endorse, new { m = SchemaFixture.Id("Member", bob.MemberId!.Value) })).GetProperty("endorse");
        var self = (await ann.DataAsync(Endorse, new { m = SchemaFixture.Id("Member", ann.MemberId!.Value) })).GetProperty("endorse");
        var afterRefusals = (await ann.DataAsync(Allowance)).GetProperty("viewer").GetProperty("endorsementAllowance");

        Assert.Equal((5, 5, JsonValueKind.Null, 30.0, 0), (fresh.GetProperty("perWeek").GetInt32(), fresh.GetProperty("left").GetInt32(), fresh.GetProperty("nextFreeAt").ValueKind, fresh.GetProperty("sameMemberDays").GetDouble(), fresh.GetProperty("recent").GetArrayLength()));
        Assert.True(given.GetProperty("errors").ValueKind == JsonValueKind.Null, given.GetRawText());
        Assert.Equal(4, afterOne.GetProperty("left").GetInt32());
        var recent = Assert.Single(afterOne.GetProperty("recent").EnumerateArray());
        Assert.Equal("rs-bob", recent.GetProperty("member").GetProperty("handle").GetString());
        var at = recent.GetProperty("at").GetDateTimeOffset();
        Assert.Equal(at.AddDays(30), recent.GetProperty("againAt").GetDateTimeOffset());
        Assert.Equal(at.AddDays(7), afterOne.GetProperty("nextFreeAt").GetDateTimeOffset());

        // Refusals name the input at fault, so the web client shows them beside it, and change nothing.
        Assert.Equal(("ENDORSEMENT_PAIR_LIMIT", "member"), (again.Codes().Single(), again.GetProperty("errors")[0].GetProperty("field").GetString()));
        Assert.Equal(("SELF_ENDORSEMENT", "member"), (self.Codes().Single(), self.GetProperty("errors")[0].GetProperty("field").GetString()));
        Assert.Equal(4, afterRefusals.GetProperty("left").GetInt32());
        Assert.Single(afterRefusals.GetProperty("recent").EnumerateArray());
    }

    [Fact]
    public async Task ADeclinedProposalShowsItsAppealWhileOpenAndTheOutcomeInItsHistory()
    {
        // A small organisation: the agenda quorum is its minimum of 10 points, an appeal's target 20.
        using var factory = new GovernanceApiFactory { DemoMembers = 10, Settings = { ["Clock:Enabled"] = "false", ["RateLimits:SignInAttemptsPerMinute"] = "1000" } };
        var database = factory.Services.GetRequiredService<Database>();
        var supporters = new List<Actor>();
        foreach (var handle in new[] { "ap-sup1", "ap-sup2", "ap-sup3" })
        {
            supporters.Add(await Register(factory, handle));
        }

        var moderator = await Register(factory, "ap-mod");
        using (var connection = database.Open())
        {
            // Only the supporters hold more than the level 0 allowance: the quorum stays at its minimum.
            connection.Execute("UPDATE members SET karma = CASE WHEN handle LIKE 'ap-sup%' THEN 45 ELSE 0 END, karma_at = @now", new { now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() });
            connection.Execute("INSERT INTO member_roles (member_id, role) VALUES (@id, 'moderator') ON CONFLICT DO NOTHING", new { id = moderator.MemberId });
        }

        var area = (await moderator.DataAsync("{ areas { id } }")).GetProperty("areas")[0].GetProperty("id").GetString();
        async Task<string> DeclinedAsync(string title)
        {
            var id = (await supporters[0].DataAsync("mutation($a: ID!, $t: String!) { propose(input: { area: $a, title: $t, body: \"b\" }) { proposal { id } } }", new { a = area, t = title }))
                .GetProperty("propose").GetProperty("proposal").GetProperty("id").GetString()!;
            foreach (var s in supporters)
            {
                await SupportAsync(s, id, 8);
            }

            var declined = (await moderator.DataAsync("mutation($p: ID!) { declineProposal(input: { proposal: $p, reason: \"Not now\" }) { proposal { status } } }", new { p = id }))
                .GetProperty("declineProposal").GetProperty("proposal").GetProperty("status").GetString();
            Assert.Equal("DECLINED", declined);
            return id;
        }

        const string Read = "query($p: ID!) { proposal(id: $p) { status appealDeadline appeal { deadline outcome score supporterCount target minimumSupporters } statusHistory { status reason appealOutcome } } }";
        var upheld = await DeclinedAsync("Appealed and upheld");
        var lapsing = await DeclinedAsync("Appealed in vain");
        var declinedAt = DateTimeOffset.UtcNow;

        // During the window the support panel's mutation accepts support, and the appeal shows its progress.
        await SupportAsync(supporters[0], upheld, 8);
        await SupportAsync(supporters[1], upheld, 8);
        await SupportAsync(supporters[0], lapsing, 8);
        var pending = (await moderator.DataAsync(Read, new { p = upheld })).GetProperty("proposal");
        var appeal = pending.GetProperty("appeal");
        Assert.Equal("DECLINED", pending.GetProperty("status").GetString());
        Assert.Equal(pending.GetProperty("appealDeadline").GetDateTimeOffset(), appeal.GetProperty("deadline").GetDateTimeOffset());
        Assert.InRange(appeal.GetProperty("deadline").GetDateTimeOffset(), declinedAt.AddDays(14).AddMinutes(-1), declinedAt.AddDays(14).AddMinutes(1));
        Assert.Equal(("PENDING", 16, 2, 20.0, 3), (appeal.GetProperty("outcome").GetString(), appeal.GetProperty("score").GetInt32(), appeal.GetProperty("supporterCount").GetInt32(), appeal.GetProperty("target").GetDouble(), appeal.GetProperty("minimumSupporters").GetInt32()));

        // The third supporter carries it over twice the quorum: back on the agenda, and the history says why.
        await SupportAsync(supporters[2], upheld, 8);
        var back = (await moderator.DataAsync(Read, new { p = upheld })).GetProperty("proposal");
        Assert.Equal("ON_AGENDA", back.GetProperty("status").GetString());
        Assert.Equal("UPHELD", back.GetProperty("appeal").GetProperty("outcome").GetString());
        var last = back.GetProperty("statusHistory").EnumerateArray().Last();
        Assert.Equal(("ON_AGENDA", "UPHELD"), (last.GetProperty("status").GetString(), last.GetProperty("appealOutcome").GetString()));

        // The other's window closes short of the target: the decline stands, and the history says so.
        factory.Services.GetRequiredService<GovernanceClock>().RunDue(DateTimeOffset.UtcNow.AddDays(15));
        var lapsed = (await moderator.DataAsync(Read, new { p = lapsing })).GetProperty("proposal");
        Assert.Equal(("DECLINED", "LAPSED", 0), (lapsed.GetProperty("status").GetString(), lapsed.GetProperty("appeal").GetProperty("outcome").GetString(), lapsed.GetProperty("appeal").GetProperty("score").GetInt32()));
        var entries = lapsed.GetProperty("statusHistory").EnumerateArray().ToList();
        Assert.Equal(("DECLINED", "LAPSED"), (entries[^1].GetProperty("status").GetString(), entries[^1].GetProperty("appealOutcome").GetString()));
        Assert.Contains("8 points from 1 member", entries[^1].GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.All(entries.SkipLast(1), e => Assert.Equal(JsonValueKind.Null, e.GetProperty("appealOutcome").ValueKind));
        var refused = (await supporters[1].DataAsync("mutation($p: ID!) { support(input: { proposal: $p, points: 8 }) { errors { ... on UserError { code } } } }", new { p = lapsing })).GetProperty("support");
        Assert.Equal(["PROPOSAL_NOT_OPEN"], refused.Codes());

        // A proposal never declined has no appeal.
        var open = (await supporters[0].DataAsync("mutation($a: ID!) { propose(input: { area: $a, title: \"Never declined\", body: \"b\" }) { proposal { appealDeadline appeal { outcome } } } }", new { a = area }))
            .GetProperty("propose").GetProperty("proposal");
        Assert.Equal((JsonValueKind.Null, JsonValueKind.Null), (open.GetProperty("appealDeadline").ValueKind, open.GetProperty("appeal").ValueKind));
    }

    private static async Task SupportAsync(Actor member, string proposal, int points)
    {
        var support = (await member.DataAsync("mutation($p: ID!, $n: Int!) { support(input: { proposal: $p, points: $n }) { errors { ... on UserError { code message } } } }", new { p = proposal, n = points })).GetProperty("support");
        Assert.True(support.GetProperty("errors").ValueKind == JsonValueKind.Null, $"{member}: {support}");
    }

    private static async Task<Actor> Register(GovernanceApiFactory factory, string handle)
    {
        var client = ApiClient.CreateCookieClient(factory);
        var (id, _) = await ApiClient.RegisterAsync(client, handle);
        return new Actor(handle, client, id);
    }

    private static Dictionary<string, JsonElement> Sources(JsonElement policy) =>
        policy.GetProperty("sources").EnumerateArray().ToDictionary(s => s.GetProperty("field").GetString()!);

    private static (string?, JsonValueKind) Source(JsonElement policy, string field) =>
        Sources(policy)[field] is var s ? (s.GetProperty("origin").GetString(), s.GetProperty("area").ValueKind == JsonValueKind.Object ? JsonValueKind.String : JsonValueKind.Null) : default;
}
