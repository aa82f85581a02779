using System.Text.Json;
using Governance.Core.Demo;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Governance.WebClient.Tests;

/// <summary>
/// The first-party client sends hashes, not documents (issue 20, trusted documents): every
/// query and mutation a signed-in member's pages send carries extensions.persistedQuery and no
/// text, and the server, which read the build's manifest, answers them.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class TrustedDocumentTests(WebClientServer server)
{
    [Fact]
    public async Task APagesQueriesAndMutationsGoAsHashesTheServerKnows()
    {
        await using var browser = await server.NewPageAsync();
        var page = browser.Page;
        var bodies = new List<string>();
        page.Request += (_, request) =>
        {
            if (request.Method == "POST" && request.Url.EndsWith("/graphql", StringComparison.Ordinal) && request.PostData is { } body)
            {
                lock (bodies)
                {
                    bodies.Add(body);
                }
            }
        };

        await page.GotoAsync("/sign-in");
        await page.GetByLabel("Handle or email address").FillAsync(DemoAccounts.Member.Handle);
        await page.GetByLabel("Password").FillAsync(DemoAccounts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByTestId("signed-in-as")).ToContainTextAsync($"(@{DemoAccounts.Member.Handle})");
        await page.GotoAsync("/delegations");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        await page.GotoAsync("/");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();

        string[] sent;
        lock (bodies)
        {
            sent = [.. bodies];
        }

        Assert.True(sent.Length >= 3, $"only {sent.Length} GraphQL requests were seen");
        foreach (var body in sent)
        {
            var json = JsonDocument.Parse(body).RootElement;
            Assert.False(json.TryGetProperty("query", out var query) && query.ValueKind == JsonValueKind.String, $"a document was sent in full: {body}");
            Assert.Equal(64, json.GetProperty("extensions").GetProperty("persistedQuery").GetProperty("sha256Hash").GetString()!.Length);
        }

        Assert.Empty(browser.ConsoleErrors);
    }
}
