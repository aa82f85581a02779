using System.Text.Json;
using Dapper;
using Governance.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Governance.WebClient.Tests;

/// <summary>What the delegation, karma and moderation browser tests share: signing in, GraphQL as a member, seeding.</summary>
internal static class PowerPages
{
    public const string Password = "a long enough password";

    /// <summary>Registers a member through the REST api and signs them in through the sign-in page.</summary>
    public static async Task<BrowserPage> SignedInAsync(WebClientServer server, string handle, string displayName, int width = 1024)
    {
        await server.RegisterAsync(handle, displayName, Password);
        return await SignInAsync(server, handle, displayName, width);
    }

    /// <summary>Signs a registered member in through the sign-in page, in a fresh context.</summary>
    public static async Task<BrowserPage> SignInAsync(WebClientServer server, string handle, string displayName, int width = 1024)
    {
        var browser = await server.NewPageAsync(width);
        var page = browser.Page;
        await page.GotoAsync("/sign-in");
        await page.GetByLabel("Handle or email address").FillAsync(handle);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Main).GetByText($"Signed in as {displayName} (@{handle})")).ToBeVisibleAsync();
        return browser;
    }

    /// <summary>GraphQL as the page's signed-in member: the context's session cookie and its CSRF token.</summary>
    public static async Task<JsonElement> GraphQLAsync(IPage page, string query, object? variables = null)
    {
        var session = await page.APIRequest.GetAsync("/api/account/session");
        var csrf = JsonDocument.Parse(await session.TextAsync()).RootElement.GetProperty("csrfToken").GetString()!;
        var response = await page.APIRequest.PostAsync("/graphql", new()
        {
            DataObject = new { query, variables },
            Headers = new Dictionary<string, string> { ["X-CSRF-Token"] = csrf, ["Accept"] = "application/graphql-response+json" },
        });
        var result = JsonDocument.Parse(await response.TextAsync()).RootElement.Clone();
        Assert.False(result.TryGetProperty("errors", out var errors), errors.ToString());
        return result.GetProperty("data");
    }

    /// <summary>Sets a member's karma now (a test's shortcut to a level: 45 is level 3, 8 points a proposal).</summary>
    public static void SetKarma(WebClientServer server, string handle, double karma)
    {
        using var connection = server.Services.GetRequiredService<Database>().Open();
        connection.Execute(
            "UPDATE members SET karma = @karma, karma_at = @now WHERE handle = @handle",
            new { karma, handle, now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() });
    }

    public static void GrantRole(WebClientServer server, string handle, string role)
    {
        using var connection = server.Services.GetRequiredService<Database>().Open();
        connection.Execute("INSERT OR IGNORE INTO member_roles (member_id, role) SELECT id, @role FROM members WHERE handle = @handle", new { handle, role });
    }

    /// <summary>Presses Tab until <paramref name="target"/> has focus: a keyboard user's way there.</summary>
    public static async Task TabToAsync(IPage page, ILocator target, int most = 80)
    {
        for (var i = 0; i < most; i++)
        {
            if (await target.EvaluateAsync<bool>("e => e === document.activeElement"))
            {
                return;
            }

            await page.Keyboard.PressAsync("Tab");
        }

        Assert.Fail($"{most} presses of Tab never reached {target}.");
    }

    /// <summary>No horizontal scrolling at a phone's width.</summary>
    public static async Task AssertNoHorizontalScrollAsync(IPage page, string where)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        var (scroll, client) = (widths[0], widths[1]);
        Assert.True(scroll <= client, $"{where} scrolls sideways at {client} px: {scroll} px wide.");
    }
}
