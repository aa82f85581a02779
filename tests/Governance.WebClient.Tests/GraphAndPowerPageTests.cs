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

    [Fact]
    public async Task TheGraphFitsItsBoxWithArrowsLabelsForTheHeaviestOnlyAndZooms()
    {
        await using var browser = await SignedInAsync(server, "pw-gary", "Gary Graph");
        var page = browser.Page;
        await page.SetViewportSizeAsync(1280, 800);
        await page.GotoAsync("/graph");
        var graph = page.GetByTestId("delegation-graph");
        await Expect(graph).ToBeVisibleAsync();

        // Every circle inside the 720 × 480 drawing, none pinned to its border, none stacked on another.
        var layout = await graph.EvaluateAsync<int[]>("""
            svg => {
              const c = [...svg.querySelectorAll('g.node circle')].map(e => ({ x: +e.getAttribute('cx'), y: +e.getAttribute('cy'), r: +e.getAttribute('r') }));
              const outside = c.filter(n => n.x - n.r < 0 || n.x + n.r > 720 || n.y - n.r < 0 || n.y + n.r > 480).length;
              const onEdge = c.filter(n => n.x - n.r < 2 || n.x + n.r > 718 || n.y - n.r < 2 || n.y + n.r > 478).length;
              let stacked = 0;
              for (let i = 0; i < c.length; i++) for (let j = i + 1; j < c.length; j++)
                if (Math.hypot(c[i].x - c[j].x, c[i].y - c[j].y) < (c[i].r + c[j].r) * 0.5) stacked++;
              return [c.length, outside, onEdge, stacked];
            }
            """);
        Assert.True(layout[0] > 3, $"only {layout[0]} members drawn");
        Assert.Equal([0, 0, 0], layout[1..]);

        // Arrows: every delegation line ends in a visible head; labels only for the heaviest.
        var edges = await graph.Locator("line.edge").CountAsync();
        Assert.True(edges > 0, "no delegation drawn");
        Assert.Equal(edges, await graph.Locator("line.edge[marker-end^='url(#arrow']").CountAsync());
        var head = await graph.Locator("marker#arrow path").BoundingBoxAsync();
        Assert.True(head is { Width: > 2, Height: > 2 }, "the arrow head is not drawn");
        Assert.InRange(await graph.Locator("text.node-label").CountAsync(), 1, 13);

        // Zoom in narrows the view, Show all restores it.
        await page.GetByRole(AriaRole.Button, new() { Name = "Zoom in" }).ClickAsync();
        await Expect(graph).Not.ToHaveAttributeAsync("viewBox", "0 0 720 480");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show all" }).ClickAsync();
        await Expect(graph).ToHaveAttributeAsync("viewBox", "0 0 720 480");
        await Screenshots.TakeAsync(page, "delegation-graph-1280");
        await page.SetViewportSizeAsync(375, 800);
        await AssertNoHorizontalScrollAsync(page, "/graph");
        await Screenshots.TakeAsync(page, "delegation-graph-375");
        Assert.Empty(browser.ConsoleErrors);
    }

    [Fact]
    public async Task ASignedOutFirstLoadFailsNoRequest()
    {
        await using var browser = await server.NewPageAsync(1280, 800);
        var page = browser.Page;
        var failed = new List<string>();
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                failed.Add($"{response.Status} {response.Url}");
            }
        };
        await page.GotoAsync("/");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Empty(failed);
    }
}
