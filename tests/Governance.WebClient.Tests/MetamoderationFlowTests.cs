using Governance.Core.Clock;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Governance.WebClient.Tests.PowerPages;
using static Microsoft.Playwright.Assertions;

namespace Governance.WebClient.Tests;

/// <summary>
/// Metamoderation in Chromium (issue 17 point 5): a moderator hides a comment, the week ends and
/// the clock draws the jurors, the drawn member finds the page in the nav, judges the action
/// unfair with a comment, and the moderator's result shows on the page, in English and German,
/// axe-clean. Its own server: the clock moves a week ahead.
/// </summary>
[Collection(MetamoderationBrowserCollection.Name)]
public sealed class MetamoderationFlowTests(WebClientServer server)
{
    [Fact]
    public async Task ADrawnMemberJudgesAModeratorsActionAndTheResultIsPublic()
    {
        await using (var adminBrowser = await SignedInAsync(server, "pw-mm-admin", "Ada Admin"))
        {
            GrantRole(server, "pw-mm-admin", "admin");
            // Every eligible member is drawn here, so that the test's juror is.
            var set = await GraphQLAsync(adminBrowser.Page, "mutation { setPolicy(input: { values: { metamoderationJurors: 1000 } }) { errors { ... on UserError { message } } } }");
            Assert.Equal(System.Text.Json.JsonValueKind.Null, set.GetProperty("setPolicy").GetProperty("errors").ValueKind);
        }

        await using (var authorBrowser = await SignedInAsync(server, "pw-mm-author", "Otto Author"))
        await using (var moderatorBrowser = await SignedInAsync(server, "pw-mm-mod", "Mona Moderator"))
        {
            GrantRole(server, "pw-mm-mod", "moderator");
            var author = authorBrowser.Page;
            var area = (await GraphQLAsync(author, "{ areas { id } }")).GetProperty("areas")[0].GetProperty("id").GetString();
            var proposal = (await GraphQLAsync(author, "mutation($a: ID!) { propose(input: { area: $a, title: \"A bench in the courtyard\", body: \"Somewhere to sit.\" }) { proposal { id } } }", new { a = area }))
                .GetProperty("propose").GetProperty("proposal").GetProperty("id").GetString();
            var comment = (await GraphQLAsync(author, "mutation($p: ID!) { postComment(input: { proposal: $p, body: \"Oak, not plastic.\" }) { comment { id } } }", new { p = proposal }))
                .GetProperty("postComment").GetProperty("comment").GetProperty("id").GetString();
            await GraphQLAsync(moderatorBrowser.Page, "mutation($t: ID!) { hideContent(input: { target: $t, reason: \"Off topic\" }) { errors { ... on UserError { message } } } }", new { t = comment });
        }

        await using var jurorBrowser = await SignedInAsync(server, "pw-mm-juror", "Jules Juror");
        SetKarma(server, "pw-mm-juror", 30);
        // The week ends: the clock draws the lottery and, from the same head entry, the jurors.
        server.Services.GetRequiredService<GovernanceClock>().RunDue(DateTimeOffset.UtcNow.AddDays(8));

        var page = jurorBrowser.Page;
        await page.GotoAsync("/");
        var nav = page.GetByRole(AriaRole.Navigation, new() { Name = "Main" });
        await nav.GetByRole(AriaRole.Link, new() { Name = "Metamoderation (1)" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Metamoderation");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "You were drawn" })).ToBeVisibleAsync();
        var task = page.GetByTestId("meta-task");
        await Expect(task).ToHaveCountAsync(1);
        await Expect(task.GetByRole(AriaRole.Heading)).ToContainTextAsync("Hidden by Mona Moderator");
        await Expect(task.GetByRole(AriaRole.Link, new() { Name = "A bench in the courtyard" })).ToBeVisibleAsync();
        await Expect(task).ToContainTextAsync("Public reason: “Off topic”");
        await Axe.AssertNoViolationsAsync(page, "the metamoderation page of a drawn member");

        // Judging without a verdict is refused here; then Unfair with a comment.
        await task.GetByRole(AriaRole.Button, new() { Name = "Judge" }).ClickAsync();
        await Expect(task.GetByText("Choose fair or unfair first.")).ToBeVisibleAsync();
        await task.GetByRole(AriaRole.Radio, new() { Name = "Unfair" }).CheckAsync();
        await task.GetByLabel("Comment (optional, at most 1,000 characters)").FillAsync("The comment was on topic: the bench's material.");
        await task.GetByRole(AriaRole.Button, new() { Name = "Judge" }).ClickAsync();
        await Expect(task.GetByRole(AriaRole.Status)).ToHaveTextAsync("You judged this unfair.");
        await Expect(page.GetByText("You have judged every action of your sample. Thank you.")).ToBeVisibleAsync();
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Metamoderation", Exact = true })).ToBeVisibleAsync();

        // The result is public: a signed-out visitor sees it too.
        await page.ReloadAsync();
        var row = page.GetByTestId("meta-result").Filter(new() { HasText = "Mona Moderator" });
        await Expect(row).ToContainTextAsync("0 % of 1");
        await Expect(row).ToContainTextAsync("Moderator");
        await Axe.AssertNoViolationsAsync(page, "the metamoderation page after judging");
        await Screenshots.TakeAsync(page, "metamoderation");

        await using var visitorBrowser = await server.NewPageAsync();
        var visitor = visitorBrowser.Page;
        await visitor.GotoAsync("/metamoderation");
        await Expect(visitor.GetByTestId("meta-result").Filter(new() { HasText = "Mona Moderator" })).ToContainTextAsync("0 % of 1");
        await Expect(visitor.GetByText("Sign in to see whether you were drawn.")).ToBeVisibleAsync();
        await Expect(visitor.GetByText(new System.Text.RegularExpressions.Regex("governance verify-metamoderation-draw \\d{4}-\\d{2}-\\d{2}")).First).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Combobox, new() { Name = "Language" }).SelectOptionAsync("de");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Die Moderation im Urteil der Mitglieder" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("meta-result").Filter(new() { HasText = "Mona Moderator" })).ToContainTextAsync("0 % von 1");
        await Axe.AssertNoViolationsAsync(page, "the metamoderation page in German");
        Assert.Empty(jurorBrowser.ConsoleErrors);
    }
}

[CollectionDefinition(Name)]
public sealed class MetamoderationBrowserCollection : ICollectionFixture<WebClientServer>
{
    public const string Name = "browser, metamoderation";
}
