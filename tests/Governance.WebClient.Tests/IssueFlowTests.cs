using Dapper;
using Governance.Core.Clock;
using Governance.Core.Storage;
using Governance.GraphQL.Relay;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Governance.WebClient.Tests.PowerPages;
using static Microsoft.Playwright.Assertions;

namespace Governance.WebClient.Tests;

/// <summary>
/// Issue 18 in the browser: during the discussion a member adds an alternative (a proposal of the
/// issue, with a page of its own), compares it side by side with a word diff and supports it with
/// a point; in voting ranks it with the arrow keys (announced) and by dragging (a delegator then
/// reads that this ranking carries their vote), and after the close reads the Schulze result with its pairwise matrix. Axe-clean at each step.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class IssueFlowTests(WebClientServer server)
{
    private void Sql(string sql, object parameters)
    {
        using var connection = server.Services.GetRequiredService<Database>().Open();
        connection.Execute(sql, parameters);
    }

    [Fact]
    public async Task AMemberAddsAnAlternativeRanksItWithTheKeyboardAndReadsTheResult()
    {
        await using var browser = await SignedInAsync(server, "pw-issue", "Ida Issue");
        var page = browser.Page;
        var area = (await GraphQLAsync(page, "{ areas { id } }")).GetProperty("areas")[0].GetProperty("id").GetString();
        var proposal = (await GraphQLAsync(page, "mutation($a: ID!) { propose(input: { area: $a, title: \"Build a bike shed\", body: \"Wooden, by the gate.\" }) { proposal { id } } }", new { a = area }))
            .GetProperty("propose").GetProperty("proposal").GetProperty("id").GetString()!;
        GlobalId.TryDecode(proposal, out _, out var local);
        var id = long.Parse(local, System.Globalization.CultureInfo.InvariantCulture);
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        // Scheduled (the moderators' part is ModerationFlowTests'), discussion open, a vote quorum of 0 so that one ballot decides.
        Sql(
            """
            UPDATE proposals SET status = 'scheduled', on_agenda_at = @now, discussion_starts_at = @now - 60000, voting_starts_at = @now + 3600000, voting_ends_at = @now + 7200000,
                policy_json = COALESCE(json_set(policy_json, '$.votequorumshare', 0.0), '{"votequorumshare": 0.0}') WHERE id = @id
            """,
            new { id, now });

        await page.GotoAsync($"/proposals/{Uri.EscapeDataString(proposal)}");
        var issue = page.GetByTestId("issue");
        await Expect(issue.GetByRole(AriaRole.Heading, new() { Name = "Alternatives" })).ToBeVisibleAsync();
        await issue.GetByLabel("Title").FillAsync("Build a bike shelter of steel");
        await issue.GetByLabel("Text").FillAsync("Steel lasts longer.");
        await issue.GetByRole(AriaRole.Button, new() { Name = "Add alternative" }).PressAsync("Enter");
        var alternative = issue.Locator("li.alternative").Filter(new() { HasText = "Build a bike shelter of steel" });
        await Expect(alternative).ToContainTextAsync("0 supporters");

        // Side by side with the proposal, and the word diff from one to the other.
        var compare = issue.GetByTestId("alternatives-compare");
        await Expect(compare.GetByTestId("side-0")).ToContainTextAsync("Wooden, by the gate.");
        await Expect(compare.GetByTestId("side-1")).ToContainTextAsync("Steel lasts longer.");
        await Expect(compare.GetByTestId("alternatives-diff").Locator("del")).ToContainTextAsync("Wooden");
        await Expect(compare.GetByTestId("alternatives-diff").Locator("ins")).ToContainTextAsync("Steel");
        await Axe.AssertNoViolationsAsync(page, "issue in discussion");

        // The alternative is a proposal with a page of its own, which names its issue.
        await alternative.GetByRole(AriaRole.Link, new() { Name = "Build a bike shelter of steel: Open the alternative (its versions and discussion)" }).ClickAsync();
        await Expect(page.GetByTestId("alternative-of")).ToContainTextAsync("Build a bike shed");
        await Axe.AssertNoViolationsAsync(page, "an alternative's own page");
        await page.GetByTestId("alternative-of").GetByRole(AriaRole.Link, new() { Name = "Build a bike shed" }).ClickAsync();
        issue = page.GetByTestId("issue");
        alternative = issue.Locator("li.alternative").Filter(new() { HasText = "Build a bike shelter of steel" });

        Sql("UPDATE issues SET ballot_threshold = 1 WHERE proposal_id = @id", new { id });
        await alternative.GetByRole(AriaRole.Button, new() { Name = "Support: Build a bike shelter of steel" }).PressAsync("Enter");
        await Expect(alternative).ToContainTextAsync("1 supporter · 1 of 1 point · On the ballot");

        // Voting opens as the clock opens it: the alternative goes onto the ballot.
        Sql("UPDATE proposals SET voting_starts_at = @start WHERE id = @id", new { id, start = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - 1000 });
        Assert.Empty(new GovernanceClock(server.Services.GetRequiredService<Database>()).RunDue(DateTimeOffset.UtcNow).Failures);
        await page.ReloadAsync();
        var ballot = page.GetByTestId("ranking-ballot");
        await Expect(ballot).ToBeVisibleAsync();
        // The ballot starts in ballot order: status quo, the proposal, the alternative. Keyboard only:
        // the alternative focused and up twice with the arrow key, then the status quo (now second) down.
        var places = ballot.Locator(".ranking-name");
        var rows = ballot.Locator("li.ranking-row");
        await rows.Nth(2).FocusAsync();
        await page.Keyboard.PressAsync("ArrowUp");
        await Expect(rows.Nth(1)).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("ArrowUp");
        await Expect(ballot.GetByTestId("ranking-announcement")).ToHaveTextAsync("Build a bike shelter of steel moved to rank 1.");
        await Expect(rows.Nth(0)).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        await Expect(rows.Nth(1)).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Home");
        await Expect(places).ToHaveTextAsync(["Build a bike shelter of steel", "Status quo (keep things as they are)", "Build a bike shed"]);
        // The ballot moves the focus after the next frame: wait for it to land on the moved row, or
        // it lands there after the focus below and End moves the alternative (seen in CI).
        await Expect(rows.Nth(0)).ToBeFocusedAsync();
        await rows.Nth(1).FocusAsync();
        await page.Keyboard.PressAsync("End");
        await Expect(ballot.GetByTestId("ranking-announcement")).ToHaveTextAsync("Status quo (keep things as they are) moved to rank 3.");
        await Expect(places).ToHaveTextAsync(["Build a bike shelter of steel", "Build a bike shed", "Status quo (keep things as they are)"]);

        // And with a mouse: drag the status quo to the top, then back to the bottom.
        await rows.Nth(2).DragToAsync(rows.Nth(0));
        await Expect(places).ToHaveTextAsync(["Status quo (keep things as they are)", "Build a bike shelter of steel", "Build a bike shed"]);
        await rows.Nth(0).DragToAsync(rows.Nth(2));
        await Expect(places).ToHaveTextAsync(["Build a bike shelter of steel", "Build a bike shed", "Status quo (keep things as they are)"]);
        await Axe.AssertNoViolationsAsync(page, "ranking ballot");
        await ballot.GetByRole(AriaRole.Button, new() { Name = "Cast ranked ballot" }).PressAsync("Enter");
        await Expect(ballot.GetByRole(AriaRole.Status)).ToHaveTextAsync("Your ranking is saved.");

        // The live engine holds the ranked ballot: a member who delegated this issue to Ida reads,
        // while the vote runs, that Ida's ranking carries their vote.
        var ida = (await GraphQLAsync(page, "{ viewer { member { id } } }")).GetProperty("viewer").GetProperty("member").GetProperty("id").GetString();
        await using (var delegator = await SignedInAsync(server, "pw-issue-delegator", "Dan Delegator"))
        {
            await GraphQLAsync(delegator.Page, "mutation($p: ID!, $m: ID!) { delegate(input: { scope: { proposal: $p }, delegates: [$m] }) { errors { __typename } } }", new { p = proposal, m = ida });
            await delegator.Page.GotoAsync($"/proposals/{Uri.EscapeDataString(proposal)}");
            var path = delegator.Page.GetByTestId("vote-path");
            await Expect(path).ToHaveAttributeAsync("data-outcome", "CARRIED");
            await Expect(path.GetByTestId("vote-carrier")).ToContainTextAsync("Ida Issue");
            await Axe.AssertNoViolationsAsync(delegator.Page, "where a delegator's vote goes on a ranked issue");
            await delegator.Page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "s8i18-ranked-vote-path.png"), FullPage = true });
        }

        Sql("UPDATE proposals SET voting_ends_at = @end WHERE id = @id", new { id, end = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - 1 });
        Assert.Equal(1, new GovernanceClock(server.Services.GetRequiredService<Database>()).CloseEndedVotes(DateTimeOffset.UtcNow));
        await page.ReloadAsync();
        var result = page.GetByTestId("issue-result");
        await Expect(result.GetByTestId("issue-winner")).ToHaveTextAsync("Winner: Build a bike shelter of steel");
        await Expect(page.GetByTestId("issue").Locator("li.alternative").Filter(new() { HasText = "Build a bike shelter of steel" })).ToContainTextAsync("Won the vote");
        var pairwise = result.GetByRole(AriaRole.Table, new() { Name = "Weight of the ballots preferring the row to the column" });
        // Ida's ballot counts twice: her own and Dan's, whom she carries (a weight of 2 over each other choice).
        await Expect(pairwise.GetByRole(AriaRole.Row).Nth(1)).ToContainTextAsync("Build a bike shelter of steel—22");
        await Expect(result.GetByRole(AriaRole.Table, new() { Name = "Strength of the strongest path from the row to the column" })).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page, "issue result");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "i18b-issue-result.png"), FullPage = true });
    }
}
