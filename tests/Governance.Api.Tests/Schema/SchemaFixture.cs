using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dapper;
using Governance.Core.Storage;
using Governance.GraphQL.Relay;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Api.Tests.Schema;

/// <summary>Who calls: a client that is signed in (or not) in one of the ways the API knows.</summary>
public sealed record Actor(string Name, HttpClient Client, long? MemberId)
{
    public override string ToString() => Name;
}

/// <summary>
/// The real app on a fresh database (GovernanceApiFactory) with the callers a test needs:
/// members registered through the REST API, roles given in the database, tokens made through
/// /api/tokens. GraphQL goes through /graphql exactly as a client sends it.
/// </summary>
public sealed class SchemaFixture : IAsyncLifetime
{
    // Tests register a member per caller they need: more than the sign-in budget of one IP.
    // The clock stays still, so that no proposal expires or closes under a test's feet.
    public GovernanceApiFactory Factory { get; } = new()
    {
        Settings = { ["RateLimits:SignInAttemptsPerMinute"] = "1000", ["Clock:Enabled"] = "false" },
    };

    public Database Database => Factory.Services.GetRequiredService<Database>();

    public Actor Anonymous { get; private set; } = null!;

    public Task InitializeAsync()
    {
        Anonymous = new Actor("anonymous", Factory.CreateClient(), null);
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        Factory.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Registers a member (signed in through the session cookie) and gives them roles.</summary>
    public async Task<Actor> MemberAsync(string handle, params string[] roles)
    {
        var client = ApiClient.CreateCookieClient(Factory);
        var (id, _) = await ApiClient.RegisterAsync(client, handle);
        if (roles.Length > 0)
        {
            using var connection = Database.Open();
            connection.Execute("INSERT INTO member_roles (member_id, role) VALUES (@id, @role) ON CONFLICT DO NOTHING", roles.Select(role => new { id, role }));
        }

        return new Actor(handle, client, id);
    }

    /// <summary>A third-party client with a personal access token of <paramref name="owner"/>.</summary>
    public async Task<Actor> TokenAsync(Actor owner, string name, params string[] scopes)
    {
        var response = await owner.Client.PostAsJsonAsync("/api/tokens", new { name, scopes });
        response.EnsureSuccessStatusCode();
        var token = (await response.JsonAsync()).GetProperty("token").GetString()!;
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return new Actor(name, client, owner.MemberId);
    }

    /// <summary>An imported member of the demo organisation (no credentials) other than those given.</summary>
    public long DemoMember(int skip = 0)
    {
        using var connection = Database.Open();
        return connection.ExecuteScalar<long>(
            "SELECT id FROM members WHERE id NOT IN (SELECT member_id FROM member_credentials) AND voting_right = 1 ORDER BY id LIMIT 1 OFFSET @skip", new { skip });
    }

    public long RootArea()
    {
        using var connection = Database.Open();
        return connection.ExecuteScalar<long>("SELECT id FROM areas WHERE parent_id IS NULL ORDER BY name, id LIMIT 1");
    }

    public long EventCount()
    {
        using var connection = Database.Open();
        return connection.ExecuteScalar<long>("SELECT count(*) FROM event_log");
    }

    public static string Id(string type, long id) => GlobalId.Encode(type, id.ToString(System.Globalization.CultureInfo.InvariantCulture));
}

/// <summary>Sends GraphQL to /graphql and reads the response.</summary>
public static class GraphQL
{
    public static async Task<JsonElement> PostAsync(this Actor actor, string query, object? variables = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query, variables }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        using var response = await actor.Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.Content.Headers.ContentType?.MediaType == "application/graphql-response+json", $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>The data of a response that must have no errors.</summary>
    public static async Task<JsonElement> DataAsync(this Actor actor, string query, object? variables = null)
    {
        var result = await actor.PostAsync(query, variables);
        Assert.False(result.TryGetProperty("errors", out var errors), $"{actor}: {errors}");
        return result.GetProperty("data");
    }

    public static string[] Codes(this JsonElement payload) =>
        payload.GetProperty("errors").ValueKind == JsonValueKind.Null
            ? []
            : [.. payload.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("code").GetString()!)];
}
