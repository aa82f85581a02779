using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Governance.WebClient.Tests;

/// <summary>Issue 16 in the browser: the bell counts live, the notifications page reads and marks them, the settings turn a kind off.</summary>
[Collection(BrowserCollection.Name)]
public sealed class NotificationFlowTests(WebClientServer server)
{
    private const string DelegateToMe = "Someone delegates to me, changes or takes back their delegation";

    [Fact]
    public async Task TheBellCountsADelegationLiveTheMemberReadsItAndTurnsTheKindOff()
    {
        await using var bob = await Member.RegisterAsync(server, "pw-bell-bob", "Bob Bell");
        await using var ann = await Member.RegisterAsync(server, "pw-bell-ann", "Ann Bell");
        var page = bob.Page;
        await page.GotoAsync("/");
        var bell = page.GetByRole(AriaRole.Link, new() { Name = "Notifications", Exact = true });
        await Expect(bell).ToBeVisibleAsync();

        // Ann delegates to Bob: his bell counts it without a reload (notificationAdded).
        await ann.GraphQLAsync("mutation($d: [ID!]!) { delegate(input: { scope: { global: true }, delegates: $d }) { errors { __typename } } }", new { d = new[] { bob.Id } });
        var unreadBell = page.GetByRole(AriaRole.Link, new() { Name = "Notifications, 1 unread" });
        await Expect(unreadBell).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Axe.AssertNoViolationsAsync(page, "the header with an unread notification");

        await unreadBell.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Notifications");
        var item = page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "@pw-bell-ann delegated to you (everywhere)" });
        await Expect(item).ToContainTextAsync("You now carry 2 votes, your own included.");
        await Expect(item).ToContainTextAsync("Unread:");
        await Axe.AssertNoViolationsAsync(page, "the notifications page");
        await Screenshots.TakeAsync(page, "notifications");

        await item.GetByRole(AriaRole.Button, new() { Name = "Mark read" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Marked as read." })).ToBeVisibleAsync();
        await Expect(item).Not.ToContainTextAsync("Unread:");
        await Expect(bell).ToBeVisibleAsync();

        // Off for delegations: Ann's revocation is not written.
        await page.GetByRole(AriaRole.Link, new() { Name = "Notification settings" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Notification settings");
        var group = page.GetByRole(AriaRole.Group, new() { Name = DelegateToMe });
        await Expect(group.GetByLabel("In the app", new() { Exact = true })).ToBeCheckedAsync();
        await group.GetByLabel("Off").CheckAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = $"{DelegateToMe}: Off." })).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page, "the notification settings");
        await ann.GraphQLAsync("mutation { revokeDelegation(input: { scope: { global: true } }) { revoked } }");
        await page.ReloadAsync();
        await Expect(page.GetByRole(AriaRole.Group, new() { Name = DelegateToMe }).GetByLabel("Off")).ToBeCheckedAsync();
        await page.WaitForTimeoutAsync(2_000);
        var count = await bob.GraphQLAsync("{ viewer { unreadNotificationCount notifications { totalCount } } }");
        Assert.Equal(0, count.GetProperty("viewer").GetProperty("unreadNotificationCount").GetInt32());
        Assert.Equal(1, count.GetProperty("viewer").GetProperty("notifications").GetProperty("totalCount").GetInt32());
        Assert.Empty(bob.Browser.ConsoleErrors);
    }

    [Fact]
    public async Task ANotificationWrittenWhileThePageSubscribesStillShowsOnIt()
    {
        await using var bob = await Member.RegisterAsync(server, "pw-gap-bob", "Bob Gap");
        await using var ann = await Member.RegisterAsync(server, "pw-gap-ann", "Ann Gap");
        var page = bob.Page;

        // Bob's socket reaches the server, but his page's subscriptions are held back until the
        // notification is written: the window between the page's query and its subscriptions,
        // made as wide as the test needs (CI once lost a notice in it).
        var held = new List<string>();
        var holding = true;
        IWebSocketRoute? releaseTo = null;
        await page.RouteWebSocketAsync("**/graphql", ws =>
        {
            var toServer = ws.ConnectToServer();
            ws.OnMessage(frame =>
            {
                lock (held)
                {
                    if (holding && frame.Text?.Contains("\"type\":\"subscribe\"", StringComparison.Ordinal) == true)
                    {
                        held.Add(frame.Text);
                        return;
                    }
                }

                toServer.Send(frame.Text!);
            });
            releaseTo = toServer;
        });

        await page.GotoAsync("/notifications");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Notifications");
        await Expect(page.GetByText("Nothing new.", new() { Exact = false })).ToBeVisibleAsync();
        var subscribed = DateTime.UtcNow.AddSeconds(15);
        while (HeldCount() < 2 && DateTime.UtcNow < subscribed)
        {
            await Task.Delay(50); // the bell's count and the page's two subscriptions
        }

        Assert.True(HeldCount() >= 2, $"only {HeldCount()} subscriptions were sent");

        await ann.GraphQLAsync("mutation($d: [ID!]!) { delegate(input: { scope: { global: true }, delegates: $d }) { errors { __typename } } }", new { d = new[] { bob.Id } });
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while ((await bob.GraphQLAsync("{ viewer { unreadNotificationCount } }")).GetProperty("viewer").GetProperty("unreadNotificationCount").GetInt32() == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        lock (held)
        {
            holding = false;
            foreach (var message in held)
            {
                releaseTo!.Send(message);
            }
        }

        await Expect(page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "@pw-gap-ann delegated to you (everywhere)" })).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Notifications, 1 unread" })).ToBeVisibleAsync();
        Assert.Empty(bob.Browser.ConsoleErrors);

        int HeldCount()
        {
            lock (held)
            {
                return held.Count;
            }
        }
    }

    [Fact]
    public async Task AMemberWhoseDelegateBlocksWhereTheirVoteGoesIsToldAndCanTurnThatKindToEmail()
    {
        await using var bob = await Member.RegisterAsync(server, "pw-blk-bob", "Bob Block");
        await using var ann = await Member.RegisterAsync(server, "pw-blk-ann", "Ann Block");
        await ann.GraphQLAsync("mutation($d: [ID!]!) { delegate(input: { scope: { global: true }, delegates: $d }) { errors { __typename } } }", new { d = new[] { bob.Id } });
        var area = (await bob.GraphQLAsync("{ areas { id } }")).GetProperty("areas")[0].GetProperty("id").GetString();
        await bob.GraphQLAsync("mutation($a: ID!) { blockDelegation(input: { scope: { area: $a } }) { errors { __typename } } }", new { a = area });

        var page = ann.Page;
        await page.GotoAsync("/notifications");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Notifications");
        var item = page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "@pw-blk-bob, your delegate, blocked delegation in one area" });
        await Expect(item).ToContainTextAsync("there your vote stops with them unless they vote", new() { Timeout = 15_000 });
        await Axe.AssertNoViolationsAsync(page, "the notifications page with a blocked delegate");
        await Screenshots.TakeAsync(page, "notification-delegate-blocked");

        await page.GetByRole(AriaRole.Link, new() { Name = "Notification settings" }).ClickAsync();
        var group = page.GetByRole(AriaRole.Group, new() { Name = "My delegate blocked delegation where my vote goes to them" });
        await Expect(group.GetByLabel("In the app", new() { Exact = true })).ToBeCheckedAsync();
        await group.GetByLabel("In the app and the daily email").CheckAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "My delegate blocked delegation where my vote goes to them: In the app and the daily email." })).ToBeVisibleAsync();
        var settings = await ann.GraphQLAsync("{ viewer { notificationSettings { kind delivery } } }");
        Assert.Contains(settings.GetProperty("viewer").GetProperty("notificationSettings").EnumerateArray(),
            s => s.GetProperty("kind").GetString() == "DELEGATE_BLOCKED" && s.GetProperty("delivery").GetString() == "EMAIL");
        Assert.Empty(ann.Browser.ConsoleErrors);
    }
}
