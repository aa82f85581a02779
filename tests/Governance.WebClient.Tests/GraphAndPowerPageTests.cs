using Microsoft.Playwright;
using static Governance.WebClient.Tests.PowerPages;
using static Microsoft.Playwright.Assertions;

namespace Governance.WebClient.Tests;

/// <summary>The delegation graph and the power balance of the live organisation, and every power page at a phone's width.</summary>
[Collection(BrowserCollection.Name)]
public sealed class GraphAndPowerPageTests(WebClientServer server)
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
}
