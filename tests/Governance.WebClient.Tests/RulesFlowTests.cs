using System.Text.Json;
using Microsoft.Playwright;
using static Governance.WebClient.Tests.PowerPages;
using static Microsoft.Playwright.Assertions;

namespace Governance.WebClient.Tests;

/// <summary>
/// Issue 22: what the domain offers is reachable in the browser. Endorsing where members meet
/// (keyboard only), appealing a declined proposal, and the rules in force with who set them.
/// On a server of its own: its areas' policies and its members' karma stay out of the agenda
/// quorum the other browser tests count on.
/// </summary>
[Collection(RulesBrowserCollection.Name)]
public sealed class RulesFlowTests(WebClientServer server)
{
    private const string Propose = "mutation($a: ID!, $t: String!) { propose(input: { area: $a, title: $t, body: \"Say why.\" }) { proposal { id } } }";

    [Fact]
    public async Task AMemberEndorsesTheAuthorTheirDelegateAndWhoDelegatesToThemWithTheKeyboardAndSeesTheRulesAndRefusalsInPlace()
    {
        await using var bobBrowser = await SignedInAsync(server, "rl-bob", "Bob Author");
        await using var cyBrowser = await SignedInAsync(server, "rl-cy", "Cy Delegator");
        await using var annBrowser = await SignedInAsync(server, "rl-ann", "Ann Endorser");
        var ann = annBrowser.Page;
        var bobId = await IdAsync(bobBrowser.Page);
        var annId = await IdAsync(ann);
        var area = (await GraphQLAsync(ann, "{ areas { id } }")).GetProperty("areas")[0].GetProperty("id").GetString();
        var proposal = (await GraphQLAsync(bobBrowser.Page, Propose, new { a = area, t = "Plant a tree for every member" })).GetProperty("propose").GetProperty("proposal").GetProperty("id").GetString();

        // Cy delegates to ann; ann delegates to bob, so her vote's path runs through him.
        const string Delegate = "mutation($d: ID!) { delegate(input: { scope: { global: true }, delegates: [$d] }) { errors { __typename } } }";
        await GraphQLAsync(cyBrowser.Page, Delegate, new { d = annId });
        await GraphQLAsync(ann, Delegate, new { d = bobId });

        // The author line: the rule stated, then the endorsement by keyboard.
        await ann.GotoAsync($"/proposals/{Uri.EscapeDataString(proposal!)}");
        await Expect(ann.GetByTestId("endorsement-rule").First).ToContainTextAsync("You can endorse 5 more members this week (5 in any 7 days), and the same member once in 30 days.");
        var byAuthor = ann.Locator(".proposal-meta").GetByRole(AriaRole.Button, new() { Name = "Endorse Bob Author" });
        await TabToAsync(ann, byAuthor);
        await ann.Keyboard.PressAsync("Enter");
        await Expect(ann.Locator(".proposal-meta").GetByRole(AriaRole.Status)).ToHaveTextAsync("You endorsed Bob Author: +1 karma.");
        await Expect(ann.GetByTestId("endorsement-rule").First).ToContainTextAsync("You can endorse 4 more members this week");

        // The path: bob again, within 30 days. The page says so, and the server's refusal shows in place.
        var path = ann.Locator(".path-endorsements");
        await Expect(path.GetByRole(AriaRole.Heading, new() { Name = "Endorse the members on your vote’s path" })).ToBeVisibleAsync();
        await Expect(path).ToContainTextAsync("Endorsed ");
        var onPath = path.GetByRole(AriaRole.Button, new() { Name = "Endorse Bob Author" });
        await TabToAsync(ann, onPath);
        await ann.Keyboard.PressAsync("Enter");
        await Expect(path.GetByRole(AriaRole.Alert)).ToHaveTextAsync("You endorsed this member recently: one endorsement per member in that time.");
        await Axe.AssertNoViolationsAsync(ann, "a proposal page with an endorsement refused");
        await Screenshots.TakeAsync(ann, "proposal-endorse-rules");

        // Who delegates to me, then the delegate search.
        await ann.GotoAsync("/delegations");
        var delegators = ann.Locator("section").Filter(new() { Has = ann.GetByRole(AriaRole.Heading, new() { Name = "Who delegates to me" }) });
        var endorseCy = delegators.GetByRole(AriaRole.Button, new() { Name = "Endorse Cy Delegator" });
        await TabToAsync(ann, endorseCy);
        await ann.Keyboard.PressAsync("Enter");
        await Expect(delegators.GetByRole(AriaRole.Status).Filter(new() { HasText = "You endorsed Cy Delegator" })).ToBeVisibleAsync();
        await Expect(delegators.GetByTestId("endorsement-rule")).ToContainTextAsync("You can endorse 3 more members this week");

        await TabToAsync(ann, ann.GetByLabel("Search members by name"));
        await ann.Keyboard.TypeAsync("rl-");
        var results = ann.Locator(".search-results");
        await Expect(results.GetByRole(AriaRole.Button, new() { Name = "Endorse Cy Delegator" })).ToBeVisibleAsync();
        // Cy, endorsed a moment ago in the table above: the result says when again.
        await Expect(results.Locator("li").Filter(new() { HasText = "Cy Delegator" })).ToContainTextAsync("Endorsed ");
        await Axe.AssertNoViolationsAsync(ann, "the delegations page with endorse buttons");
        await Screenshots.TakeAsync(ann, "delegations-endorse");

        var received = await GraphQLAsync(bobBrowser.Page, "{ viewer { endorsementsReceived { from { handle } } } }");
        Assert.Equal(["rl-ann"], received.GetProperty("viewer").GetProperty("endorsementsReceived").EnumerateArray().Select(e => e.GetProperty("from").GetProperty("handle").GetString()));
        Assert.True(annBrowser.ConsoleErrors.Count == 0, string.Join('\n', annBrowser.ConsoleErrors));
    }

    [Fact]
    public async Task MembersAppealADeclinedProposalFromItsPageAndItsHistorySaysTheAppealPutItBackOnTheAgenda()
    {
        await server.RegisterAsync("rl-mod", "Mo Admin", Password);
        GrantRole(server, "rl-mod", "admin");
        GrantRole(server, "rl-mod", "moderator");
        await using var moderatorBrowser = await SignInAsync(server, "rl-mod", "Mo Admin");
        await using var authorBrowser = await SignedInAsync(server, "rl-author", "Ada Author");
        await using var supporterBrowser = await SignedInAsync(server, "rl-supporter", "Sam Supporter");
        var moderator = moderatorBrowser.Page;

        // An area whose agenda quorum is 1 point from 1 supporter: an appeal needs 2 points.
        var area = await AreaWithPolicyAsync(moderator, "rl-appeals", "Appeals corner", """{"agendaQuorumMinimum": 1, "agendaQuorumShare": 0, "minimumSupporters": 1, "minimumSupportersShare": 0}""");
        var proposal = (await GraphQLAsync(authorBrowser.Page, Propose, new { a = area, t = "Open the archive on Sundays" })).GetProperty("propose").GetProperty("proposal").GetProperty("id").GetString()!;
        await SupportAsync(authorBrowser.Page, proposal);
        var declined = await GraphQLAsync(moderator, "mutation($p: ID!) { declineProposal(input: { proposal: $p, reason: \"Not this year\" }) { proposal { status } errors { __typename ... on UserError { message } } } }", new { p = proposal });
        Assert.Equal("DECLINED", declined.GetProperty("declineProposal").GetProperty("proposal").GetProperty("status").GetString());

        // The appeal is open: its deadline, its progress, and the support panel accepts support.
        var page = supporterBrowser.Page;
        await page.GotoAsync($"/proposals/{Uri.EscapeDataString(proposal)}");
        var appeal = page.GetByTestId("appeal");
        await Expect(appeal).ToContainTextAsync("This proposal was declined. Members can appeal by supporting it until ");
        await Expect(page.GetByTestId("appeal-progress")).ToHaveTextAsync("Appeal support: 0 of 2 points, from 0 of at least 1 supporter.");
        await Axe.AssertNoViolationsAsync(page, "a declined proposal open to appeal");
        await Screenshots.TakeAsync(page, "proposal-appeal");
        await page.GetByRole(AriaRole.Button, new() { Name = "Support", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("appeal-progress")).ToHaveTextAsync("Appeal support: 1 of 2 points, from 1 of at least 1 supporter.");

        // The author's point completes it: back on the agenda, and the history says it was the appeal.
        var author = authorBrowser.Page;
        await author.GotoAsync($"/proposals/{Uri.EscapeDataString(proposal)}");
        await author.GetByRole(AriaRole.Button, new() { Name = "Support", Exact = true }).ClickAsync();
        await Expect(author.GetByTestId("proposal-status")).ToHaveTextAsync("On the agenda");
        await Expect(author.GetByTestId("appeal")).ToContainTextAsync("The appeal succeeded: the proposal went back on the agenda and must be scheduled.");
        var history = author.Locator(".status-history li");
        await Expect(history.Last).ToContainTextAsync("Appeal upheld: back on the agenda");
        await Expect(history.Filter(new() { HasText = "Declined" })).ToContainTextAsync("Not this year");

        // The supporter's page follows live.
        await Expect(page.GetByTestId("proposal-status")).ToHaveTextAsync("On the agenda");
        await Axe.AssertNoViolationsAsync(author, "a proposal back on the agenda by appeal");
        Assert.True(supporterBrowser.ConsoleErrors.Count == 0, string.Join('\n', supporterBrowser.ConsoleErrors));
        Assert.True(authorBrowser.ConsoleErrors.Count == 0, string.Join('\n', authorBrowser.ConsoleErrors));
    }

    [Fact]
    public async Task EveryoneSeesTheRulesOfAProposalAndAnAreaWithWhoSetEachAndAPageThatExplainsThemInEnglishAndGerman()
    {
        await server.RegisterAsync("rl-admin", "Al Admin", Password);
        GrantRole(server, "rl-admin", "admin");
        await using var adminBrowser = await SignInAsync(server, "rl-admin", "Al Admin");
        var area = await AreaWithPolicyAsync(adminBrowser.Page, "rl-rules", "Rules corner", """{"viscosity": 0.8}""");
        var proposal = (await GraphQLAsync(adminBrowser.Page, Propose, new { a = area, t = "Count every hop" })).GetProperty("propose").GetProperty("proposal").GetProperty("id").GetString()!;

        await using var browser = await server.NewPageAsync();
        var page = browser.Page;
        await page.GotoAsync($"/proposals/{Uri.EscapeDataString(proposal)}");
        var rules = page.GetByTestId("rules-in-force");
        await Expect(rules).ToContainTextAsync("The rules this proposal follows: those in force in its area when it opened.");
        await Expect(Row(rules, "viscosity")).ToContainTextAsync("0.8 per hop");
        await Expect(Row(rules, "viscosity").GetByRole(AriaRole.Link, new() { Name = "the area Rules corner" })).ToBeVisibleAsync();
        await Expect(Cell(rules, "majority", 0)).ToHaveTextAsync("more yes than no");
        await Expect(Cell(rules, "majority", 1)).ToHaveTextAsync("the organisation");
        await Expect(Cell(rules, "privacy", 0)).ToHaveTextAsync("public for members who carry others’ votes");
        await Expect(Cell(rules, "delegationVisibility", 0)).ToHaveTextAsync("every signed-in member");
        await Expect(Cell(rules, "delegationVisibility", 1)).ToHaveTextAsync("the organisation");
        await Expect(Cell(rules, "maxDelegates", 0)).ToHaveTextAsync("1 to 3, in order of preference");
        await Expect(Cell(rules, "maxDelegates", 1)).ToHaveTextAsync("the product (the same everywhere)");
        await Expect(Cell(rules, "agendaQuorum", 0)).ToHaveTextAsync("5% of active members’ support points, at least 10");
        await Axe.AssertNoViolationsAsync(page, "a proposal's rules in force");

        // Each rule links to its explanation.
        await Row(rules, "viscosity").GetByRole(AriaRole.Link, new() { Name = "Viscosity" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("The rules, explained");
        await Expect(page.Locator("#viscosity")).ToContainTextAsync("at 0.8, a vote two hops away counts 0.64");
        await Axe.AssertNoViolationsAsync(page, "the rules explained");

        // The area's page: its rules now, in German too.
        await page.GoBackAsync();
        await page.GetByTestId("rules-in-force").GetByRole(AriaRole.Link, new() { Name = "The rules in Rules corner now" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Rules corner");
        await Expect(page.GetByTestId("rules-in-force")).ToContainTextAsync("The rules for proposals opened in Rules corner now.");
        await page.GetByLabel("Language").SelectOptionAsync("de");
        var regeln = page.GetByTestId("rules-in-force");
        await Expect(regeln.GetByRole(AriaRole.Heading, new() { Level = 2 })).ToHaveTextAsync("Geltende Regeln");
        await Expect(Row(regeln, "viscosity")).ToContainTextAsync("0,8 je Schritt");
        await Expect(Row(regeln, "viscosity")).ToContainTextAsync("dem Bereich Rules corner");
        await Expect(Cell(regeln, "delegationVisibility", 0)).ToHaveTextAsync("alle angemeldeten Mitglieder");
        await Axe.AssertNoViolationsAsync(page, "an area's rules in German");
        await regeln.GetByRole(AriaRole.Link, new() { Name = "Was diese Regeln bedeuten" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Die Regeln, erklärt");
        await Axe.AssertNoViolationsAsync(page, "the rules explained in German");
        Assert.True(browser.ConsoleErrors.Count == 0, string.Join('\n', browser.ConsoleErrors));
    }

    private static ILocator Row(ILocator rules, string rule) => rules.Locator($"tr[data-rule=\"{rule}\"]");

    private static ILocator Cell(ILocator rules, string rule, int index) => Row(rules, rule).Locator("td").Nth(index);

    private static async Task<string> IdAsync(IPage page) =>
        (await GraphQLAsync(page, "{ viewer { member { id } } }")).GetProperty("viewer").GetProperty("member").GetProperty("id").GetString()!;

    private static async Task SupportAsync(IPage page, string proposal)
    {
        var support = (await GraphQLAsync(page, "mutation($p: ID!) { support(input: { proposal: $p, points: 1 }) { errors { ... on UserError { message } } } }", new { p = proposal })).GetProperty("support");
        Assert.True(support.GetProperty("errors").ValueKind == JsonValueKind.Null, support.ToString());
    }

    /// <summary>A new sub-area of the first root area, with its own policy values: an admin's two mutations.</summary>
    private static async Task<string> AreaWithPolicyAsync(IPage admin, string slug, string name, string changes)
    {
        var root = (await GraphQLAsync(admin, "{ areas { id } }")).GetProperty("areas")[0].GetProperty("id").GetString();
        var created = (await GraphQLAsync(admin, "mutation($s: String!, $n: String!, $p: ID) { createArea(input: { slug: $s, name: $n, parent: $p }) { area { id } errors { __typename ... on UserError { message } } } }", new { s = slug, n = name, p = root }))
            .GetProperty("createArea");
        var area = created.GetProperty("area").GetProperty("id").GetString()!;
        var set = (await GraphQLAsync(admin, "mutation($a: ID, $c: String!) { setPolicy(input: { area: $a, changes: $c }) { errors { __typename ... on UserError { message } } } }", new { a = area, c = changes }))
            .GetProperty("setPolicy");
        Assert.True(set.GetProperty("errors").ValueKind == JsonValueKind.Null, set.ToString());
        return area;
    }
}

[CollectionDefinition(Name)]
public sealed class RulesBrowserCollection : ICollectionFixture<WebClientServer>
{
    public const string Name = "browser, the rules in sight";
}
