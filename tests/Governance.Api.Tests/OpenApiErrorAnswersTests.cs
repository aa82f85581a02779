using System.Net;
using System.Text;
using System.Text.Json;

namespace Governance.Api.Tests;

/// <summary>
/// The error answers openapi.yaml documents are the ones the server gives: every operation that
/// documents 401 answers it without credentials and, where it takes a token, to a bad token with
/// WWW-Authenticate: Bearer error="invalid_token"; every session operation documenting 403
/// answers it to a valid token; answers are problem documents.
/// </summary>
public sealed class OpenApiErrorAnswersTests
{
    [Fact]
    public async Task EveryDocumented401And403IsWhatTheServerAnswers()
    {
        using var factory = new GovernanceApiFactory { DemoMembers = 10 };
        using var anonymous = factory.CreateClient();
        var document = JsonDocument.Parse(await anonymous.GetStringAsync("/openapi/v1.json")).RootElement;

        var member = ApiClient.CreateCookieClient(factory);
        await ApiClient.RegisterAsync(member, "openapi-errors");
        using var created = await member.PostAsync("/api/tokens", Json(new { name = "t", scopes = new[] { "vote" }, expiresInDays = 1 }));
        var token = (await created.JsonAsync()).GetProperty("token").GetString()!;

        var checkedOperations = 0;
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var responses = operation.Value.GetProperty("responses");
                var url = path.Name.Replace("{id}", "1", StringComparison.Ordinal).Replace("{proposal}", "UHJvcG9zYWw6MQ==", StringComparison.Ordinal);
                var method = new HttpMethod(operation.Name.ToUpperInvariant());
                var schemes = operation.Value.TryGetProperty("security", out var security)
                    ? security.EnumerateArray().SelectMany(r => r.EnumerateObject().Select(s => s.Name)).ToHashSet()
                    : [];

                if (responses.TryGetProperty("401", out _))
                {
                    checkedOperations++;
                    using var none = await anonymous.SendAsync(Request(method, url, bearer: null));
                    Assert.True(none.StatusCode == HttpStatusCode.Unauthorized, $"{method} {url} without credentials: {(int)none.StatusCode}");
                    Assert.Equal("application/problem+json", none.Content.Headers.ContentType?.MediaType);

                    if (schemes.Contains("token"))
                    {
                        using var bad = await anonymous.SendAsync(Request(method, url, bearer: "gov_pat_not-a-token"));
                        Assert.Equal(HttpStatusCode.Unauthorized, bad.StatusCode);
                        Assert.Contains("invalid_token", bad.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
                    }
                }

                if (responses.TryGetProperty("403", out _))
                {
                    // A valid token that lacks the scope, or that may not do session-only work.
                    using var forbidden = await anonymous.SendAsync(Request(method, url, bearer: token));
                    Assert.True(forbidden.StatusCode == HttpStatusCode.Forbidden, $"{method} {url} with a vote-only token: {(int)forbidden.StatusCode}");
                }
            }
        }

        Assert.True(checkedOperations >= 8, $"only {checkedOperations} operations document a 401");
        Assert.True(document.GetProperty("components").GetProperty("securitySchemes").TryGetProperty("token", out _));
    }

    [Fact]
    public async Task TheSessionAnswerCarriesTheMembersGlobalIdThatGraphQLKnows()
    {
        using var factory = new GovernanceApiFactory { DemoMembers = 10 };
        var member = ApiClient.CreateCookieClient(factory);
        await ApiClient.RegisterAsync(member, "global-id");

        var session = await (await member.GetAsync("/api/account/session")).JsonAsync();
        var globalId = session.GetProperty("member").GetProperty("globalId").GetString();
        using var answer = await member.PostAsync("/graphql", Json(new { query = "{ viewer { member { id handle } } }" }));
        var viewer = (await answer.JsonAsync()).GetProperty("data").GetProperty("viewer").GetProperty("member");

        Assert.Equal(viewer.GetProperty("id").GetString(), globalId);
        Assert.Equal("global-id", viewer.GetProperty("handle").GetString());
    }

    private static StringContent Json(object value) => new(JsonSerializer.Serialize(value), Encoding.UTF8, "application/json");

    private static HttpRequestMessage Request(HttpMethod method, string url, string? bearer)
    {
        var request = new HttpRequestMessage(method, url);
        if (method != HttpMethod.Get && method != HttpMethod.Delete)
        {
            request.Content = Json(new { });
        }

        if (bearer is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", bearer);
        }

        return request;
    }
}
