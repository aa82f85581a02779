using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Governance.WebClient.Tests;

/// <summary>GraphiQL at /graphql in a real Chromium, against the real server, under its own CSP.</summary>
[Collection(BrowserCollection.Name)]
public sealed class GraphiQLTests(WebClientServer server)
{
    [Fact]
    public async Task ASignedInMemberRunsAQueryInGraphiQLAndSeesTheirOwnHandle()
    {
        await using var browser = await server.NewPageAsync(1280, 800);
        var page = browser.Page;

        // Signed in through the REST api in this browser context: GraphiQL's POSTs then carry the
        // session cookie, and must carry its X-CSRF-Token, or the api refuses them with a 403.
        await SignUpAsync(page.Context, "lin", "Lin Ostrom");

        var navigation = await page.GotoAsync("/graphql");
        Assert.Equal("text/html; charset=utf-8", navigation!.Headers["content-type"]);
        var editor = page.Locator(".graphiql-query-editor .monaco-editor");
        await Expect(editor).ToBeVisibleAsync();

        // Typed into Monaco as a person would (InsertText skips its bracket auto-closing).
        await editor.ClickAsync();
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.InsertTextAsync("query Me { viewer { handle displayName } areas { name } }");
        await page.GetByRole(AriaRole.Button, new() { Name = "Execute query (Ctrl-Enter)" }).ClickAsync();

        var response = page.Locator(".graphiql-response .monaco-editor");
        await Expect(response).ToContainTextAsync("\"handle\": \"lin\"");
        await Expect(response).ToContainTextAsync("\"displayName\": \"Lin Ostrom\"");
        await Screenshots.TakeAsync(page, "graphiql");

        // axe: the page itself passes; what remains is GraphiQL 5.4's own tab strip, whose tabs
        // (role=tab) hold their close buttons (nested-interactive, serious). Nothing else may appear.
        var violations = await Axe.ViolationsAsync(page);
        Assert.True(violations.All(v => v.StartsWith("nested-interactive:", StringComparison.Ordinal)), string.Join('\n', violations));
        Assert.Empty(browser.ConsoleErrors);
    }

    [Fact]
    public async Task ASubscriptionInGraphiQLHearsADelegationMadeElsewhere()
    {
        await using var browser = await server.NewPageAsync(1280, 800);
        var page = browser.Page;
        var bob = await SignUpAsync(page.Context, "bob", "Bob Ostrom");
        await page.GotoAsync("/graphql");
        var editor = page.Locator(".graphiql-query-editor .monaco-editor");
        await editor.ClickAsync();
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.InsertTextAsync("subscription Mine { myDelegationsChanged { kind member { handle } } }");
        await page.GetByRole(AriaRole.Button, new() { Name = "Execute query (Ctrl-Enter)" }).ClickAsync();

        // The run has started once its button offers to stop it; then another member delegates to bob.
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Stop query (Ctrl-Enter)" })).ToBeVisibleAsync();
        await using var other = await server.NewPageAsync();
        var carol = await SignUpAsync(other.Page.Context, "carol", "Carol Pateman");
        var response = page.Locator(".graphiql-response .monaco-editor");

        // "Stop" shows as the run starts, maybe before the socket has subscribed: a change made in
        // that gap is not heard, so carol changes her delegation again (a bounded few times) until bob hears one.
        for (int attempt = 1; ; attempt++)
        {
            var changed = await other.Page.Context.APIRequest.PostAsync("/graphql", new()
            {
                Headers = new Dictionary<string, string> { ["X-CSRF-Token"] = carol.CsrfToken },
                DataObject = attempt % 2 == 1
                    ? new { query = $"mutation {{ delegate(input: {{ scope: {{ global: true }}, delegates: [\"{bob.GlobalId}\"] }}) {{ errors {{ __typename }} }} }}" }
                    : new { query = "mutation { revokeDelegation(input: { scope: { global: true } }) { errors { __typename } } }" },
            });
            Assert.Contains("\"errors\":null", await changed.TextAsync(), StringComparison.Ordinal);
            try
            {
                await Expect(response).ToContainTextAsync("\"handle\": \"carol\"", new() { Timeout = attempt < 5 ? 2_000 : 10_000 });
                break;
            }
            catch (PlaywrightException) when (attempt < 5)
            {
            }
        }

        Assert.Empty(browser.ConsoleErrors);
    }

    [Fact]
    public async Task GraphiQLLoadsTheSchemaForItsDocumentationWithoutTheNetwork()
    {
        await using var browser = await server.NewPageAsync(1280, 800);
        var page = browser.Page;
        var requests = new List<string>();
        page.Request += (_, request) => requests.Add(request.Url);

        await page.GotoAsync("/graphql");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show Documentation Explorer" }).ClickAsync();
        await Expect(page.Locator(".graphiql-doc-explorer")).ToContainTextAsync("Query");

        Assert.All(requests, url => Assert.StartsWith(server.BaseUrl, url, StringComparison.Ordinal));
        Assert.Empty(browser.ConsoleErrors);
    }

    private sealed record SignedUp(string GlobalId, string CsrfToken);

    /// <summary>Registers through the REST api in this browser context, which then holds the session cookie.</summary>
    private static async Task<SignedUp> SignUpAsync(IBrowserContext context, string handle, string displayName)
    {
        var registered = await context.APIRequest.PostAsync("/api/account/register", new()
        {
            DataObject = new { handle, displayName, email = $"{handle}@example.org", password = "commons governed" },
        });
        Assert.True(registered.Ok, await registered.TextAsync());
        using var session = JsonDocument.Parse(await registered.TextAsync());
        var token = session.RootElement.GetProperty("csrfToken").GetString()!;
        var me = await context.APIRequest.PostAsync("/graphql", new()
        {
            Headers = new Dictionary<string, string> { ["X-CSRF-Token"] = token },
            DataObject = new { query = "{ viewer { member { id } } }" },
        });
        using var answer = JsonDocument.Parse(await me.TextAsync());
        return new SignedUp(answer.RootElement.GetProperty("data").GetProperty("viewer").GetProperty("member").GetProperty("id").GetString()!, token);
    }
}
