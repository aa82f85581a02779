using Dapper;
using Governance.Core.Clock;
using Governance.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Governance.WebClient.Tests.PowerPages;
using static Microsoft.Playwright.Assertions;

namespace Governance.WebClient.Tests;

/// <summary>
/// The admin's review screen in Chromium (issue 17 point 5): a drawn juror is notified and
/// follows the notice to the page; two moderators fall under the
/// metamoderation threshold and lose the role pending review; the admin finds both on
/// /metamoderation, is refused a blank reason at the field, restores one and confirms the other's
/// loss with public reasons, in English and German, axe-clean. Its own server: the clock moves a
/// week ahead.
/// </summary>
[Collection(ModeratorReviewBrowserCollection.Name)]
public sealed class ModeratorReviewFlowTests(WebClientServer server)
{
    [Fact]
    public async Task AnAdminRestoresOneSuspendedModeratorAndConfirmsTheOthersLoss()
    {
        await using var adminBrowser = await SignedInAsync(server, "pw-mr-admin", "Ada Admin");
        GrantRole(server, "pw-mr-admin", "admin");
        // Every eligible member is drawn, and one unfair judgement is enough to fall under the threshold.
        var set = await GraphQLAsync(adminBrowser.Page,
            "mutation { setPolicy(input: { values: { metamoderationJurors: 1000, metamoderationSampleSize: 50, metamoderationMinJudgements: 1 } }) { errors { ... on UserError { message } } } }");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, set.GetProperty("setPolicy").GetProperty("errors").ValueKind);

        await using (var authorBrowser = await SignedInAsync(server, "pw-mr-author", "Otto Author"))
        {
            var author = authorBrowser.Page;
            var area = (await GraphQLAsync(author, "{ areas { id } }")).GetProperty("areas")[0].GetProperty("id").GetString();
            var proposal = (await GraphQLAsync(author, "mutation($a: ID!) { propose(input: { area: $a, title: \"Bike racks at the station\", body: \"Twenty of them.\" }) { proposal { id } } }", new { a = area }))
                .GetProperty("propose").GetProperty("proposal").GetProperty("id").GetString();
            foreach (var (handle, name) in new[] { ("pw-mr-rita", "Rita Moderator"), ("pw-mr-lars", "Lars Moderator") })
            {
                var comment = (await GraphQLAsync(author, "mutation($p: ID!, $b: String!) { postComment(input: { proposal: $p, body: $b }) { comment { id } } }", new { p = proposal, b = $"Covered racks, please ({name})." }))
                    .GetProperty("postComment").GetProperty("comment").GetProperty("id").GetString();
                await using var moderatorBrowser = await SignedInAsync(server, handle, name);
                GrantRole(server, handle, "moderator");
                await GraphQLAsync(moderatorBrowser.Page, "mutation($t: ID!) { hideContent(input: { target: $t, reason: \"Off topic\" }) { errors { ... on UserError { message } } } }", new { t = comment });
            }
        }

        // The week ends; the drawn juror judges both hides unfair, and both moderators lose the role.
        await using (var jurorBrowser = await SignedInAsync(server, "pw-mr-juror", "Jules Juror"))
        {
            SetKarma(server, "pw-mr-juror", 30);
            server.Services.GetRequiredService<GovernanceClock>().RunDue(DateTimeOffset.UtcNow.AddDays(8));

            // The juror is told, and the notice leads to the page; the kind has its own setting.
            var juror = jurorBrowser.Page;
            await juror.GotoAsync("/notifications");
            var notice = juror.GetByRole(AriaRole.Link, new() { Name = "You were drawn to judge a sample of moderators’ actions: was each fair? Judge them on the Metamoderation page." });
            await Expect(notice).ToHaveCountAsync(1, new() { Timeout = 15_000 });
            await Axe.AssertNoViolationsAsync(juror, "the notifications page with a metamoderation notice");
            await notice.ClickAsync();
            await Expect(juror.GetByRole(AriaRole.Heading, new() { Name = "You were drawn" })).ToBeVisibleAsync();
            await juror.GotoAsync("/settings/notifications");
            await Expect(juror.GetByRole(AriaRole.Group, new() { Name = "I was drawn to judge moderators’ actions" })).ToBeVisibleAsync();
            await juror.GetByRole(AriaRole.Combobox, new() { Name = "Language" }).SelectOptionAsync("de");
            await Expect(juror.GetByRole(AriaRole.Group, new() { Name = "Ich wurde gelost, Moderationsentscheidungen zu beurteilen" })).ToBeVisibleAsync();
            await juror.GotoAsync("/notifications");
            await Expect(juror.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Du wurdest gelost, eine Stichprobe") })).ToHaveCountAsync(1);
            await Axe.AssertNoViolationsAsync(juror, "the notifications page in German");
            await juror.GetByRole(AriaRole.Combobox, new() { Name = "Sprache" }).SelectOptionAsync("en");
            var tasks = (await GraphQLAsync(jurorBrowser.Page, "{ metamoderationTasks { periodId action moderator { handle } } }")).GetProperty("metamoderationTasks")
                .EnumerateArray().Where(t => t.GetProperty("moderator").GetProperty("handle").GetString()!.StartsWith("pw-mr-", StringComparison.Ordinal)).ToList();
            Assert.Equal(2, tasks.Count);
            foreach (var task in tasks)
            {
                var judged = await GraphQLAsync(jurorBrowser.Page, "mutation($p: String!, $a: ID!) { judgeModeration(input: { period: $p, action: $a, fair: false }) { errors { ... on UserError { message } } } }",
                    new { p = task.GetProperty("periodId").GetString(), a = task.GetProperty("action").GetString() });
                Assert.Equal(System.Text.Json.JsonValueKind.Null, judged.GetProperty("judgeModeration").GetProperty("errors").ValueKind);
            }
        }

        Assert.DoesNotContain("moderator", Roles("pw-mr-rita"));
        Assert.DoesNotContain("moderator", Roles("pw-mr-lars"));

        var page = adminBrowser.Page;
        await page.GotoAsync("/metamoderation");
        var reviews = page.GetByTestId("meta-reviews");
        await Expect(reviews.GetByRole(AriaRole.Heading, new() { Name = "Moderators awaiting review" })).ToBeVisibleAsync();
        var rita = reviews.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Rita Moderator" });
        var lars = reviews.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Lars Moderator" });
        await Expect(rita).ToContainTextAsync("0 % judged fair of 1 judgement;");
        await Expect(lars).ToContainTextAsync("0 % judged fair of 1 judgement;");
        await Expect(page.GetByTestId("meta-result").Filter(new() { HasText = "Rita Moderator" })).ToContainTextAsync("Awaiting an admin’s review");
        await Axe.AssertNoViolationsAsync(page, "the admin's review screen");
        await Screenshots.TakeAsync(page, "moderator-reviews");

        // A blank reason is refused at the field; a reason restores Rita's role.
        await rita.GetByRole(AriaRole.Button, new() { Name = "Restore the role" }).ClickAsync();
        var reason = rita.GetByLabel("Public reason");
        await rita.GetByRole(AriaRole.Button, new() { Name = "Restore the role" }).ClickAsync();
        await Expect(reason).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(reason).ToBeFocusedAsync();
        await Axe.AssertNoViolationsAsync(page, "the review screen with a refused reason");
        await reason.FillAsync("The hide followed the rules on topic; one juror disagreed with the rule.");
        await rita.GetByRole(AriaRole.Button, new() { Name = "Restore the role" }).ClickAsync();
        await Expect(reviews.GetByRole(AriaRole.Status)).ToHaveTextAsync("The role is restored.");
        await Expect(rita).ToHaveCountAsync(0);
        Assert.Contains("moderator", Roles("pw-mr-rita"));

        // In German, the admin confirms Lars's loss.
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Language" }).SelectOptionAsync("de");
        await Expect(reviews.GetByRole(AriaRole.Heading, new() { Name = "Moderation zur Prüfung" })).ToBeVisibleAsync();
        await lars.GetByRole(AriaRole.Button, new() { Name = "Verlust bestätigen" }).ClickAsync();
        await lars.GetByLabel("Öffentliche Begründung").FillAsync("Drei Beschwerden über dieselbe Art von Entscheidung.");
        await Axe.AssertNoViolationsAsync(page, "the review screen in German");
        await lars.GetByRole(AriaRole.Button, new() { Name = "Verlust bestätigen" }).ClickAsync();
        await Expect(reviews.GetByRole(AriaRole.Status)).ToHaveTextAsync("Der Verlust ist bestätigt.");
        await Expect(reviews.GetByRole(AriaRole.Listitem)).ToHaveCountAsync(0);
        Assert.DoesNotContain("moderator", Roles("pw-mr-lars"));
        // The public table, read afresh, shows the outcome.
        await page.ReloadAsync();
        await Expect(page.GetByTestId("meta-result").Filter(new() { HasText = "Lars Moderator" })).ToContainTextAsync("Moderiert nicht");
        await Expect(page.GetByTestId("meta-result").Filter(new() { HasText = "Rita Moderator" })).Not.ToContainTextAsync("Moderiert nicht");
        Assert.Empty(adminBrowser.ConsoleErrors);
    }

    private List<string> Roles(string handle)
    {
        using var connection = server.Services.GetRequiredService<Database>().Open();
        return connection.Query<string>("SELECT role FROM member_roles r JOIN members m ON m.id = r.member_id WHERE m.handle = @handle", new { handle }).AsList();
    }
}

[CollectionDefinition(Name)]
public sealed class ModeratorReviewBrowserCollection : ICollectionFixture<WebClientServer>
{
    public const string Name = "browser, moderator review";
}
