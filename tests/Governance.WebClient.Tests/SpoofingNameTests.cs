using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Governance.WebClient.Tests;

/// <summary>Names that cannot spoof, as a newcomer meets the rule on the register page.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SpoofingNameTests(WebClientServer server)
{
    [Fact]
    public async Task ALookAlikeHandleAndAHiddenBidiControlAreRefusedNamingWhatIsWrong()
    {
        await using var browser = await server.NewPageAsync();
        var page = browser.Page;
        await page.GotoAsync("/register");
        await page.GetByLabel("Handle").FillAsync("derno-rnernber");
        await page.GetByLabel("Display name").FillAsync("Mallory\u202Etnemucod");
        await page.GetByLabel("Email address").FillAsync("mallory@example.org");
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync("a long password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();

        await Expect(page.GetByText("The display name contains U+202E RIGHT-TO-LEFT OVERRIDE")).ToBeVisibleAsync();
        await page.GetByLabel("Display name").FillAsync("Mallory");
        await page.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();

        await Expect(page.GetByText("looks like the existing handle 'demo.member'")).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Handle")).ToBeFocusedAsync();
        await Axe.AssertNoViolationsAsync(page, "the register page refusing a look-alike handle");
    }
}
