using System.Text.Json;
using Governance.Core.Storage;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Governance.WebClient.Tests;

/// <summary>
/// GDPR on the account page, in Chromium: a member downloads everything stored about them as
/// JSON, erases the account with their password, and the event log's hash chain still verifies.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ExportErasureFlowTests(WebClientServer server)
{
    private const string Password = "correct horse battery";

    [Fact]
    public async Task AMemberDownloadsTheirDataThenErasesTheAccountAndTheLogStillVerifies()
    {
        await using var member = await Member.RegisterAsync(server, "erase.walker", "Erin Walker");
        var area = (await member.GraphQLAsync("{ areas { id archived } }")).GetProperty("areas").EnumerateArray()
            .First(a => !a.GetProperty("archived").GetBoolean()).GetProperty("id").GetString();
        var proposed = await member.GraphQLAsync(
            "mutation($a: ID!) { propose(input: { area: $a, title: \"Quiet hours in the reading room\", body: \"From 9 to 12.\" }) { proposal { id } errors { ... on UserError { code } } } }",
            new { a = area });
        var proposal = proposed.GetProperty("propose").GetProperty("proposal").GetProperty("id").GetString()!;

        var page = member.Page;
        await page.GotoAsync("/account");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Your account");

        // The download: everything about me, my proposal among it.
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download my data (JSON)" }).ClickAsync());
        Assert.EndsWith(".json", download.SuggestedFilename, StringComparison.Ordinal);
        var path = Path.Combine(Path.GetTempPath(), $"export-{Guid.NewGuid():N}.json");
        await download.SaveAsAsync(path);
        using (var exported = JsonDocument.Parse(await File.ReadAllTextAsync(path)))
        {
            Assert.Equal("erase.walker", exported.RootElement.GetProperty("member")[0].GetProperty("handle").GetString());
            Assert.Equal("erase.walker@example.org", exported.RootElement.GetProperty("member")[0].GetProperty("email").GetString());
            Assert.Contains(exported.RootElement.GetProperty("proposals").EnumerateArray(), p => p.GetProperty("title").GetString() == "Quiet hours in the reading room");
        }

        File.Delete(path);

        // Erasure: the confirmation first, then a wrong password refused beside its field, then the right one.
        await page.GetByLabel("Your password, to confirm").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Erase my account" }).ClickAsync();
        await Expect(page.GetByText("Tick the box to confirm first.")).ToBeVisibleAsync();
        await page.GetByLabel("I understand that erasing my account cannot be undone.").CheckAsync();
        await page.GetByLabel("Your password, to confirm").FillAsync("not my password at all");
        await page.GetByRole(AriaRole.Button, new() { Name = "Erase my account" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert).First).ToContainTextAsync("The password is wrong", new() { Timeout = 45_000 });
        await Axe.AssertNoViolationsAsync(page, "the account page with a refused erasure");
        await Screenshots.TakeAsync(page, "account-erase-refused");
        await page.GetByLabel("Your password, to confirm").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Erase my account" }).ClickAsync();

        // Signed out, on the home page; the account is gone, the proposal stays under the pseudonym.
        await Expect(page).ToHaveURLAsync($"{server.BaseUrl}/", new() { Timeout = 45_000 });
        Assert.Equal(401, (await page.Context.APIRequest.GetAsync("/api/account/session")).Status);
        await page.GotoAsync($"/proposals/{Uri.EscapeDataString(proposal)}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Quiet hours in the reading room");
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("Erased member");
        await Expect(page.GetByRole(AriaRole.Main)).Not.ToContainTextAsync("Erin Walker");
        await Screenshots.TakeAsync(page, "proposal-of-erased-member");

        var verification = EventLog.Verify((Database)server.Services.GetService(typeof(Database))!);
        Assert.True(verification.Intact, verification.Problem);
        Assert.Empty(member.Browser.ConsoleErrors);
    }
}
