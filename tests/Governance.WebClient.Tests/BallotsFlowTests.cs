using Dapper;
using Governance.Core.Clock;
using Governance.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Governance.WebClient.Tests;

/// <summary>
/// "If I give you my vote, I can see what you do with it" (DESIGN §3, §5) in a real Chromium:
/// a delegator sees how the member carrying their vote voted while the vote runs, overrides
/// it by voting, and after the close sees the public ballots of the delegates-public policy.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class BallotsFlowTests(WebClientServer server)
{
    private const string Delegate = "mutation($p: ID!, $d: [ID!]!) { delegate(input: { scope: { proposal: $p }, delegates: $d }) { errors { __typename } } }";

    [Fact]
    public async Task ADelegatorSeesTheirDelegatesBallotOverridesItAndSeesThePublicBallotsAfterTheClose()
    {
        await using var ann = await Member.RegisterAsync(server, "bf-ann", "Ann Delegate");
        await using var ben = await Member.RegisterAsync(server, "bf-ben", "Ben Delegator");
        await using var cat = await Member.RegisterAsync(server, "bf-cat", "Cat Delegator");
        var areaId = (await ann.GraphQLAsync("{ areas { id } }")).GetProperty("areas")[0].GetProperty("id").GetString();
        var proposal = (await ann.GraphQLAsync("mutation($a: ID!) { propose(input: { area: $a, title: \"Open the library on Sundays\", body: \"Longer hours.\" }) { proposal { id } } }", new { a = areaId }))
            .GetProperty("propose").GetProperty("proposal").GetProperty("id").GetString()!;
        Assert.True(Governance.GraphQL.Relay.GlobalId.TryDecode(proposal, out _, out var local));
        var id = long.Parse(local, System.Globalization.CultureInfo.InvariantCulture);
        using (var connection = server.Services.GetRequiredService<Database>().Open())
        {
            connection.Execute("UPDATE proposals SET status = 'voting', voting_starts_at = @start, voting_ends_at = @end WHERE id = @id",
                new { id, start = DateTimeOffset.UtcNow.AddDays(-1).ToUnixTimeMilliseconds(), end = DateTimeOffset.UtcNow.AddDays(1).ToUnixTimeMilliseconds() });
        }

        await ben.GraphQLAsync(Delegate, new { p = proposal, d = new[] { ann.Id } });
        await cat.GraphQLAsync(Delegate, new { p = proposal, d = new[] { ann.Id } });
        await ann.GraphQLAsync("mutation($p: ID!) { vote(input: { proposal: $p, choice: YES }) { errors { __typename } } }", new { p = proposal });

        // Ben, who delegated to Ann, sees how she voted with his weight, and how to override it.
        var page = ben.Page;
        await page.GotoAsync($"/proposals/{Uri.EscapeDataString(proposal)}");
        var carrier = page.GetByTestId("carrier-ballot");
        await Expect(carrier).ToContainTextAsync($"{ann.Label}, who carries your vote, voted Yes.");
        await Expect(carrier.GetByRole(AriaRole.Link, new() { Name = "Vote yourself to override" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("ballots")).ToContainTextAsync("Other members’ ballots stay hidden until the vote closes.");
        await Axe.AssertNoViolationsAsync(page, "a proposal in voting showing my delegate's ballot");
        await Screenshots.TakeAsync(page, "ballots-carrier");

        // Ann sees no ballot of anyone else while the vote runs: nobody carries hers.
        await ann.Page.GotoAsync($"/proposals/{Uri.EscapeDataString(proposal)}");
        await Expect(ann.Page.GetByTestId("ballots")).ToBeVisibleAsync();
        await Expect(ann.Page.GetByTestId("carrier-ballot")).ToHaveCountAsync(0);

        // Ben overrides by voting No himself: his own vote counts, the notice goes.
        await carrier.GetByRole(AriaRole.Link, new() { Name = "Vote yourself to override" }).ClickAsync();
        await page.GetByRole(AriaRole.Radio, new() { Name = "No" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Cast vote" }).ClickAsync();
        await Expect(page.GetByText("Your vote is recorded: No.")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("vote-path")).ToHaveAttributeAsync("data-outcome", "VOTES_DIRECTLY");
        await Expect(carrier).ToHaveCountAsync(0);

        // The vote closes: under delegates-public Ann's ballot is public (she carried Cat), Ben's is not.
        using (var connection = server.Services.GetRequiredService<Database>().Open())
        {
            connection.Execute("UPDATE proposals SET voting_ends_at = @end WHERE id = @id", new { id, end = server.Services.GetRequiredService<TimeProvider>().GetUtcNow().ToUnixTimeMilliseconds() });
        }

        server.Services.GetRequiredService<GovernanceClock>().RunDue(server.Services.GetRequiredService<TimeProvider>().GetUtcNow().AddSeconds(1));
        await cat.Page.GotoAsync($"/proposals/{Uri.EscapeDataString(proposal)}");
        var table = cat.Page.GetByTestId("ballot-table");
        await Expect(table.Locator("tbody tr")).ToHaveCountAsync(1);
        await Expect(table.Locator("tbody tr").First).ToContainTextAsync(ann.Label);
        await Expect(table.Locator("tbody tr").First).ToContainTextAsync("carries your vote");
        await Expect(table.Locator("tbody tr").First).ToContainTextAsync("Yes");
        await Expect(table.Locator("tbody tr").First).ToContainTextAsync("2");
        await Expect(cat.Page.GetByTestId("ballots")).ToContainTextAsync("the ballots of members who carry others’ votes are public once the vote closes");
        await Axe.AssertNoViolationsAsync(cat.Page, "a closed vote's public ballots");
        await Screenshots.TakeAsync(cat.Page, "ballots-closed");

        Assert.Empty(ben.Browser.ConsoleErrors);
        Assert.Empty(cat.Browser.ConsoleErrors);
    }

    [Fact]
    public async Task TheHomePageOpensWithTheVotesOpenNowAndShowsEachProposalsProgressAndDates()
    {
        await using var dee = await Member.RegisterAsync(server, "bf-dee", "Dee Home");
        // The newest yes/no vote: an issue with alternatives (another test's) takes a ranked ballot instead.
        var voting = (await dee.GraphQLAsync("{ proposals(status: VOTING, orderBy: NEW, first: 20) { nodes { id title issue { ranked } } } }"))
            .GetProperty("proposals").GetProperty("nodes").EnumerateArray()
            .First(p => p.GetProperty("issue").ValueKind == System.Text.Json.JsonValueKind.Null || !p.GetProperty("issue").GetProperty("ranked").GetBoolean());
        var title = voting.GetProperty("title").GetString()!;
        var voted = await dee.GraphQLAsync("mutation($p: ID!) { vote(input: { proposal: $p, choice: ABSTAIN }) { errors { __typename } } }", new { p = voting.GetProperty("id").GetString() });
        Assert.Equal(0, voted.GetProperty("vote").GetProperty("errors").ValueKind == System.Text.Json.JsonValueKind.Array ? voted.GetProperty("vote").GetProperty("errors").GetArrayLength() : 0);

        var page = dee.Page;
        await page.GotoAsync("/");
        var voteNow = page.GetByTestId("vote-now");
        await Expect(voteNow.GetByRole(AriaRole.Heading, new() { Name = "Vote now" })).ToBeVisibleAsync();

        // Vote now comes before the list of proposals.
        Assert.True(await page.EvaluateAsync<bool>(
            "() => { const v = document.querySelector('[data-testid=vote-now]'); const l = document.getElementById('proposals-heading'); return !!(v && l && (v.compareDocumentPosition(l) & Node.DOCUMENT_POSITION_FOLLOWING)); }"));
        var item = voteNow.GetByTestId("vote-now-item").Filter(new() { HasText = title });
        await Expect(item).ToContainTextAsync("Closes ");
        await Expect(item.GetByTestId("vote-now-mine")).ToHaveTextAsync("You voted Abstain.");

        // Open proposals show their score against the quorum, supporters against the minimum, and the expiry.
        await Expect(page.GetByTestId("score-progress").First).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+ of [\d.,]+ points$"));
        await Expect(page.GetByTestId("supporter-progress").First).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+ of \d+ supporters$"));
        await Expect(page.GetByTestId("proposal-window").Filter(new() { HasText = "unless it reaches the agenda" }).First).ToContainTextAsync("Expires ");
        await Axe.AssertNoViolationsAsync(page, "the home page with votes open now");
        await Screenshots.TakeAsync(page, "home-vote-now");
        Assert.Empty(dee.Browser.ConsoleErrors);
    }
}
