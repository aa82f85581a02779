using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Governance.WebClient.Tests;

/// <summary>
/// A member in their own browser context: registered through the REST api from that context
/// (so the context holds their session cookie), able to call GraphQL as themselves with the
/// session's CSRF token, as the web client does.
/// </summary>
public sealed class Member(BrowserPage browser, string handle, string displayName, string id) : IAsyncDisposable
{
    public BrowserPage Browser { get; } = browser;

    public IPage Page => Browser.Page;

    public string Handle { get; } = handle;

    public string DisplayName { get; } = displayName;

    /// <summary>The member's global id (as GraphQL names them).</summary>
    public string Id { get; } = id;

    /// <summary>How the web client names a member: "Display Name (@handle)".</summary>
    public string Label => $"{DisplayName} (@{Handle})";

    public static async Task<Member> RegisterAsync(WebClientServer server, string handle, string displayName, int width = 1024, int height = 768)
    {
        var browser = await server.NewPageAsync(width, height);
        var response = await browser.Page.Context.APIRequest.PostAsync("/api/account/register", new()
        {
            DataObject = new { handle, displayName, email = $"{handle}@example.org", password = "correct horse battery" },
        });
        Assert.True(response.Ok, $"register {handle}: {response.Status} {await response.TextAsync()}");
        var member = new Member(browser, handle, displayName, "");
        var viewer = await member.GraphQLAsync("{ viewer { member { id } } }");
        return new Member(browser, handle, displayName, viewer.GetProperty("viewer").GetProperty("member").GetProperty("id").GetString()!);
    }

    /// <summary>Runs GraphQL as this member (cookie + X-CSRF-Token); fails the test on a GraphQL error.</summary>
    public async Task<JsonElement> GraphQLAsync(string query, object? variables = null)
    {
        var session = await Page.Context.APIRequest.GetAsync("/api/account/session");
        var csrf = JsonDocument.Parse(await session.TextAsync()).RootElement.GetProperty("csrfToken").GetString()!;
        var response = await Page.Context.APIRequest.PostAsync("/graphql", new()
        {
            DataObject = new { query, variables },
            Headers = new Dictionary<string, string> { ["X-CSRF-Token"] = csrf, ["Accept"] = "application/graphql-response+json" },
        });
        var root = JsonDocument.Parse(await response.TextAsync()).RootElement.Clone();
        Assert.False(root.TryGetProperty("errors", out var errors), $"{Handle}: {errors}");
        return root.GetProperty("data");
    }

    /// <summary>Presses Tab until <paramref name="target"/> has focus: how a keyboard user gets there.</summary>
    public async Task TabToAsync(ILocator target, int maxPresses = 60)
    {
        for (var i = 0; i < maxPresses; i++)
        {
            if (await target.EvaluateAsync<bool>("el => el === document.activeElement"))
            {
                return;
            }

            await Page.Keyboard.PressAsync("Tab");
        }

        await Expect(target).ToBeFocusedAsync(new() { Timeout = 1 });
    }

    public ValueTask DisposeAsync() => Browser.DisposeAsync();

    public async Task AssertNoHorizontalScrollAsync(string where)
    {
        var overflows = await Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");
        Assert.False(overflows, $"{where} scrolls sideways at {Page.ViewportSize?.Width} px");
    }
}
