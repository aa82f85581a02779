using Governance.Core.Clock;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Governance.WebClient.Tests.PowerPages;
using static Microsoft.Playwright.Assertions;

namespace Governance.WebClient.Tests;

/// <summary>The delegation graph, the power balance, and the karma page verifying a real draw in the browser.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PowerAndKarmaPageTests(WebClientServer server)
{
    [Fact]
    public async Task TheGraphAndThePowerBalanceDrawTheLiveOrganisationAccessiblyDownToAPhone()
    {
        await using var browser = await SignedInAsync(server, "pw-gina", "Gina Graph");
        var page = browser.Page;

        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Delegation graph" }).ClickAsync();
        var graph = page.GetByTestId("delegation-graph");
        await Expect(graph).ToBeVisibleAsync();
        Assert.True(await graph.Locator("g.node").CountAsync() > 0, "the graph draws no member");
        await Expect(page.GetByLabel("Area").Locator("option").First).ToHaveTextAsync("Party");
        Assert.True(await page.GetByLabel("Area").Locator("option").CountAsync() > 1, "the area list offers no sub-area");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Largest carriers" })).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page, "the delegation graph");
        await Screenshots.TakeAsync(page, "delegation-graph");

        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Power balance" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "How many members carry how much" })).ToBeVisibleAsync();
        var simulation = page.GetByRole(AriaRole.Img, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Six line charts over 52 simulated weeks") });
        await Expect(simulation).ToBeVisibleAsync();
        Assert.True(await simulation.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), "the simulation chart did not load");
        await Axe.AssertNoViolationsAsync(page, "the power balance page");
        await Screenshots.TakeAsync(page, "power-balance");

        await page.SetViewportSizeAsync(375, 800);
        foreach (var path in new[] { "/delegations", "/karma", "/graph", "/power", "/moderation" })
        {
            await page.GotoAsync(path);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            await AssertNoHorizontalScrollAsync(page, path);
            await Axe.AssertNoViolationsAsync(page, path + " at 375 px");
        }

        Assert.Empty(browser.ConsoleErrors);
    }

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
        var draw = page.Locator("li.draw").First;
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
