using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Governance.WebClient.Tests;

/// <summary>
/// Issue 17: a proposal's discussion in a real Chromium. A member comments (an empty comment
/// is refused at the field), the author sees it arrive live and replies, the commenter edits
/// (the earlier text stays readable) and deletes (the place stays, the reply with it), a
/// comment is marked useful; axe on each state.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DiscussionFlowTests(WebClientServer server)
{
    [Fact]
    public async Task MembersDiscussAProposalLiveEditAndDeleteAndTheThreadKeepsItsShape()
    {
        await using var ada = await Member.RegisterAsync(server, "dc-ada", "Ada Author");
        await using var ben = await Member.RegisterAsync(server, "dc-ben", "Ben Critic");
        var area = (await ada.GraphQLAsync("{ areas { id } }")).GetProperty("areas")[0].GetProperty("id").GetString();
        var proposal = (await ada.GraphQLAsync("mutation($a: ID!) { propose(input: { area: $a, title: \"Free bicycles at every station\", body: \"Bicycles for all.\" }) { proposal { id } } }", new { a = area }))
            .GetProperty("propose").GetProperty("proposal").GetProperty("id").GetString()!;
        var url = $"/proposals/{Uri.EscapeDataString(proposal)}";
        await ada.Page.GotoAsync(url);
        await ben.Page.GotoAsync(url);
        var discussion = ben.Page.GetByRole(AriaRole.Tabpanel, new() { Name = "Discussion" });
        await Expect(discussion.GetByTestId("no-comments")).ToHaveTextAsync("No comments yet. Start the discussion.");
        await Expect(ben.Page.GetByText("Markdown, up to 5,000 characters.").First).ToBeVisibleAsync();

        // An empty comment is refused at the field, and nothing is posted.
        var box = discussion.GetByLabel("Your comment");
        await box.FillAsync("   ");
        await discussion.GetByRole(AriaRole.Button, new() { Name = "Post comment" }).ClickAsync();
        await Expect(discussion.Locator(".field-error")).ToHaveTextAsync("A comment needs some text.");
        await Expect(box).ToBeFocusedAsync();
        await Axe.AssertNoViolationsAsync(ben.Page, "the discussion with a refused comment");

        // Ben comments; Ada's page shows it without a reload, and she replies.
        await box.FillAsync("Who pays for the **repairs**?");
        await discussion.GetByRole(AriaRole.Button, new() { Name = "Post comment" }).ClickAsync();
        var bensComment = discussion.GetByTestId("comment").First;
        await Expect(bensComment.Locator("strong", new() { HasText = "repairs" })).ToBeVisibleAsync();
        var adaDiscussion = ada.Page.GetByRole(AriaRole.Tabpanel, new() { Name = "Discussion" });
        var seenByAda = adaDiscussion.GetByTestId("comment").First;
        await Expect(seenByAda).ToContainTextAsync("Who pays for the repairs?");
        await seenByAda.GetByRole(AriaRole.Button, new() { Name = "Useful" }).ClickAsync();
        await Expect(seenByAda).ToContainTextAsync("1 member finds this useful");
        await seenByAda.GetByRole(AriaRole.Button, new() { Name = "Reply" }).ClickAsync();
        var reply = adaDiscussion.GetByLabel("Your reply to");
        await Expect(reply).ToBeFocusedAsync();
        await reply.FillAsync("The city's cycling budget: see the second paragraph.");
        await adaDiscussion.GetByRole(AriaRole.Button, new() { Name = "Post reply" }).ClickAsync();
        await Expect(adaDiscussion.Locator(".comment-depth-2")).ToContainTextAsync("The city's cycling budget");
        await Expect(discussion.Locator(".comment-depth-2")).ToContainTextAsync("The city's cycling budget");
        await Axe.AssertNoViolationsAsync(ada.Page, "a thread with a reply");

        // Ben edits: the new text shows, the old one stays readable; then he deletes it.
        await bensComment.GetByRole(AriaRole.Button, new() { Name = "Edit" }).ClickAsync();
        var edit = discussion.GetByLabel("Edit your comment");
        await Expect(edit).ToBeFocusedAsync();
        await edit.FillAsync("Who pays for the repairs, and for theft?");
        await discussion.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(bensComment).ToContainTextAsync("Who pays for the repairs, and for theft?");
        await Expect(bensComment).ToContainTextAsync("edited");
        await bensComment.GetByText("Earlier version (1)").ClickAsync();
        await Expect(bensComment.Locator(".comment-history")).ToContainTextAsync("Who pays for the repairs?");
        await Axe.AssertNoViolationsAsync(ben.Page, "an edited comment with its history open");
        await Screenshots.TakeAsync(ben.Page, "discussion");

        await bensComment.GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        await discussion.GetByRole(AriaRole.Button, new() { Name = "Yes, delete it" }).ClickAsync();
        await Expect(bensComment).ToContainTextAsync("This comment was deleted.");
        await Expect(discussion.Locator(".comment-depth-2")).ToContainTextAsync("The city's cycling budget");
        await Expect(adaDiscussion.GetByTestId("comment").First).ToContainTextAsync("This comment was deleted.");
        await Axe.AssertNoViolationsAsync(ada.Page, "a thread whose first comment was deleted");
    }
}

/// <summary>
/// Issue 17's reports: a member reports a comment with a reason, a moderator finds it in the
/// report queue linked to its proposal by title and hides it with a public reason, which the
/// thread and the moderation log then show; axe on the queue.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ReportFlowTests(WebClientServer server)
{
    [Fact]
    public async Task AReportedCommentReachesTheQueueAndAModeratorHidesItWithAPublicReason()
    {
        await using var spammer = await Member.RegisterAsync(server, "rf-spam", "Sam Spammer");
        await using var reporter = await Member.RegisterAsync(server, "rf-ria", "Ria Reporter");
        var area = (await spammer.GraphQLAsync("{ areas { id } }")).GetProperty("areas")[0].GetProperty("id").GetString();
        var proposal = (await spammer.GraphQLAsync("mutation($a: ID!) { propose(input: { area: $a, title: \"Longer opening hours for the library\", body: \"Open until 22:00.\" }) { proposal { id } } }", new { a = area }))
            .GetProperty("propose").GetProperty("proposal").GetProperty("id").GetString()!;
        await spammer.GraphQLAsync("mutation($p: ID!) { postComment(input: { proposal: $p, body: \"Cheap watches at example.com\" }) { errors { __typename } } }", new { p = proposal });

        var page = reporter.Page;
        await page.GotoAsync($"/proposals/{Uri.EscapeDataString(proposal)}");
        var comment = page.GetByTestId("comment").First;
        await comment.GetByRole(AriaRole.Button, new() { Name = "Report" }).ClickAsync();
        await comment.GetByLabel("Why should a moderator look at this? (public in the moderation log)").FillAsync("Advertising, not discussion");
        await comment.GetByRole(AriaRole.Button, new() { Name = "Send report" }).ClickAsync();
        await Expect(comment.GetByRole(AriaRole.Status)).ToHaveTextAsync("Thank you: your report is with the moderators.");
        await Axe.AssertNoViolationsAsync(page, "a proposal page after a report");

        await server.RegisterAsync("rf-mo", "Mo Moderator", PowerPages.Password);
        PowerPages.GrantRole(server, "rf-mo", "moderator");
        await using var moderatorBrowser = await PowerPages.SignInAsync(server, "rf-mo", "Mo Moderator");
        var moderator = moderatorBrowser.Page;
        await moderator.GotoAsync("/moderation");
        var item = moderator.GetByTestId("report-item").Filter(new() { HasText = "Longer opening hours for the library" });
        await Expect(item).ToContainTextAsync("Advertising, not discussion");
        await Expect(item.GetByRole(AriaRole.Link, new() { Name = "Longer opening hours for the library" })).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(moderator, "the report queue");
        await Screenshots.TakeAsync(moderator, "report-queue");
        await item.GetByRole(AriaRole.Button, new() { Name = "Hide" }).ClickAsync();
        await item.GetByLabel("Reason").FillAsync("Advertising");
        await item.GetByRole(AriaRole.Button, new() { Name = "Hide" }).ClickAsync();
        await Expect(moderator.GetByText("Hidden now.")).ToBeVisibleAsync();
        await Expect(moderator.GetByTestId("moderation-log")).ToContainTextAsync("Hidden");

        await page.ReloadAsync();
        await Expect(page.GetByTestId("comment-hidden").First).ToHaveTextAsync("Hidden by the moderators: Advertising");
        await Expect(page.GetByText("Cheap watches at example.com")).ToHaveCountAsync(0);
    }
}
