using Microsoft.Playwright;
using static Governance.WebClient.Tests.PowerPages;
using static Microsoft.Playwright.Assertions;

namespace Governance.WebClient.Tests;

/// <summary>
/// Delegating in the browser: the delegate's page follows live, and the vote goes where it should.
/// On a server of its own: the super-delegate line is 10 % of the eligible members, so the
/// warnings it checks hold only while the organisation is as small as this test makes it
/// (the 10 demo members and its own two), not after every other browser test has registered its members.
/// </summary>
[Collection(DelegationBrowserCollection.Name)]
public sealed class DelegationFlowTests(WebClientServer server)
{
    [Fact]
    public async Task AMemberDelegatesInTheBrowserAndTheWeightTheDelegateCarriesMovesLive()
    {
        await using var bobBrowser = await SignedInAsync(server, "pw-bob", "Bob Delegate");
        await using var annBrowser = await SignedInAsync(server, "pw-ann", "Ann Delegator");
        var bob = bobBrowser.Page;
        var ann = annBrowser.Page;

        await bob.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Delegations" }).ClickAsync();
        await Expect(bob.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Delegations");
        var carried = bob.GetByTestId("carried-weight");
        await Expect(carried).ToContainTextAsync("you carry 1 vote ");
        // A dozen or so eligible members: one more vote would put bob over the 10 % line.
        await Expect(bob.GetByText("Careful: one more vote delegated to you would make you a super-delegate")).ToBeVisibleAsync();
        await Expect(bob.GetByText("Nobody delegates to you at the moment.")).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(bob, "the delegations page");

        await ann.GotoAsync("/delegations");
        await Expect(ann.GetByTestId("current-delegation")).ToContainTextAsync("None: this scope inherits");
        await ann.GetByLabel("Search members by name").FillAsync("pw-bob");
        await ann.GetByRole(AriaRole.Button, new() { Name = "Add Bob Delegate" }).ClickAsync();
        await ann.GetByRole(AriaRole.Button, new() { Name = "Save delegation" }).ClickAsync();
        await Expect(ann.GetByRole(AriaRole.Status).Filter(new() { HasText = "Your delegation is saved." })).ToBeVisibleAsync();
        await Expect(ann.GetByTestId("current-delegation")).ToContainTextAsync("Bob Delegate (@pw-bob)");

        // Bob's page follows without a reload (myDelegationsChanged).
        await Expect(carried).ToContainTextAsync("you carry 2 votes");
        await Expect(bob.GetByRole(AriaRole.Cell, new() { Name = "Ann Delegator (@pw-ann)" })).ToBeVisibleAsync();
        await Expect(bob.GetByText("You are a super-delegate here")).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(bob, "the delegations page of a super-delegate");
        await Screenshots.TakeAsync(bob, "delegations");

        // Bob votes (through the api); ann's vote goes to him.
        var voting = (await GraphQLAsync(bob, "{ proposals(status: VOTING, first: 1) { nodes { id } } }")).GetProperty("proposals").GetProperty("nodes");
        if (voting.GetArrayLength() > 0)
        {
            var proposal = voting[0].GetProperty("id").GetString();
            var vote = await GraphQLAsync(bob, "mutation($p: ID!) { vote(input: { proposal: $p, choice: YES }) { choice errors { __typename } } }", new { p = proposal });
            Assert.Equal("YES", vote.GetProperty("vote").GetProperty("choice").GetString());
            var path = await GraphQLAsync(ann, "query($p: ID!) { proposal(id: $p) { whereDoesMyVoteGo { outcome carrier { handle } } } }", new { p = proposal });
            var where = path.GetProperty("proposal").GetProperty("whereDoesMyVoteGo");
            Assert.Equal("CARRIED", where.GetProperty("outcome").GetString());
            Assert.Equal("pw-bob", where.GetProperty("carrier").GetProperty("handle").GetString());
        }

        // Ann takes it back; bob's weight falls back, live.
        await ann.GetByRole(AriaRole.Button, new() { Name = "Revoke" }).ClickAsync();
        await Expect(ann.GetByText("Your delegation for this scope is revoked; it inherits again.")).ToBeVisibleAsync();
        await Expect(carried).ToContainTextAsync("you carry 1 vote ");
        Assert.Empty(annBrowser.ConsoleErrors);
        Assert.Empty(bobBrowser.ConsoleErrors);
    }
}

/// <summary>Delegating and blocking with the keyboard alone.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DelegationKeyboardTests(WebClientServer server)
{
    [Fact]
    public async Task AMemberDelegatesWithTheKeyboardAloneAndBlocksAnArea()
    {
        await server.RegisterAsync("pw-kim", "Kim Keyboard", Password);
        await using var browser = await SignedInAsync(server, "pw-lee", "Lee Keys");
        var page = browser.Page;
        await page.GotoAsync("/delegations");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Delegations");

        var search = page.GetByLabel("Search members by name");
        await TabToAsync(page, search);
        await page.Keyboard.TypeAsync("pw-kim");
        var add = page.GetByRole(AriaRole.Button, new() { Name = "Add Kim Keyboard" });
        await Expect(add).ToBeVisibleAsync();
        await TabToAsync(page, add);
        await page.Keyboard.PressAsync("Enter");
        var save = page.GetByRole(AriaRole.Button, new() { Name = "Save delegation" });
        await TabToAsync(page, save);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByTestId("current-delegation")).ToContainTextAsync("Kim Keyboard (@pw-kim)");

        // An area: choose it with the keyboard, block inheritance there.
        var areaRadio = page.GetByRole(AriaRole.Radio, new() { Name = "An area" });
        await areaRadio.FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await Expect(areaRadio).ToBeCheckedAsync();
        // No area is chosen for the member: nothing can be blocked by accident.
        var picker = page.GetByLabel("Area", new() { Exact = true });
        await Expect(picker).ToHaveValueAsync("");
        var block = page.GetByRole(AriaRole.Button, new() { Name = "Block inheritance" });
        await Expect(block).ToHaveCountAsync(0);
        await TabToAsync(page, picker);
        await page.Keyboard.PressAsync("ArrowDown");
        await Expect(picker).Not.ToHaveValueAsync("");
        var areaName = (await picker.Locator("option:checked").TextContentAsync())!.Split(" › ")[^1];
        await TabToAsync(page, block);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByTestId("current-delegation")).ToContainTextAsync("Blocked: nobody carries your vote here");

        // The block says where it stops the chain, and that the global delegation is not used there.
        await Expect(page.GetByTestId("delegation-route")).ToHaveTextAsync($"Blocked at {areaName}: your global delegation is not used here.");
        await page.GetByRole(AriaRole.Radio, new() { Name = "The whole party" }).CheckAsync();
        await Expect(page.GetByTestId("global-shadowed")).ToContainTextAsync($"{areaName} (blocked)");
        await Axe.AssertNoViolationsAsync(page, "the delegations page with a block shadowing the global delegation");
        await Screenshots.TakeAsync(page, "delegations-route-blocked");

        // A refused delegation (to oneself is impossible in the list; a proposal id that names nothing is refused).
        await page.GetByRole(AriaRole.Radio, new() { Name = "One proposal" }).CheckAsync();
        await page.GetByLabel("Proposal id").FillAsync("nothing-here");
        await Expect(page.GetByText("There is no proposal with this id.")).ToBeVisibleAsync();
        Assert.Empty(browser.ConsoleErrors);
    }
}

[CollectionDefinition(Name)]
public sealed class DelegationBrowserCollection : ICollectionFixture<WebClientServer>
{
    public const string Name = "browser, a small organisation";
}
