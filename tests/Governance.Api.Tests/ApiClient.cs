using System.Net.Http.Json;
using System.Text.Json;

namespace Governance.Api.Tests;

/// <summary>Small helpers for driving the REST API as the web client or a third-party client would.</summary>
internal static class ApiClient
{
    public const string Password = "correct horse battery";

    public static HttpClient CreateCookieClient(GovernanceApiFactory factory) =>
        factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = true });

    /// <summary>Registers (which signs in) and returns the session's antiforgery token, already set as a default header.</summary>
    public static async Task<(long MemberId, string Csrf)> RegisterAsync(HttpClient client, string handle, string password = Password)
    {
        var response = await client.PostAsJsonAsync("/api/account/register", new { handle, displayName = handle.ToUpperInvariant(), email = $"{handle}@example.org", password });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var csrf = body.GetProperty("csrfToken").GetString()!;
        client.DefaultRequestHeaders.Remove("X-CSRF-Token");
        client.DefaultRequestHeaders.Add("X-CSRF-Token", csrf);
        return (body.GetProperty("member").GetProperty("id").GetInt64(), csrf);
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();
}
