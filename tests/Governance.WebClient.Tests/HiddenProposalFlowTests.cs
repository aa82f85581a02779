using Microsoft.Playwright;
using static Governance.WebClient.Tests.PowerPages;
using static Microsoft.Playwright.Assertions;

namespace Governance.WebClient.Tests;

/// <summary>
/// Issue 17's hidden proposals in a real Chromium: a member reports a proposal from its page, a
/// moderator hides it from the report queue, other members no longer find it in the list, and
/// its author still does, marked hidden with the reason, and appeals once from its page; axe on
/// each.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class HiddenProposalFlowTests(WebClientServer server)
{
    private const string Title = "Cheap watches, today only";

    [Fact]
    public async Task AReportedProposalHiddenByAModeratorLeavesTheListForOthersAndItsAuthorAppeals()
    {
        await using var ada = await Member.RegisterAsync(server, "hp-ada", "Ada Advertiser");
        await using var ben = await Member.RegisterAsync(server, "hp-ben", "Ben Bystander");
        var area = (await ada.GraphQLAsync("{ areas { id } }")).GetProperty("areas")[0].GetProperty("id").GetString();
        var proposal = (await ada.GraphQLAsync("mutation($a: ID!, $t: String!) { propose(input: { area: $a, title: $t, body: \"Buy them at my shop.\" }) { proposal { id } } }", new { a = area, t = Title }))
            .GetProperty("propose").GetProperty("proposal").GetProperty("id").GetString()!;

        // Ben reports it from its page.
        var page = ben.Page;
        await page.GotoAsync($"/proposals/{Uri.EscapeDataString(proposal)}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Report this proposal" }).ClickAsync();
        await page.GetByLabel("Why should a moderator look at this?").FillAsync("Advertising, not a proposal");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send report" }).ClickAsync();
        await Expect(page.GetByText("Thank you: your report is with the moderators.")).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page, "a proposal page after reporting it");

        // A moderator hides it from the report queue, with a public reason.
        await server.RegisterAsync("hp-mod", "Mo Derator", Password);
        GrantRole(server, "hp-mod", "moderator");
        await using var moderatorBrowser = await SignInAsync(server, "hp-mod", "Mo Derator");
        var moderator = moderatorBrowser.Page;
        await moderator.GotoAsync("/moderation");
        var item = moderator.GetByTestId("report-item").Filter(new() { Has = moderator.GetByRole(AriaRole.Link, new() { Name = Title }) });
        await item.GetByRole(AriaRole.Button, new() { Name = "Hide" }).ClickAsync();
        await item.GetByLabel("Reason").FillAsync("Advertising");
        await item.GetByRole(AriaRole.Button, new() { Name = "Hide" }).ClickAsync();
        await Expect(moderator.GetByText("Hidden now.")).ToBeVisibleAsync();

        // Ben's list no longer shows it, in any order; Ada's does, marked hidden with the reason.
        await page.GotoAsync("/");
        foreach (var order in new[] { "New", "Top", "Hot" })
        {
            await page.GetByRole(AriaRole.Button, new() { Name = order, Exact = true }).ClickAsync();
            await Expect(page.Locator(".proposal-item").First).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = Title })).ToHaveCountAsync(0);
        }

        var author = ada.Page;
        await author.GotoAsync("/");
        await author.GetByRole(AriaRole.Button, new() { Name = "New", Exact = true }).ClickAsync();
        var listed = author.Locator(".proposal-item").Filter(new() { Has = author.GetByRole(AriaRole.Link, new() { Name = Title }) });
        await Expect(listed.GetByTestId("list-hidden")).ToHaveTextAsync("Hidden: Advertising");
        await Axe.AssertNoViolationsAsync(author, "the author's list with a hidden proposal");

        // On its page the author reads why, and appeals once.
        await listed.GetByRole(AriaRole.Link, new() { Name = Title }).ClickAsync();
        var notice = author.GetByTestId("hidden-notice");
        await Expect(notice).ToContainTextAsync("Hidden by the moderators, and left out of every list: Advertising");
        await Expect(notice).ToContainTextAsync("Only you and the moderators see it in lists");
        await notice.GetByRole(AriaRole.Button, new() { Name = "Appeal" }).ClickAsync();
        await notice.GetByLabel("Why should it be shown again?").FillAsync("They are real watches, and cheap");
        await notice.GetByRole(AriaRole.Button, new() { Name = "Send appeal" }).ClickAsync();
        await Expect(notice.GetByRole(AriaRole.Status)).ToHaveTextAsync("Your appeal is with the moderators.");
        await Expect(notice.GetByRole(AriaRole.Button, new() { Name = "Appeal" })).ToHaveCountAsync(0);
        await Axe.AssertNoViolationsAsync(author, "a hidden proposal's page after the author's appeal");
        await Screenshots.TakeAsync(author, "hidden-proposal-appealed");
    }
}
