using System.Net;
using System.Net.Http.Json;
using Dapper;
using Governance.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Api.Tests;

public sealed class AccountsApiTests : IDisposable
{
    private readonly GovernanceApiFactory factory = new() { DemoMembers = 10 };

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task RegisteringSignsInAndTheSessionKnowsWhoIAm()
    {
        using var client = ApiClient.CreateCookieClient(factory);
        var (id, csrf) = await ApiClient.RegisterAsync(client, "ada.lovelace");

        var session = await (await client.GetAsync("/api/account/session")).JsonAsync();

        Assert.Equal(id, session.GetProperty("member").GetProperty("id").GetInt64());
        Assert.Equal("ada.lovelace", session.GetProperty("member").GetProperty("handle").GetString());
        Assert.Equal(csrf, session.GetProperty("csrfToken").GetString());
    }

    [Fact]
    public async Task SessionCookieIsHttpOnlyAndSameSiteStrict()
    {
        using var client = factory.CreateClient(new() { HandleCookies = false });

        var response = await client.PostAsJsonAsync("/api/account/register", new { handle = "grace", displayName = "Grace", email = "grace@example.org", password = ApiClient.Password });

        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith("gov_session=gov_s_", cookie, StringComparison.Ordinal);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task InvalidRegistrationNamesEveryBadFieldAndCreatesNobody()
    {
        using var client = factory.CreateClient();

        var response = await client.PostAsJsonAsync("/api/account/register", new { handle = "X!", displayName = "", email = "nope", password = "short" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        foreach (var field in new[] { "handle", "displayName", "email", "password" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}");
        }

        Assert.Equal(10, MemberCount());
    }

    [Fact]
    public async Task TakenHandleIsAConflictAndTheFirstAccountIsUntouched()
    {
        using var first = ApiClient.CreateCookieClient(factory);
        await ApiClient.RegisterAsync(first, "linus");
        using var second = factory.CreateClient();

        var response = await second.PostAsJsonAsync("/api/account/register", new { handle = "LINUS", displayName = "Other", email = "other@example.org", password = ApiClient.Password });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("taken", (await response.JsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(11, MemberCount());
    }

    [Fact]
    public async Task SignInWithTheRightPasswordStartsASessionAndAWrongOneDoesNot()
    {
        using (var registering = ApiClient.CreateCookieClient(factory))
        {
            await ApiClient.RegisterAsync(registering, "margaret");
        }

        using var client = ApiClient.CreateCookieClient(factory);
        var wrong = await client.PostAsJsonAsync("/api/account/sign-in", new { handleOrEmail = "margaret", password = "not the password" });
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/account/session")).StatusCode);

        var right = await client.PostAsJsonAsync("/api/account/sign-in", new { handleOrEmail = "margaret@example.org", password = ApiClient.Password });
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/account/session")).StatusCode);
    }

    [Fact]
    public async Task WrongPasswordsMakeTheirClientWaitAndSayHowLongButNeverLockTheAccount()
    {
        using (var registering = ApiClient.CreateCookieClient(factory))
        {
            await ApiClient.RegisterAsync(registering, "barbara");
        }

        // Every test client shares one (unknown) address: the guesser and the owner are one client here;
        // SignInSafetyTests tells clients apart.
        using var client = factory.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/account/sign-in", new { handleOrEmail = "barbara", password = "guess " + i })).StatusCode);
        }

        var fourth = await client.PostAsJsonAsync("/api/account/sign-in", new { handleOrEmail = "barbara", password = "guess 4" });
        Assert.Equal(HttpStatusCode.Unauthorized, fourth.StatusCode);
        Assert.Contains("wait 2 seconds", (await fourth.JsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);

        var held = await client.PostAsJsonAsync("/api/account/sign-in", new { handleOrEmail = "barbara", password = ApiClient.Password });
        Assert.Equal(HttpStatusCode.TooManyRequests, held.StatusCode);
        Assert.NotNull(held.Headers.RetryAfter);
        var problem = await held.JsonAsync();
        Assert.InRange(problem.GetProperty("retryAfterSeconds").GetInt64(), 1, 2);
        Assert.Contains("seconds", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignInAttemptsFromOneAddressAreRateLimited()
    {
        using var client = factory.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 12; i++)
        {
            statuses.Add((await client.PostAsJsonAsync("/api/account/sign-in", new { handleOrEmail = "nobody-" + i, password = "whatever-password" })).StatusCode);
        }

        // Four unknown handles answer 401; from then on the sign-in back-off holds this client
        // (429), and past ten attempts a minute the rate limiter refuses before either runs.
        Assert.Equal(4, statuses.Count(s => s == HttpStatusCode.Unauthorized));
        Assert.All(statuses.Skip(4), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));
    }

    [Fact]
    public async Task SignOutEndsTheSessionOnTheServerNotJustTheCookie()
    {
        using var client = factory.CreateClient(new() { HandleCookies = false });
        var register = await client.PostAsJsonAsync("/api/account/register", new { handle = "alan", displayName = "Alan", email = "alan@example.org", password = ApiClient.Password });
        var cookie = register.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
        var csrf = (await register.JsonAsync()).GetProperty("csrfToken").GetString()!;

        using var signOut = new HttpRequestMessage(HttpMethod.Post, "/api/account/sign-out");
        signOut.Headers.Add("Cookie", cookie);
        signOut.Headers.Add("X-CSRF-Token", csrf);
        Assert.Equal(HttpStatusCode.NoContent, (await client.SendAsync(signOut)).StatusCode);

        // The old cookie, replayed, is no longer a session.
        using var replay = new HttpRequestMessage(HttpMethod.Get, "/api/account/session");
        replay.Headers.Add("Cookie", cookie);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(replay)).StatusCode);
    }

    [Fact]
    public async Task CookieAuthenticatedChangeWithoutTheAntiforgeryTokenIsRefused()
    {
        using var client = ApiClient.CreateCookieClient(factory);
        await ApiClient.RegisterAsync(client, "mallory.victim");
        client.DefaultRequestHeaders.Remove("X-CSRF-Token");

        var forged = await client.PostAsJsonAsync("/api/account/password", new { currentPassword = ApiClient.Password, newPassword = "attacker-chosen-password" });

        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Contains("X-CSRF-Token", (await forged.JsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        using var fresh = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await fresh.PostAsJsonAsync("/api/account/sign-in", new { handleOrEmail = "mallory.victim", password = ApiClient.Password })).StatusCode);
    }

    [Fact]
    public async Task ChangingThePasswordNeedsTheCurrentOneAndEndsOtherSessions()
    {
        using var laptop = ApiClient.CreateCookieClient(factory);
        await ApiClient.RegisterAsync(laptop, "katherine");
        using var phone = ApiClient.CreateCookieClient(factory);
        var phoneSignIn = await phone.PostAsJsonAsync("/api/account/sign-in", new { handleOrEmail = "katherine", password = ApiClient.Password });
        phone.DefaultRequestHeaders.Add("X-CSRF-Token", (await phoneSignIn.JsonAsync()).GetProperty("csrfToken").GetString());

        var wrong = await laptop.PostAsJsonAsync("/api/account/password", new { currentPassword = "not it at all", newPassword = "a brand new password" });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.True((await wrong.JsonAsync()).GetProperty("errors").TryGetProperty("currentPassword", out _));
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync("/api/account/session")).StatusCode);

        var right = await laptop.PostAsJsonAsync("/api/account/password", new { currentPassword = ApiClient.Password, newPassword = "a brand new password" });
        Assert.Equal(HttpStatusCode.NoContent, right.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await laptop.GetAsync("/api/account/session")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await phone.GetAsync("/api/account/session")).StatusCode);
    }

    [Fact]
    public async Task SignInIssuesAFreshSessionIdSoAPlantedCookieIsNeverAdopted()
    {
        using (var registering = ApiClient.CreateCookieClient(factory))
        {
            await ApiClient.RegisterAsync(registering, "eve.target");
        }

        using var client = factory.CreateClient(new() { HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/account/sign-in")
        {
            Content = JsonContent.Create(new { handleOrEmail = "eve.target", password = ApiClient.Password }),
        };
        request.Headers.Add("Cookie", "gov_session=gov_s_planted-by-attacker");

        var response = await client.SendAsync(request);

        var cookie = response.Headers.GetValues("Set-Cookie").Single();
        Assert.DoesNotContain("planted-by-attacker", cookie, StringComparison.Ordinal);
        using var planted = new HttpRequestMessage(HttpMethod.Get, "/api/account/session");
        planted.Headers.Add("Cookie", "gov_session=gov_s_planted-by-attacker");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(planted)).StatusCode);
    }

    [Fact]
    public async Task PasswordsAndSessionIdsAreNeverStoredInTheClear()
    {
        using var client = factory.CreateClient(new() { HandleCookies = false });
        var response = await client.PostAsJsonAsync("/api/account/register", new { handle = "hedy", displayName = "Hedy", email = "hedy@example.org", password = ApiClient.Password });
        var sessionId = response.Headers.GetValues("Set-Cookie").Single().Split(';')[0]["gov_session=".Length..];

        string all;
        if (factory.PostgresConnectionString is null)
        {
            var bytes = await File.ReadAllBytesAsync(Path.Combine(factory.DataFolder, "governance.db"));
            var wal = Path.Combine(factory.DataFolder, "governance.db-wal");
            all = System.Text.Encoding.Latin1.GetString(bytes) + (File.Exists(wal) ? System.Text.Encoding.Latin1.GetString(await File.ReadAllBytesAsync(wal)) : string.Empty);
        }
        else
        {
            // No file to read on PostgreSQL: every row of every table, as text, instead.
            using var connection = factory.Services.GetRequiredService<Database>().Open();
            var tables = connection.Query<string>("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'");
            all = string.Concat(tables.Select(t => string.Concat(connection.Query<string>($"SELECT row_to_json(x)::text FROM {t} x"))));
        }

        Assert.DoesNotContain(ApiClient.Password, all, StringComparison.Ordinal);
        Assert.DoesNotContain(sessionId, all, StringComparison.Ordinal);
        Assert.Contains("hedy", all, StringComparison.Ordinal);
    }

    private int MemberCount()
    {
        using var connection = factory.Services.GetRequiredService<Database>().Open();
        return connection.ExecuteScalar<int>("SELECT count(*) FROM members");
    }
}
