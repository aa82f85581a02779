using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Governance.WebClient.Tests;

/// <summary>
/// The web client against a server that runs only the build's trusted documents (issue 20
/// point 7): a member signs in, proposes, edits and sees the edit, and every GraphQL request the
/// page sends names its document by the manifest's hash alone; the server would refuse any
/// other text, so a client hash that is not the manifest's fails the flow.
/// </summary>
[Collection(TrustedDocumentsBrowserCollection.Name)]
public sealed class TrustedDocumentsFlowTests(TrustedDocumentsWebClientServer server)
{
    [Fact]
    public async Task AMemberProposesAndEditsWithHashesOnly()
    {
        await server.RegisterAsync("td-ada", "Ada Trusted", "correct horse battery");
        await using var browser = await server.NewPageAsync();
        var page = browser.Page;
        var bodies = new List<string>();
        page.Request += (_, request) =>
        {
            if (request.Url.EndsWith("/graphql", StringComparison.Ordinal) && request.Method == "POST" && request.PostData is { } body)
            {
                lock (bodies)
                {
                    bodies.Add(body);
                }
            }
        };
        var refusals = new List<string>();
        page.Response += async (_, response) =>
        {
            if (response.Url.EndsWith("/graphql", StringComparison.Ordinal) && response.Request.Method == "POST")
            {
                string text;
                try
                {
                    text = await response.TextAsync();
                }
                catch (PlaywrightException)
                {
                    return; // a response the page navigated away from
                }

                if (response.Status >= 400 || HasRequestErrors(text))
                {
                    lock (refusals)
                    {
                        refusals.Add($"{response.Status} {text} for {response.Request.PostData}");
                    }
                }
            }
        };

        await page.GotoAsync("/sign-in");
        await page.GetByLabel("Handle or email address").FillAsync("td-ada");
        await page.GetByLabel("Password").FillAsync("correct horse battery");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Main).GetByText("Signed in as Ada Trusted (@td-ada)")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Propose" }).ClickAsync();
        var area = page.GetByLabel("Area");
        try
        {
            await Expect(area.Locator("option").Nth(1)).ToBeAttachedAsync();
        }
        catch (PlaywrightException)
        {
            Assert.Fail(string.Join("\n", refusals) + "\nSENT:\n" + string.Join("\n", bodies));
        }

        await area.SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.GetByLabel("Title").FillAsync("Trusted oaks");
        await page.GetByLabel("Text").FillAsync("Planted by hash alone.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish proposal" }).ClickAsync();
        var heading = page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Heading, new() { Level = 1 });
        await Expect(heading).ToHaveTextAsync("Trusted oaks");

        await page.GetByRole(AriaRole.Link, new() { Name = "Edit" }).ClickAsync();
        await page.GetByLabel("Title").FillAsync("Trusted oaks and limes");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Expect(heading).ToHaveTextAsync("Trusted oaks and limes");

        List<string> sent;
        lock (bodies)
        {
            sent = [.. bodies];
        }

        Assert.True(sent.Count >= 4, $"only {sent.Count} GraphQL requests were seen");
        foreach (var body in sent)
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            Assert.False(root.TryGetProperty("query", out var query) && query.ValueKind == JsonValueKind.String, $"a request carried its text: {body}");
            Assert.Equal(64, root.GetProperty("extensions").GetProperty("persistedQuery").GetProperty("sha256Hash").GetString()!.Length);
        }

        Assert.Empty(refusals);
        Assert.Empty(browser.ConsoleErrors);
    }

    private static bool HasRequestErrors(string text)
    {
        try
        {
            using var json = JsonDocument.Parse(text);
            return json.RootElement.TryGetProperty("errors", out _);
        }
        catch (JsonException)
        {
            return true;
        }
    }
}

/// <summary>The api in GraphQL:PersistedDocuments=TrustedOnly: it runs the web client's manifest and nothing else.</summary>
public sealed class TrustedDocumentsWebClientServer() : WebClientServer(new Dictionary<string, string> { ["GraphQL:PersistedDocuments"] = "TrustedOnly" });

[CollectionDefinition(Name)]
public sealed class TrustedDocumentsBrowserCollection : ICollectionFixture<TrustedDocumentsWebClientServer>
{
    public const string Name = "browser, trusted documents only";
}
