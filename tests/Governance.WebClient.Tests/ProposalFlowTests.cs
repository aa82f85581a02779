using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Governance.WebClient.Tests;

/// <summary>
/// The members' proposal pages in a real Chromium against the real server: propose (by
/// keyboard), support, edit and withdraw; markdown that tries to run script; the vote, where
/// my vote goes and the weight I carry, moving live as others delegate and vote; a dropped
/// socket that recovers; axe and a phone's width on every page.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ProposalFlowTests(WebClientServer server)
{
    /// <summary>Each way proposal markdown could run script: none of them may.</summary>
    private const string HostileBody = """
        ## Plan

        Plant **oaks** along the river.

        <script>window.pwned = 'script'</script>
        <img src="x" onerror="window.pwned = 'img'">
        <p style="color: red" onclick="window.pwned = 'onclick'">Click this paragraph</p>

        [A javascript link](javascript:window.pwned='markdown-link')

        <a href="javascript:window.pwned='html-link'">A raw javascript link</a>

        <iframe src="javascript:window.pwned='iframe'"></iframe>
        """;

    private static ILocator Heading(IPage page) => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    /// <summary>Records CSP violations from the page's first script on: a sanitised page causes none.</summary>
    private static async Task WatchCspAsync(IPage page) => await page.AddInitScriptAsync(
        "window.__csp = []; document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));");

    private static async Task AssertNothingRanAsync(IPage page)
    {
        Assert.Null(await page.EvaluateAsync<string?>("() => window.pwned ?? null"));
        Assert.Empty(await page.EvaluateAsync<string[]>("() => window.__csp"));
    }

    [Fact]
    public async Task AMemberProposesByKeyboardAnotherSupportsLiveAndTheHostileMarkdownRunsNothing()
    {
        await using var ada = await Member.RegisterAsync(server, "pf-ada", "Ada Proposer");
        await using var ben = await Member.RegisterAsync(server, "pf-ben", "Ben Backer");
        var page = ada.Page;
        await WatchCspAsync(page);
        await WatchCspAsync(ben.Page);

        // Home: the lists, then Propose from the navigation, all by keyboard.
        await page.GotoAsync("/");
        await Expect(page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Heading, new() { Name = "Proposals" })).ToBeVisibleAsync();
        await Expect(page.Locator(".proposal-item").First).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page, "the signed-in home with proposals");
        await Screenshots.TakeAsync(page, "proposals-home");
        var proposeLink = page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Propose" });
        await ada.TabToAsync(proposeLink);
        await page.Keyboard.PressAsync("Enter");
        await Expect(Heading(page)).ToHaveTextAsync("Propose");
        await Expect(Heading(page)).ToBeFocusedAsync();

        var area = page.GetByLabel("Area");
        await Expect(area.Locator("option").Nth(1)).ToBeAttachedAsync();
        await ada.TabToAsync(area);
        await page.Keyboard.PressAsync("ArrowDown");
        await Expect(area).Not.ToHaveValueAsync("");
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByLabel("Title")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("Plant oaks by the river");
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByLabel("Text")).ToBeFocusedAsync();
        await page.Keyboard.InsertTextAsync(HostileBody);
        var preview = page.GetByRole(AriaRole.Region, new() { Name = "Preview" });
        await Expect(preview.GetByRole(AriaRole.Heading, new() { Name = "Plan" })).ToBeVisibleAsync();
        await Expect(preview.Locator("strong")).ToHaveTextAsync("oaks");
        await AssertNothingRanAsync(page);
        await Axe.AssertNoViolationsAsync(page, "the propose page with a preview");
        await Screenshots.TakeAsync(page, "propose");
        await ada.TabToAsync(page.GetByRole(AriaRole.Button, new() { Name = "Publish proposal" }));
        await page.Keyboard.PressAsync("Enter");

        // The proposal page: rendered and sanitised; clicking every link runs nothing.
        await Expect(Heading(page)).ToHaveTextAsync("Plant oaks by the river");
        await Expect(Heading(page)).ToBeFocusedAsync();
        var url = page.Url;
        var body = page.Locator(".proposal-body");
        await Expect(body.GetByRole(AriaRole.Heading, new() { Name = "Plan" })).ToBeVisibleAsync();
        Assert.Equal(0, await body.Locator("script, img, iframe, [onerror], [onclick], [style]").CountAsync());
        await body.GetByText("Click this paragraph").ClickAsync();
        await body.GetByText("A javascript link").ClickAsync();
        await body.GetByText("A raw javascript link").ClickAsync();
        await Expect(page).ToHaveURLAsync(url);
        await AssertNothingRanAsync(page);
        await Expect(page.GetByTestId("proposal-score")).ToHaveTextAsync("0 points from 0 supporters");
        await Expect(page.GetByTestId("live-status")).ToHaveTextAsync("Live updates on");
        await Axe.AssertNoViolationsAsync(page, "the author's proposal page");

        // Ben finds it under New and supports it by keyboard; Ada's page follows without a reload.
        await ben.Page.GotoAsync("/");
        await ben.Page.GetByRole(AriaRole.Button, new() { Name = "New" }).ClickAsync();
        await ben.Page.GetByRole(AriaRole.Link, new() { Name = "Plant oaks by the river" }).ClickAsync();
        await Expect(Heading(ben.Page)).ToHaveTextAsync("Plant oaks by the river");
        await Expect(ben.Page.GetByTestId("allowance")).ToHaveTextAsync("You have 4 of 4 points left; at most 1 on one proposal.");
        await ben.TabToAsync(ben.Page.GetByLabel("Points"));
        await ben.Page.Keyboard.PressAsync("Control+A");
        await ben.Page.Keyboard.TypeAsync("2");
        await ben.Page.Keyboard.PressAsync("Enter");
        var refusal = ben.Page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "point" });
        await Expect(refusal).ToBeFocusedAsync();
        await Expect(ben.Page.GetByTestId("my-support")).ToHaveTextAsync("You do not support this proposal.");
        await ben.TabToAsync(ben.Page.GetByLabel("Points"));
        await ben.Page.Keyboard.PressAsync("Control+A");
        await ben.Page.Keyboard.TypeAsync("1");
        await ben.Page.Keyboard.PressAsync("Enter");
        await Expect(ben.Page.GetByText("Your support is now 1 point.")).ToBeVisibleAsync();
        await Expect(ben.Page.GetByTestId("allowance")).ToHaveTextAsync("You have 3 of 4 points left; at most 1 on one proposal.");
        await Expect(page.GetByTestId("proposal-score")).ToHaveTextAsync("1 point from 1 supporter");

        // Ada edits; Ben sees the new title live, and the edit in the history.
        await page.GetByRole(AriaRole.Link, new() { Name = "Edit" }).ClickAsync();
        await Expect(Heading(page)).ToHaveTextAsync("Edit: Plant oaks by the river");
        await Expect(page.GetByLabel("Title")).ToHaveValueAsync("Plant oaks by the river");
        await Axe.AssertNoViolationsAsync(page, "the edit page");
        await page.GetByLabel("Title").FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Expect(page.GetByLabel("Title")).ToBeFocusedAsync();
        await Expect(page.GetByLabel("Title")).ToHaveAttributeAsync("aria-invalid", "true");
        await page.GetByLabel("Title").FillAsync("Plant oaks and limes by the river");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Expect(Heading(page)).ToHaveTextAsync("Plant oaks and limes by the river");
        await Expect(Heading(ben.Page)).ToHaveTextAsync("Plant oaks and limes by the river");
        await Expect(ben.Page.Locator(".status-history li").Last).ToContainTextAsync("edited by the author");
        await Expect(ben.Page.GetByTestId("proposal-score")).ToHaveTextAsync("1 point from 1 supporter");
        await Screenshots.TakeAsync(page, "proposal");

        // Ada withdraws, after confirming; Ben's page shows it and his points come back.
        await page.GetByRole(AriaRole.Button, new() { Name = "Withdraw proposal" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Yes, withdraw it" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByTestId("proposal-status")).ToHaveTextAsync("Withdrawn");
        await Expect(ben.Page.GetByTestId("proposal-status")).ToHaveTextAsync("Withdrawn");
        await Expect(ben.Page.GetByText("Support is only possible while the proposal is open.")).ToBeVisibleAsync();
        await Expect(ben.Page.GetByTestId("allowance")).ToHaveTextAsync("You have 4 of 4 points left; at most 1 on one proposal.");

        await AssertNothingRanAsync(page);
        await AssertNothingRanAsync(ben.Page);
        Assert.Empty(ada.Browser.ConsoleErrors);
        Assert.Empty(ben.Browser.ConsoleErrors);
    }

    [Fact]
    public async Task VotesAndADelegationMoveWhereMyVoteGoesAndMyWeightLiveEvenAfterTheSocketDrops()
    {
        await using var ann = await Member.RegisterAsync(server, "pv-ann", "Ann Voter");
        await using var ben = await Member.RegisterAsync(server, "pv-ben", "Ben Delegator");
        await using var cat = await Member.RegisterAsync(server, "pv-cat", "Cat Delegate");
        var voting = (await ann.GraphQLAsync("{ proposals(status: VOTING, orderBy: NEW, first: 1) { nodes { id title } } }"))
            .GetProperty("proposals").GetProperty("nodes")[0];
        var path = $"/proposals/{Uri.EscapeDataString(voting.GetProperty("id").GetString()!)}";
        var title = voting.GetProperty("title").GetString()!;

        // Ben's socket goes through a route the test can cut, and hold down while it checks the notice.
        IWebSocketRoute? bensSocket = null;
        var holdReconnect = false;
        await ben.Page.RouteWebSocketAsync("**/graphql", ws =>
        {
            bensSocket = ws;
            if (!holdReconnect)
            {
                ws.ConnectToServer();
            }
        });

        foreach (var m in new[] { ann, ben, cat })
        {
            await m.Page.GotoAsync(path);
            await Expect(Heading(m.Page)).ToHaveTextAsync(title);
            await Expect(m.Page.GetByTestId("live-status")).ToHaveTextAsync("Live updates on");
        }

        var bensPath = ben.Page.GetByTestId("vote-path");
        await Expect(bensPath).ToHaveAttributeAsync("data-outcome", "DEAD_END");
        await Expect(bensPath).ToHaveTextAsync("You neither vote nor delegate here: your vote counts only if you cast it.");
        await Expect(cat.Page.GetByTestId("my-weight")).ToContainTextAsync("if nobody else votes: 1 ");
        await Expect(ann.Page.GetByText("The tally is published when voting closes.")).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(ann.Page, "a proposal page in voting");

        // Ben delegates for the whole organisation: Cat first, then Ann. Cat's weight moves live.
        var delegated = await ben.GraphQLAsync(
            "mutation($d: [ID!]!) { delegate(input: { scope: { global: true }, delegates: $d }) { errors { ... on UserError { code message } } } }",
            new { d = new[] { cat.Id, ann.Id } });
        Assert.Equal(System.Text.Json.JsonValueKind.Null, delegated.GetProperty("delegate").GetProperty("errors").ValueKind);
        await Expect(cat.Page.GetByTestId("my-weight")).ToContainTextAsync("if nobody else votes: 2 ");
        await Expect(bensPath).ToContainTextAsync($"The chain ends at {cat.Label}.");
        await Expect(bensPath.Locator("li").Last).ToHaveTextAsync($"→ {cat.Label} (choice 1, whole organisation)");

        // Ann votes by keyboard: Ben's vote now reaches her, through his second choice.
        var yes = ann.Page.GetByRole(AriaRole.Radio, new() { Name = "Yes" });
        await ann.TabToAsync(yes);
        await ann.Page.Keyboard.PressAsync("Space");
        await Expect(yes).ToBeCheckedAsync();
        await ann.TabToAsync(ann.Page.GetByRole(AriaRole.Button, new() { Name = "Cast vote" }));
        await ann.Page.Keyboard.PressAsync("Enter");
        await Expect(ann.Page.GetByText("Your vote is recorded: Yes.")).ToBeVisibleAsync();
        await Expect(ann.Page.GetByTestId("my-vote")).ToHaveTextAsync("You voted: Yes. You can change your vote until voting closes.");
        await Expect(bensPath).ToHaveAttributeAsync("data-outcome", "CARRIED");
        await Expect(ben.Page.GetByTestId("vote-carrier")).ToHaveTextAsync($"Carried by {ann.Label}, arriving with weight 1.");
        await Expect(bensPath.Locator("li").Last).ToHaveTextAsync($"→ {ann.Label} (choice 2, whole organisation)");
        await Screenshots.TakeAsync(ben.Page, "proposal-vote-path");

        // Ben's socket drops and stays down: the page says so; then it comes back.
        holdReconnect = true;
        await bensSocket!.CloseAsync(new() { Code = 1001, Reason = "test: connection lost" });
        await Expect(ben.Page.GetByTestId("live-status")).ToHaveTextAsync("Connection lost; reconnecting…");
        holdReconnect = false;
        await bensSocket!.CloseAsync(new() { Code = 1001, Reason = "test: let it through" });
        await Expect(ben.Page.GetByTestId("live-status")).ToHaveTextAsync("Live updates on", new() { Timeout = 20_000 });

        // Cat, a third member, votes in her own tab: Ben's page shows his vote going to her now
        // (his first choice, as close as Ann), without a reload, over the new socket.
        await cat.Page.GetByRole(AriaRole.Radio, new() { Name = "No" }).CheckAsync();
        await cat.Page.GetByRole(AriaRole.Button, new() { Name = "Cast vote" }).ClickAsync();
        await Expect(cat.Page.GetByText("Your vote is recorded: No.")).ToBeVisibleAsync();
        await Expect(ben.Page.GetByTestId("vote-carrier")).ToHaveTextAsync($"Carried by {cat.Label}, arriving with weight 1.");
        await Expect(bensPath.Locator("li").Last).ToHaveTextAsync($"→ {cat.Label} (choice 1, whole organisation)");

        // Ann changes her mind: still one vote, now No.
        await ann.Page.GetByRole(AriaRole.Radio, new() { Name = "No" }).CheckAsync();
        await ann.Page.GetByRole(AriaRole.Button, new() { Name = "Change vote" }).ClickAsync();
        await Expect(ann.Page.GetByTestId("my-vote")).ToHaveTextAsync("You voted: No. You can change your vote until voting closes.");
        await ann.Page.ReloadAsync();
        await Expect(ann.Page.GetByTestId("my-vote")).ToHaveTextAsync("You voted: No. You can change your vote until voting closes.");

        Assert.Empty(ann.Browser.ConsoleErrors);
        Assert.Empty(cat.Browser.ConsoleErrors);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/propose")]
    [InlineData("proposal")]
    public async Task TheProposalPagesFitAPhoneWithoutAxeViolations(string where)
    {
        await using var member = await Member.RegisterAsync(server, $"pp-{(where == "/" ? "home" : where.Trim('/'))}", "Phone Member", width: 375, height: 740);
        var page = member.Page;
        var path = where;
        if (where == "proposal")
        {
            var proposed = await member.GraphQLAsync(
                "mutation($a: ID!, $b: String!) { propose(input: { area: $a, title: \"A rather long proposal title that has to wrap on a phone's narrow screen without scrolling\", body: $b }) { proposal { id } } }",
                new
                {
                    a = (await member.GraphQLAsync("{ areas { id } }")).GetProperty("areas")[0].GetProperty("id").GetString(),
                    b = "## Why\n\nBecause https://example.org/a/very/long/address/that/does/not/break/on/its/own/and/would/overflow/the/screen is long.\n\n```\nsome code that is much wider than a phone screen is, on one line\n```",
                });
            path = $"/proposals/{Uri.EscapeDataString(proposed.GetProperty("propose").GetProperty("proposal").GetProperty("id").GetString()!)}";
        }

        await page.GotoAsync(path);
        await Expect(Heading(page)).ToBeVisibleAsync();
        if (where == "/")
        {
            await Expect(page.Locator(".proposal-item").First).ToBeVisibleAsync();
        }
        else if (where == "proposal")
        {
            await Expect(page.GetByTestId("vote-path")).ToBeVisibleAsync();
        }

        await Axe.AssertNoViolationsAsync(page, $"{path} at 375 px");
        await member.AssertNoHorizontalScrollAsync(path);
        if (where == "proposal")
        {
            await Screenshots.TakeAsync(page, "proposal-phone");
        }

        Assert.Empty(member.Browser.ConsoleErrors);
    }
}
