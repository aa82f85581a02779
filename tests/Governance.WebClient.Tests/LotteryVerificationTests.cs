using Governance.Core.Clock;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Governance.WebClient.Tests.PowerPages;
using static Microsoft.Playwright.Assertions;

namespace Governance.WebClient.Tests;

/// <summary>
/// The karma page recomputes a real lottery draw in Chromium. Its own server: the test moves
/// the clock a week ahead to end a period, which no other browser test should live through.
/// </summary>
[Collection(ClockBrowserCollection.Name)]
public sealed class LotteryVerificationTests(WebClientServer server)
{
    [Fact]
    public async Task TheKarmaPageVerifiesARealDrawInTheBrowser()
    {
        await using var browser = await SignedInAsync(server, "pw-lotte", "Lotte Lottery");
        var page = browser.Page;
        SetKarma(server, "pw-lotte", 30);
        // Time passes: the week's period ends and the clock draws it (as LotteryTests does).
        server.Services.GetRequiredService<GovernanceClock>().RunDue(DateTimeOffset.UtcNow.AddDays(8));

        await page.GotoAsync("/karma");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Decay forecast" })).ToBeVisibleAsync();
        // The draw of this week's period, the one Lotte was a member in. Moving 8 days ahead
        // on a Sunday also draws next week's period, which lists first and does not include
        // her (the test failed on Sunday 2026-11-22 when it took the first draw on the page).
        var thisPeriod = Governance.Core.Lottery.LotteryPeriod.Containing(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), Governance.Core.Policies.PolicyValues.Default.LotteryPeriodDays);
        var draw = page.GetByTestId($"draw-{thisPeriod.Id}");
        await Expect(draw).ToContainTextAsync("You were");
        var eligible = int.Parse(await draw.Locator("dd").First.TextContentAsync() ?? "", System.Globalization.CultureInfo.InvariantCulture);
        await draw.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Verify the draw of ") }).ClickAsync();
        await Expect(draw.GetByRole(AriaRole.Status)).ToContainTextAsync($"Verified in your browser: the seed is SHA-256 of the period and the event log’s head, and all {eligible} outcomes follow from it");
        await Axe.AssertNoViolationsAsync(page, "the karma page");
        await Screenshots.TakeAsync(page, "karma");

        await page.GetByRole(AriaRole.Combobox, new() { Name = "Language" }).SelectOptionAsync("de");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Karma");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Abbau-Vorschau" })).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page, "the karma page in German");
        Assert.Empty(browser.ConsoleErrors);
    }
}

[CollectionDefinition(Name)]
public sealed class ClockBrowserCollection : ICollectionFixture<WebClientServer>
{
    public const string Name = "browser, clock moved";
}
