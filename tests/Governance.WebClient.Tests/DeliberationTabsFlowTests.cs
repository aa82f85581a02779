using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Governance.WebClient.Tests;

/// <summary>
/// Issue 17's Suggestions and Versions tabs in a real Chromium: a member suggests a change and
/// weighs it, the author edits, and the supporter is told they supported an earlier version and
/// sees the word-level diff; the tabs by keyboard; axe on each.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DeliberationTabsFlowTests(WebClientServer server)
{
    [Fact]
    public async Task AMemberSuggestsAndWeighsAChangeThenSeesTheEditAsADiffAndThatTheySupportedAnEarlierVersion()
    {
        await using var ada = await Member.RegisterAsync(server, "dt-ada", "Ada Author");
        await using var ben = await Member.RegisterAsync(server, "dt-ben", "Ben Backer");
        var area = (await ada.GraphQLAsync("{ areas { id } }")).GetProperty("areas")[0].GetProperty("id").GetString();
        var proposal = (await ada.GraphQLAsync("mutation($a: ID!) { propose(input: { area: $a, title: \"Plant trees on Main Street\", body: \"Plant twenty oaks on Main Street.\" }) { proposal { id } } }", new { a = area }))
            .GetProperty("propose").GetProperty("proposal").GetProperty("id").GetString()!;
        await ben.GraphQLAsync("mutation($p: ID!) { support(input: { proposal: $p, points: 1 }) { errors { __typename } } }", new { p = proposal });
        var page = ben.Page;
        await page.GotoAsync($"/proposals/{Uri.EscapeDataString(proposal)}");

        // The tabs by keyboard: arrow right from Discussion selects Suggestions.
        var discussionTab = page.GetByRole(AriaRole.Tab, new() { Name = "Discussion" });
        await discussionTab.FocusAsync();
        await page.Keyboard.PressAsync("ArrowRight");
        var suggestionsTab = page.GetByRole(AriaRole.Tab, new() { Name = "Suggestions" });
        await Expect(suggestionsTab).ToBeFocusedAsync();
        await Expect(suggestionsTab).ToHaveAttributeAsync("aria-selected", "true");
        var panel = page.GetByRole(AriaRole.Tabpanel, new() { Name = "Suggestions" });
        await panel.GetByLabel("Your suggestion").FillAsync("Plant limes as well: they feed bees.");
        await panel.GetByRole(AriaRole.Button, new() { Name = "Suggest" }).ClickAsync();
        var suggestion = panel.GetByTestId("suggestion").First;
        await Expect(suggestion).ToContainTextAsync("weight 0");
        await suggestion.GetByLabel("Must", new() { Exact = true }).CheckAsync();
        await Expect(suggestion.GetByLabel("Must", new() { Exact = true })).ToBeCheckedAsync();
        await Expect(suggestion).ToContainTextAsync("weight 2");
        await Expect(suggestion).ToContainTextAsync("Must 1 · should 0 · should not 0 · must not 0");
        await Axe.AssertNoViolationsAsync(page, "the suggestions tab with a weighed suggestion");

        // The author edits; Ben is told his support was for the earlier text and sees what changed.
        await ada.GraphQLAsync("mutation($p: ID!) { editProposal(input: { proposal: $p, body: \"Plant twenty oaks and ten limes on Main Street.\" }) { errors { __typename } } }", new { p = proposal });
        await page.ReloadAsync();
        await Expect(page.GetByTestId("earlier-version")).ToHaveTextAsync("You supported an earlier version (version 1); the text in force is version 2. Your points stay on it. See what changed under Versions.");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Versions" }).ClickAsync();
        var diff = page.GetByTestId("diff");
        await Expect(diff.Locator("ins")).ToContainTextAsync("and ten limes");
        await Expect(diff.Locator("del")).ToHaveCountAsync(0);
        await Axe.AssertNoViolationsAsync(page, "the versions tab with a diff");
        await Screenshots.TakeAsync(page, "versions-diff");
    }
}
