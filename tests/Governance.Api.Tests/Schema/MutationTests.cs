using System.Text.Json;
using Dapper;

namespace Governance.Api.Tests.Schema;

/// <summary>Each mutation's success and each of its errors; a refused command changes nothing.</summary>
public sealed class MutationTests(SchemaFixture fixture) : IClassFixture<SchemaFixture>
{
    private const string Delegate = """
        mutation($scope: ScopeInput!, $d: [ID!]!) {
          delegate(input: { scope: $scope, delegates: $d }) {
            delegation { id isBlock member { id } scope { kind area { id } proposal { id } } delegates { id } }
            errors { __typename ... on UserError { message code field } }
          }
        }
        """;

    private const string Revoke = "mutation($scope: ScopeInput!) { revokeDelegation(input: { scope: $scope }) { revoked errors { __typename ... on UserError { code field message } } } }";

    private const string Block = "mutation($scope: ScopeInput!) { blockDelegation(input: { scope: $scope }) { delegation { isBlock delegates { id } scope { kind } } errors { __typename ... on UserError { code field message } } } }";

    private static readonly object Global = new { global = true };

    private static string Member(long id) => SchemaFixture.Id("Member", id);

    /// <summary>The payload of a refused command, having checked that nothing changed: no event, same delegations.</summary>
    private async Task<JsonElement> RefusedAsync(Actor actor, string mutation, string field, object variables, string code, string typename)
    {
        var events = fixture.EventCount();
        var before = (await actor.DataAsync("{ viewer { delegations { id } } }")).GetRawText();

        var payload = (await actor.DataAsync(mutation, variables)).GetProperty(field);

        var error = Assert.Single(payload.GetProperty("errors").EnumerateArray());
        Assert.Equal(code, error.GetProperty("code").GetString());
        Assert.Equal(typename, error.GetProperty("__typename").GetString());
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
        Assert.Equal(events, fixture.EventCount());
        Assert.Equal(before, (await actor.DataAsync("{ viewer { delegations { id } } }")).GetRawText());
        return error;
    }

    [Fact]
    public async Task DelegateSetsRankedDelegatesAndAChangeReplacesThePreviousVersion()
    {
        var ann = await fixture.MemberAsync("m-ann");
        var first = fixture.DemoMember(0);
        var second = fixture.DemoMember(1);

        var set = (await ann.DataAsync(Delegate, new { scope = Global, d = new[] { Member(first), Member(second) } })).GetProperty("delegate");
        var changed = (await ann.DataAsync(Delegate, new { scope = Global, d = new[] { Member(second) } })).GetProperty("delegate");

        Assert.Equal(JsonValueKind.Null, set.GetProperty("errors").ValueKind);
        Assert.Equal([Member(first), Member(second)], set.GetProperty("delegation").GetProperty("delegates").EnumerateArray().Select(d => d.GetProperty("id").GetString()));
        Assert.Equal(Member(ann.MemberId!.Value), set.GetProperty("delegation").GetProperty("member").GetProperty("id").GetString());
        Assert.Equal("GLOBAL", set.GetProperty("delegation").GetProperty("scope").GetProperty("kind").GetString());
        var current = Assert.Single((await ann.DataAsync("{ viewer { delegations { id delegates { id } } } }")).GetProperty("viewer").GetProperty("delegations").EnumerateArray());
        Assert.Equal(changed.GetProperty("delegation").GetProperty("id").GetString(), current.GetProperty("id").GetString());
        Assert.NotEqual(set.GetProperty("delegation").GetProperty("id").GetString(), current.GetProperty("id").GetString());
        using var connection = fixture.Database.Open();
        Assert.Equal(2, connection.ExecuteScalar<int>("SELECT count(*) FROM delegations WHERE member_id = @id", new { id = ann.MemberId }));
    }

    [Fact]
    public async Task DelegateInAnAreaAndOnAProposalNamesTheScope()
    {
        var ann = await fixture.MemberAsync("m-scopes");
        var area = fixture.RootArea();
        using var connection = fixture.Database.Open();
        var proposal = connection.ExecuteScalar<long>("SELECT id FROM proposals WHERE status = 'open' ORDER BY id");

        var inArea = (await ann.DataAsync(Delegate, new { scope = new { area = SchemaFixture.Id("Area", area) }, d = new[] { Member(fixture.DemoMember()) } })).GetProperty("delegate").GetProperty("delegation");
        var onProposal = (await ann.DataAsync(Delegate, new { scope = new { proposal = SchemaFixture.Id("Proposal", proposal) }, d = new[] { Member(fixture.DemoMember()) } })).GetProperty("delegate").GetProperty("delegation");

        Assert.Equal(SchemaFixture.Id("Area", area), inArea.GetProperty("scope").GetProperty("area").GetProperty("id").GetString());
        Assert.Equal("AREA", inArea.GetProperty("scope").GetProperty("kind").GetString());
        Assert.Equal(SchemaFixture.Id("Proposal", proposal), onProposal.GetProperty("scope").GetProperty("proposal").GetProperty("id").GetString());
    }

    [Fact]
    public async Task DelegateRefusesEachBrokenRuleWithItsCodeAndChangesNothing()
    {
        var ann = await fixture.MemberAsync("m-refused");
        await ann.DataAsync(Delegate, new { scope = Global, d = new[] { Member(fixture.DemoMember(2)) } });
        var a = Member(fixture.DemoMember(0));
        var b = Member(fixture.DemoMember(1));
        var c = Member(fixture.DemoMember(2));
        var d = Member(fixture.DemoMember(3));
        using var connection = fixture.Database.Open();
        var closed = connection.ExecuteScalar<long>("SELECT id FROM proposals WHERE status IN ('accepted', 'rejected', 'withdrawn', 'expired') ORDER BY id");

        await RefusedAsync(ann, Delegate, "delegate", new { scope = Global, d = Array.Empty<string>() }, "NO_DELEGATES", "ValidationError");
        await RefusedAsync(ann, Delegate, "delegate", new { scope = Global, d = new[] { a, b, c, d } }, "TOO_MANY_DELEGATES", "ValidationError");
        await RefusedAsync(ann, Delegate, "delegate", new { scope = Global, d = new[] { Member(ann.MemberId!.Value) } }, "SELF_DELEGATION", "ValidationError");
        await RefusedAsync(ann, Delegate, "delegate", new { scope = Global, d = new[] { a, a } }, "DUPLICATE_DELEGATE", "ValidationError");
        await RefusedAsync(ann, Delegate, "delegate", new { scope = Global, d = new[] { "not-an-id" } }, "UNKNOWN_DELEGATE", "NotFoundError");
        await RefusedAsync(ann, Delegate, "delegate", new { scope = Global, d = new[] { SchemaFixture.Id("Area", 1) } }, "UNKNOWN_DELEGATE", "NotFoundError");
        var unknown = await RefusedAsync(ann, Delegate, "delegate", new { scope = Global, d = new[] { Member(987_654) } }, "UNKNOWN_DELEGATE", "NotFoundError");
        Assert.Equal("delegates", unknown.GetProperty("field").GetString());
        await RefusedAsync(ann, Delegate, "delegate", new { scope = new { global = false }, d = new[] { a } }, "INVALID_SCOPE", "ValidationError");
        await RefusedAsync(ann, Delegate, "delegate", new { scope = new { area = SchemaFixture.Id("Area", 987_654) }, d = new[] { a } }, "UNKNOWN_AREA", "NotFoundError");
        await RefusedAsync(ann, Delegate, "delegate", new { scope = new { area = "garbage" }, d = new[] { a } }, "UNKNOWN_AREA", "NotFoundError");
        await RefusedAsync(ann, Delegate, "delegate", new { scope = new { proposal = SchemaFixture.Id("Proposal", 987_654) }, d = new[] { a } }, "UNKNOWN_PROPOSAL", "NotFoundError");
        var closedError = await RefusedAsync(ann, Delegate, "delegate", new { scope = new { proposal = SchemaFixture.Id("Proposal", closed) }, d = new[] { a } }, "PROPOSAL_CLOSED", "ValidationError");
        Assert.Equal("scope", closedError.GetProperty("field").GetString());
    }

    [Fact]
    public async Task RevokeEndsTheDelegationAndRevokingNothingSaysSo()
    {
        var ann = await fixture.MemberAsync("m-revoke");
        await ann.DataAsync(Delegate, new { scope = Global, d = new[] { Member(fixture.DemoMember()) } });

        var revoked = (await ann.DataAsync(Revoke, new { scope = Global })).GetProperty("revokeDelegation");
        var again = (await ann.DataAsync(Revoke, new { scope = Global })).GetProperty("revokeDelegation");

        Assert.True(revoked.GetProperty("revoked").GetBoolean());
        Assert.Equal(JsonValueKind.Null, revoked.GetProperty("errors").ValueKind);
        Assert.False(again.GetProperty("revoked").GetBoolean());
        Assert.Equal(0, (await ann.DataAsync("{ viewer { delegations { id } } }")).GetProperty("viewer").GetProperty("delegations").GetArrayLength());
    }

    [Fact]
    public async Task RevokeRefusesABadScope()
    {
        var ann = await fixture.MemberAsync("m-revoke-bad");
        await RefusedAsync(ann, Revoke, "revokeDelegation", new { scope = new { global = false } }, "INVALID_SCOPE", "ValidationError");
        await RefusedAsync(ann, Revoke, "revokeDelegation", new { scope = new { area = SchemaFixture.Id("Proposal", 1) } }, "UNKNOWN_AREA", "NotFoundError");
        await RefusedAsync(ann, Revoke, "revokeDelegation", new { scope = new { proposal = "x" } }, "UNKNOWN_PROPOSAL", "NotFoundError");
    }

    [Fact]
    public async Task BlockRecordsAnExplicitNoDelegationAndRefusesABadScope()
    {
        var ann = await fixture.MemberAsync("m-block");

        var blocked = (await ann.DataAsync(Block, new { scope = new { area = SchemaFixture.Id("Area", fixture.RootArea()) } })).GetProperty("blockDelegation");

        Assert.True(blocked.GetProperty("delegation").GetProperty("isBlock").GetBoolean());
        Assert.Equal(0, blocked.GetProperty("delegation").GetProperty("delegates").GetArrayLength());
        Assert.Equal("AREA", blocked.GetProperty("delegation").GetProperty("scope").GetProperty("kind").GetString());
        await RefusedAsync(ann, Block, "blockDelegation", new { scope = new { area = SchemaFixture.Id("Area", 987_654) } }, "UNKNOWN_AREA", "NotFoundError");
        await RefusedAsync(ann, Block, "blockDelegation", new { scope = new { global = false } }, "INVALID_SCOPE", "ValidationError");
    }

    private const string SetVotingRight = "mutation($m: ID!, $v: Boolean!, $r: String!) { setVotingRight(input: { member: $m, votingRight: $v, reason: $r }) { member { id votingRight } errors { __typename ... on UserError { code field message } } } }";

    [Fact]
    public async Task SetVotingRightSuspendsWithAPublicReasonAndRefusesWithoutOne()
    {
        var admin = await fixture.MemberAsync("m-admin-vr", "admin");
        var target = fixture.DemoMember(5);

        var suspended = (await admin.DataAsync(SetVotingRight, new { m = Member(target), v = false, r = "Membership fees unpaid" })).GetProperty("setVotingRight");
        var events = fixture.EventCount();
        var noReason = (await admin.DataAsync(SetVotingRight, new { m = Member(target), v = true, r = "  " })).GetProperty("setVotingRight");
        var unknown = (await admin.DataAsync(SetVotingRight, new { m = Member(987_654), v = true, r = "x" })).GetProperty("setVotingRight");
        var badId = (await admin.DataAsync(SetVotingRight, new { m = "nope", v = true, r = "x" })).GetProperty("setVotingRight");

        Assert.False(suspended.GetProperty("member").GetProperty("votingRight").GetBoolean());
        Assert.Equal("REASON_REQUIRED", Assert.Single(noReason.Codes()));
        Assert.Equal("reason", noReason.GetProperty("errors")[0].GetProperty("field").GetString());
        Assert.Equal("UNKNOWN_MEMBER", Assert.Single(unknown.Codes()));
        Assert.Equal("NotFoundError", unknown.GetProperty("errors")[0].GetProperty("__typename").GetString());
        Assert.Equal("UNKNOWN_MEMBER", Assert.Single(badId.Codes()));
        Assert.Equal(events, fixture.EventCount());
        using var connection = fixture.Database.Open();
        Assert.Equal(0, connection.ExecuteScalar<int>("SELECT voting_right FROM members WHERE id = @target", new { target }));
        Assert.Equal("Membership fees unpaid", connection.ExecuteScalar<string>("SELECT reason FROM voting_right_changes WHERE member_id = @target", new { target }));
    }

    private const string CreateArea = "mutation($s: String!, $n: String!, $p: ID) { createArea(input: { slug: $s, name: $n, parent: $p, description: \"d\" }) { area { id slug name parent { id } } errors { __typename ... on UserError { code field message } } } }";

    [Fact]
    public async Task CreateAreaAddsAChildThatDelegationsCanUseAndRefusesBadInput()
    {
        var admin = await fixture.MemberAsync("m-admin-area", "admin");
        var root = SchemaFixture.Id("Area", fixture.RootArea());

        var created = (await admin.DataAsync(CreateArea, new { s = "tenants-rights", n = "Tenants' rights", p = root })).GetProperty("createArea");
        var area = created.GetProperty("area");
        var delegated = (await admin.DataAsync(Delegate, new { scope = new { area = area.GetProperty("id").GetString() }, d = new[] { Member(fixture.DemoMember()) } })).GetProperty("delegate");
        var events = fixture.EventCount();
        var taken = (await admin.DataAsync(CreateArea, new { s = "tenants-rights", n = "Again", p = root })).GetProperty("createArea");
        var badSlug = (await admin.DataAsync(CreateArea, new { s = "Not A Slug", n = "x", p = root })).GetProperty("createArea");
        var noName = (await admin.DataAsync(CreateArea, new { s = "no-name", n = " ", p = root })).GetProperty("createArea");
        var noParent = (await admin.DataAsync(CreateArea, new { s = "orphan", n = "Orphan", p = SchemaFixture.Id("Area", 987_654) })).GetProperty("createArea");

        Assert.Equal(root, area.GetProperty("parent").GetProperty("id").GetString());
        Assert.Equal(JsonValueKind.Null, delegated.GetProperty("errors").ValueKind);
        Assert.Equal("SLUG_TAKEN", Assert.Single(taken.Codes()));
        Assert.Equal("INVALID_SLUG", Assert.Single(badSlug.Codes()));
        Assert.Equal("INVALID_NAME", Assert.Single(noName.Codes()));
        Assert.Equal("UNKNOWN_AREA", Assert.Single(noParent.Codes()));
        Assert.Equal(events, fixture.EventCount());
        var children = (await fixture.Anonymous.DataAsync("query($id: ID!) { area(id: $id) { children { slug } } }", new { id = root })).GetProperty("area").GetProperty("children");
        Assert.Contains(children.EnumerateArray(), c => c.GetProperty("slug").GetString() == "tenants-rights");
    }

    private const string SetPolicy = "mutation($a: ID, $c: String!, $f: DateTime) { setPolicy(input: { area: $a, changes: $c, effectiveFrom: $f }) { policy version errors { __typename ... on UserError { code field message } } } }";

    [Fact]
    public async Task SetPolicyRecordsANewVersionThatThePolicyQueryShowsAndRefusesBadChanges()
    {
        var admin = await fixture.MemberAsync("m-admin-policy", "admin");
        var area = SchemaFixture.Id("Area", fixture.RootArea());

        var set = (await admin.DataAsync(SetPolicy, new { a = area, c = """{"votingDays": 10}""" })).GetProperty("setPolicy");
        var inForce = JsonDocument.Parse((await fixture.Anonymous.DataAsync("query($a: ID) { policy(area: $a) }", new { a = area })).GetProperty("policy").GetString()!).RootElement;
        var organisation = JsonDocument.Parse((await fixture.Anonymous.DataAsync("{ policy }")).GetProperty("policy").GetString()!).RootElement;
        var events = fixture.EventCount();
        var unknownKey = (await admin.DataAsync(SetPolicy, new { a = area, c = """{"no-such-value": 1}""" })).GetProperty("setPolicy");
        var notJson = (await admin.DataAsync(SetPolicy, new { a = area, c = "votingDays=10" })).GetProperty("setPolicy");
        var past = (await admin.DataAsync(SetPolicy, new { a = area, c = """{"votingDays": 9}""", f = DateTimeOffset.UtcNow.AddDays(-1) })).GetProperty("setPolicy");
        var noArea = (await admin.DataAsync(SetPolicy, new { a = "nope", c = """{"votingDays": 9}""" })).GetProperty("setPolicy");

        Assert.True(set.GetProperty("errors").ValueKind == JsonValueKind.Null, set.GetRawText());
        Assert.Equal(10, inForce.GetProperty("votingDays").GetDouble());
        Assert.Equal(7, organisation.GetProperty("votingDays").GetDouble());
        Assert.Equal("INVALID_POLICY", Assert.Single(unknownKey.Codes()));
        Assert.Equal("INVALID_POLICY", Assert.Single(notJson.Codes()));
        Assert.Equal("INVALID_POLICY", Assert.Single(past.Codes()));
        Assert.Equal("UNKNOWN_AREA", Assert.Single(noArea.Codes()));
        Assert.Equal(events, fixture.EventCount());
    }

    private const string SetRoles = "mutation($m: ID!, $r: [Role!]!) { setMemberRoles(input: { member: $m, roles: $r }) { member { id roles } errors { __typename ... on UserError { code field message } } } }";

    [Fact]
    public async Task SetMemberRolesMakesAModeratorAndTheOnlyAdminCannotStepDown()
    {
        var admin = await fixture.MemberAsync("m-admin-roles", "admin");
        using (var connection = fixture.Database.Open())
        {
            connection.Execute("DELETE FROM member_roles WHERE role = 'admin' AND member_id <> @id", new { id = admin.MemberId });
        }

        var bob = await fixture.MemberAsync("m-roles-bob");

        var promoted = (await admin.DataAsync(SetRoles, new { m = Member(bob.MemberId!.Value), r = new[] { "MEMBER", "MODERATOR" } })).GetProperty("setMemberRoles");
        var events = fixture.EventCount();
        var stepDown = (await admin.DataAsync(SetRoles, new { m = Member(admin.MemberId!.Value), r = new[] { "MEMBER" } })).GetProperty("setMemberRoles");
        var unknown = (await admin.DataAsync(SetRoles, new { m = Member(987_654), r = new[] { "MEMBER" } })).GetProperty("setMemberRoles");

        Assert.Equal(["MEMBER", "MODERATOR"], promoted.GetProperty("member").GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("LAST_ADMIN", Assert.Single(stepDown.Codes()));
        Assert.Equal("UNKNOWN_MEMBER", Assert.Single(unknown.Codes()));
        Assert.Equal(events, fixture.EventCount());
        var me = (await admin.DataAsync("{ viewer { member { roles } } }")).GetProperty("viewer").GetProperty("member").GetProperty("roles");
        Assert.Contains(me.EnumerateArray(), r => r.GetString() == "ADMIN");
    }
}
