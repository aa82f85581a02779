using Microsoft.Playwright;
using static Governance.WebClient.Tests.PowerPages;
using static Microsoft.Playwright.Assertions;

namespace Governance.WebClient.Tests;

/// <summary>A proposal bubbles up through members' support; a moderator schedules it with the keyboard; everyone sees the log.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ModerationFlowTests(WebClientServer server)
{
    [Fact]
    public async Task AModeratorSchedulesAnItemThatBubbledUpAndTheQueueAndLogFollowLive()
    {
        // Three members of level 3 (8 points each) lift a proposal over the quorum and minimum supporters.
        var supporters = new List<BrowserPage>();
        string? proposal = null;
        string score = "", supporterCount = "";
        const string Title = "Open the books of the housing fund";
        try
        {
            foreach (var handle in new[] { "pw-sup1", "pw-sup2", "pw-sup3" })
            {
                var browser = await SignedInAsync(server, handle, "Supporter " + handle[^1]);
                supporters.Add(browser);
                SetKarma(server, handle, 45);
            }

            var first = supporters[0].Page;
            var area = (await GraphQLAsync(first, "{ areas { id } }")).GetProperty("areas")[0].GetProperty("id").GetString();
            proposal = (await GraphQLAsync(first, "mutation($a: ID!, $t: String!) { propose(input: { area: $a, title: $t, body: \"Publish every account, every quarter.\" }) { proposal { id } } }", new { a = area, t = Title }))
                .GetProperty("propose").GetProperty("proposal").GetProperty("id").GetString();
            foreach (var s in supporters)
            {
                var support = await GraphQLAsync(s.Page, "mutation($p: ID!) { support(input: { proposal: $p, points: 8 }) { errors { __typename ... on UserError { message } } } }", new { p = proposal });
                Assert.True(support.GetProperty("support").GetProperty("errors").ValueKind == System.Text.Json.JsonValueKind.Null, support.ToString());
            }

            // Reaching the agenda released the points; what carried it there stays on record.
            var queued = (await GraphQLAsync(first, "query($p: ID!) { proposal(id: $p) { status score agendaSupport { score supporterCount } } }", new { p = proposal })).GetProperty("proposal");
            Assert.Equal("ON_AGENDA", queued.GetProperty("status").GetString());
            Assert.Equal(0, queued.GetProperty("score").GetInt32());
            Assert.Equal((24, 3), (queued.GetProperty("agendaSupport").GetProperty("score").GetInt32(), queued.GetProperty("agendaSupport").GetProperty("supporterCount").GetInt32()));
            score = "24";
            supporterCount = "3";
        }
        finally
        {
            foreach (var s in supporters)
            {
                await s.DisposeAsync();
            }
        }

        // Everyone (signed out here) sees the queue, and no action buttons.
        await using var watcherBrowser = await server.NewPageAsync();
        var watcher = watcherBrowser.Page;
        await watcher.GotoAsync("/moderation");
        // By its heading: other items' merge lists name this proposal too.
        var watchedItem = watcher.GetByTestId("agenda-item").Filter(new() { Has = watcher.GetByRole(AriaRole.Heading, new() { Name = Title, Exact = true }) });
        await Expect(watchedItem).ToBeVisibleAsync();
        await Expect(watchedItem.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        await Axe.AssertNoViolationsAsync(watcher, "the moderation page, signed out");

        await server.RegisterAsync("pw-mod", "Mo Derator", Password);
        GrantRole(server, "pw-mod", "moderator");
        await using var moderatorBrowser = await SignInAsync(server, "pw-mod", "Mo Derator");
        var moderator = moderatorBrowser.Page;

        await moderator.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Moderation" }).ClickAsync();
        var item = moderator.GetByTestId("agenda-item").Filter(new() { Has = moderator.GetByRole(AriaRole.Heading, new() { Name = Title, Exact = true }) });
        await Expect(item).ToBeVisibleAsync();
        await Expect(item.Locator("dd").Nth(1)).ToHaveTextAsync(score);
        await Expect(item.Locator("dd").Nth(2)).ToHaveTextAsync(supporterCount);
        await Expect(item.GetByText(new System.Text.RegularExpressions.Regex("^On the agenda, "))).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(moderator, "the moderation page of a moderator");
        await Screenshots.TakeAsync(moderator, "moderation");

        // Keyboard only: Decline without a reason is refused here, before the server.
        var reason = item.GetByLabel("Public reason");
        var decline = item.GetByRole(AriaRole.Button, new() { Name = "Decline" });
        await TabToAsync(moderator, decline);
        await moderator.Keyboard.PressAsync("Enter");
        await Expect(reason).ToBeFocusedAsync();
        await Expect(reason).ToHaveAccessibleDescriptionAsync(new System.Text.RegularExpressions.Regex("Give a reason"));
        await Axe.AssertNoViolationsAsync(moderator, "the moderation page with a missing reason");
        await moderator.Keyboard.TypeAsync("Well supported and ready for a vote");
        var schedule = item.GetByRole(AriaRole.Button, new() { Name = "Schedule" });
        await TabToAsync(moderator, schedule);
        await moderator.Keyboard.PressAsync("Enter");

        // The item leaves the queue; the outcome is announced above it, and focus goes there.
        await Expect(moderator.GetByText($"“{Title}” is scheduled.")).ToBeFocusedAsync();
        var log = moderator.GetByTestId("moderation-log");
        await Expect(log.GetByRole(AriaRole.Row).Filter(new() { HasText = "Well supported and ready for a vote" })).ToContainTextAsync("Scheduled");
        await Expect(log.GetByRole(AriaRole.Row).Filter(new() { HasText = "Well supported and ready for a vote" })).ToContainTextAsync("@pw-mod");

        // The other tab's queue and log follow without a reload (agendaChanged).
        await Expect(watchedItem).ToHaveCountAsync(0);
        await Expect(watcher.GetByTestId("moderation-log").GetByRole(AriaRole.Row).Filter(new() { HasText = "Well supported and ready for a vote" })).ToBeVisibleAsync();

        var scheduled = (await GraphQLAsync(moderator, "query($p: ID!) { proposal(id: $p) { status } }", new { p = proposal })).GetProperty("proposal").GetProperty("status").GetString();
        Assert.Equal("SCHEDULED", scheduled);
        Assert.True(moderatorBrowser.ConsoleErrors.Count == 0, "moderator: " + string.Join('\n', moderatorBrowser.ConsoleErrors));
        Assert.True(watcherBrowser.ConsoleErrors.Count == 0, "watcher: " + string.Join('\n', watcherBrowser.ConsoleErrors));
    }
}
