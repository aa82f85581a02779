using System.Net;
using System.Text;
using System.Text.Json;

namespace Governance.Api.Tests.Schema;

/// <summary>The callers of the authorization matrix, made once for the class.</summary>
public sealed class MatrixFixture : IAsyncLifetime
{
    public SchemaFixture App { get; } = new();

    public Dictionary<string, Actor> Actors { get; } = [];

    public async Task InitializeAsync()
    {
        await App.InitializeAsync();
        var member = await App.MemberAsync("mx-member");
        var admin = await App.MemberAsync("mx-admin", "admin");
        Actors["anonymous"] = App.Anonymous;
        Actors["member"] = member;
        Actors["other member"] = await App.MemberAsync("mx-other");
        Actors["moderator"] = await App.MemberAsync("mx-moderator", "moderator");
        Actors["admin"] = admin;
        Actors["token with scope"] = await App.TokenAsync(member, "with-scope", "read", "delegate");
        Actors["token without scope"] = await App.TokenAsync(member, "without-scope", "read", "vote", "propose", "moderate");
        Actors["admin's token"] = await App.TokenAsync(admin, "admin-token", "read", "vote", "delegate", "propose", "moderate");
        Tokens["propose"] = (await App.TokenAsync(member, "propose", "read", "propose"), Actors["token with scope"]);
        Tokens["vote"] = (await App.TokenAsync(member, "vote", "read", "vote"), Actors["token with scope"]);
        Tokens["delegate"] = (Actors["token with scope"], Actors["token without scope"]);
        Tokens["moderate"] = (
            await App.TokenAsync(Actors["moderator"], "moderate", "read", "moderate"),
            await App.TokenAsync(Actors["moderator"], "no-moderate", "read", "vote", "delegate", "propose"));
        Author = await App.MemberAsync("mx-author");
    }

    /// <summary>Per scope: a token that has it and one of the same member that does not.</summary>
    public Dictionary<string, (Actor With, Actor Without)> Tokens { get; } = [];

    /// <summary>A member who writes the proposals the others act on.</summary>
    public Actor Author { get; private set; } = null!;

    public Task DisposeAsync() => App.DisposeAsync();
}

/// <summary>
/// Every mutation × anonymous, member, other member, moderator, admin, token with and without
/// the scope (and an admin's token): who may, and the code of the refusal for who may not.
/// </summary>
public sealed class AuthorizationMatrixTests(MatrixFixture fixture) : IClassFixture<MatrixFixture>
{
    public static TheoryData<string, string, string?> DelegationMatrix()
    {
        var data = new TheoryData<string, string, string?>();
        foreach (var mutation in new[] { "delegate", "revokeDelegation", "blockDelegation" })
        {
            data.Add(mutation, "anonymous", "UNAUTHENTICATED");
            data.Add(mutation, "member", null);
            data.Add(mutation, "other member", null);
            data.Add(mutation, "moderator", null);
            data.Add(mutation, "admin", null);
            data.Add(mutation, "token with scope", null);
            data.Add(mutation, "token without scope", "MISSING_SCOPE");
            data.Add(mutation, "admin's token", null);
        }

        return data;
    }

    public static TheoryData<string, string, string?> AdminMatrix()
    {
        var data = new TheoryData<string, string, string?>();
        foreach (var mutation in new[] { "setVotingRight", "createArea", "setMemberRoles", "setPolicy", "createInvitation", "revokeInvitation", "importRegistry" })
        {
            data.Add(mutation, "anonymous", "UNAUTHENTICATED");
            data.Add(mutation, "member", "FORBIDDEN");
            data.Add(mutation, "other member", "FORBIDDEN");
            data.Add(mutation, "moderator", "FORBIDDEN");
            data.Add(mutation, "admin", null);
            data.Add(mutation, "token with scope", "FORBIDDEN");
            data.Add(mutation, "token without scope", "FORBIDDEN");
            data.Add(mutation, "admin's token", "SESSION_REQUIRED");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(DelegationMatrix))]
    public async Task DelegationMutationsLetAMemberActOnlyAsThemselves(string mutation, string actorName, string? refusal)
    {
        var actor = fixture.Actors[actorName];
        var scope = new { area = SchemaFixture.Id("Area", fixture.App.RootArea()) };
        var delegates = new[] { SchemaFixture.Id("Member", fixture.App.DemoMember()) };
        var (query, variables, result) = mutation switch
        {
            "delegate" => ("mutation($s: ScopeInput!, $d: [ID!]!) { delegate(input: { scope: $s, delegates: $d }) { delegation { member { id } } errors { __typename ... on UserError { code message } } } }", (object)new { s = scope, d = delegates }, "delegation"),
            "blockDelegation" => ("mutation($s: ScopeInput!) { blockDelegation(input: { scope: $s }) { delegation { member { id } } errors { __typename ... on UserError { code message } } } }", new { s = scope }, "delegation"),
            _ => ("mutation($s: ScopeInput!) { revokeDelegation(input: { scope: $s }) { revoked errors { __typename ... on UserError { code message } } } }", new { s = scope }, "revoked"),
        };
        if (mutation == "revokeDelegation" && actor.MemberId is not null)
        {
            // Something to revoke, set through the session of the actor's member.
            var owner = fixture.Actors.Values.First(a => a.MemberId == actor.MemberId && a.Client.DefaultRequestHeaders.Authorization is null);
            await owner.DataAsync("mutation($s: ScopeInput!) { blockDelegation(input: { scope: $s }) { errors { __typename ... on UserError { code } } } }", new { s = scope });
        }

        var events = fixture.App.EventCount();
        var payload = (await actor.DataAsync(query, variables)).GetProperty(mutation);

        if (refusal is null)
        {
            Assert.Equal(JsonValueKind.Null, payload.GetProperty("errors").ValueKind);
            if (result == "delegation")
            {
                Assert.Equal(SchemaFixture.Id("Member", actor.MemberId!.Value), payload.GetProperty("delegation").GetProperty("member").GetProperty("id").GetString());
            }
            else
            {
                Assert.True(payload.GetProperty("revoked").GetBoolean());
            }
        }
        else
        {
            var error = Assert.Single(payload.GetProperty("errors").EnumerateArray());
            Assert.Equal(refusal, error.GetProperty("code").GetString());
            Assert.Equal("NotAuthorizedError", error.GetProperty("__typename").GetString());
            Assert.Equal(JsonValueKind.Null, payload.GetProperty(result).ValueKind);
            Assert.Equal(events, fixture.App.EventCount());
        }
    }

    [Theory]
    [MemberData(nameof(AdminMatrix))]
    public async Task AdminMutationsNeedTheAdminRoleThroughASession(string mutation, string actorName, string? refusal)
    {
        var actor = fixture.Actors[actorName];
        var target = SchemaFixture.Id("Member", fixture.App.DemoMember(7));
        var slug = "area-" + Guid.NewGuid().ToString("N")[..12];
        var (query, variables, result) = mutation switch
        {
            "setVotingRight" => ("mutation($m: ID!) { setVotingRight(input: { member: $m, votingRight: false, reason: \"matrix\" }) { member { id } errors { __typename ... on UserError { code message } } } }", (object)new { m = target }, "member"),
            "createArea" => ("mutation($s: String!) { createArea(input: { slug: $s, name: \"Matrix\" }) { area { id } errors { __typename ... on UserError { code message } } } }", new { s = slug }, "area"),
            "setPolicy" => ("mutation { setPolicy(input: { changes: \"{\\\"discussionDays\\\": 6}\" }) { policy errors { __typename ... on UserError { code message } } } }", new { }, "policy"),
            "createInvitation" => ("mutation { createInvitation(input: { note: \"matrix\" }) { invitation { id } code errors { __typename ... on UserError { code message } } } }", new { }, "invitation"),
            "revokeInvitation" => ("mutation($i: ID!) { revokeInvitation(input: { invitation: $i }) { invitation { id } errors { __typename ... on UserError { code message } } } }", new { i = AnInvitation() }, "invitation"),
            "importRegistry" => ("mutation($c: String!) { importRegistry(input: { csv: $c }) { report { lines } errors { __typename ... on UserError { code message } } } }",
                new { c = $"member_number,email,name,status\n{slug},{slug}@example.org,Matrix,active\n" }, "report"),
            _ => ("mutation($m: ID!) { setMemberRoles(input: { member: $m, roles: [MEMBER, MODERATOR] }) { member { id } errors { __typename ... on UserError { code message } } } }", new { m = target }, "member"),
        };

        var events = fixture.App.EventCount();
        var payload = (await actor.DataAsync(query, variables)).GetProperty(mutation);

        if (refusal is null)
        {
            Assert.True(payload.GetProperty("errors").ValueKind == JsonValueKind.Null, payload.GetRawText());
            Assert.NotEqual(JsonValueKind.Null, payload.GetProperty(result).ValueKind);
        }
        else
        {
            var error = Assert.Single(payload.GetProperty("errors").EnumerateArray());
            Assert.Equal(refusal, error.GetProperty("code").GetString());
            Assert.Equal("NotAuthorizedError", error.GetProperty("__typename").GetString());
            Assert.Equal(JsonValueKind.Null, payload.GetProperty(result).ValueKind);
            Assert.Equal(events, fixture.App.EventCount());
        }
    }

    /// <summary>An unused invitation the admin issued, for revokeInvitation to act on.</summary>
    private string AnInvitation()
    {
        var membership = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<Governance.Core.Accounts.MembershipService>(fixture.App.Factory.Services);
        return SchemaFixture.Id("Invitation", membership.CreateInvitation(fixture.Actors["admin"].MemberId!.Value, "to revoke", 7).Invitation.Id);
    }

    [Fact]
    public async Task ACookieSessionPostWithoutTheAntiforgeryTokenIsRefusedBeforeAnyMutationRuns()
    {
        var member = await fixture.App.MemberAsync("mx-csrf");
        member.Client.DefaultRequestHeaders.Remove("X-CSRF-Token");
        var events = fixture.App.EventCount();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent("""{"query":"mutation { blockDelegation(input: { scope: { global: true } }) { errors { __typename ... on UserError { code } } } }"}""", Encoding.UTF8, "application/json"),
        };

        using var response = await member.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(events, fixture.App.EventCount());
    }

    [Fact]
    public async Task ATokenWithoutTheReadScopeCannotReadPrivateData()
    {
        var deleteOnly = await fixture.App.TokenAsync(fixture.Actors["other member"], "delegate-only", "delegate");

        var viewer = await deleteOnly.PostAsync("{ viewer { handle } }");
        var delegated = (await deleteOnly.DataAsync("mutation { blockDelegation(input: { scope: { global: true } }) { errors { __typename ... on UserError { code } } } }")).GetProperty("blockDelegation");

        Assert.Equal("MISSING_SCOPE", viewer.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal(JsonValueKind.Null, delegated.GetProperty("errors").ValueKind);
    }
}
