using System.Text.RegularExpressions;
using Dapper;
using Governance.Core.Accounts;
using Governance.Core.Demo;
using Governance.Core.Policies;
using Governance.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Governance.WebClient.Tests;

/// <summary>
/// Who may vote, in Chromium: the demo admin switches registration to invitations, issues a
/// code, a newcomer registers with it and votes; the admin checks and imports the membership
/// register; a member without a voting right reads why. The admin page is axe-clean in English
/// and German.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class MembershipFlowTests(WebClientServer server)
{
    [Fact]
    public async Task AnAdminInvitesANewcomerAndImportsTheRegisterThroughTheAdminPage()
    {
        try
        {
            await using var admin = await SignInAsync(DemoAccounts.Admin.Handle);
            var page = admin.Page;
            await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Admin" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Members and voting rights");
            await Axe.AssertNoViolationsAsync(page, "the members admin page");

            await page.GetByLabel("Who gets a voting right on registering").SelectOptionAsync("invite");
            await page.GetByRole(AriaRole.Button, new() { Name = "Save registration policy" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Registration is now" })).ToBeVisibleAsync();

            await page.GetByLabel("Note (who it is for, role or area)").FillAsync("Housing working group");
            await page.GetByRole(AriaRole.Button, new() { Name = "Create invitation" }).ClickAsync();
            var status = page.GetByTestId("invitation-status");
            await Expect(status).ToContainTextAsync("Invitation code");
            var code = CodePattern().Match(await status.TextContentAsync() ?? "").Value;
            Assert.NotEmpty(code);
            await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Housing working group", Exact = true })).ToBeVisibleAsync();

            // Without a code the registration is refused at the code's field; with it, the newcomer votes.
            await using var newcomer = await server.NewPageAsync();
            var reg = newcomer.Page;
            await reg.GotoAsync("/register");
            await reg.GetByLabel("Handle").FillAsync("invited.ines");
            await reg.GetByLabel("Display name").FillAsync("Ines Invited");
            await reg.GetByLabel("Email address").FillAsync("ines@example.org");
            await reg.GetByLabel("Password", new() { Exact = true }).FillAsync("a long password");
            await reg.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();
            await Expect(reg.GetByLabel("Invitation code")).ToBeFocusedAsync();
            await Expect(reg.GetByText("This organisation registers members by invitation")).ToBeVisibleAsync();
            await reg.GetByLabel("Invitation code").FillAsync(code.ToLowerInvariant());
            await reg.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();
            await Expect(reg.GetByRole(AriaRole.Main).GetByText("Signed in as Ines Invited (@invited.ines)")).ToBeVisibleAsync();
            await Expect(reg.GetByTestId("no-voting-right")).ToHaveCountAsync(0);

            // The register: a dry run shows the diff and changes nothing; the import applies it.
            var csv = page.GetByLabel("Register (CSV)");
            await csv.FillAsync("member_number,email,name,status\nM-1,ines@example.org,Ines Invited,active\nM-2,x@example.org,X,suspended\n");
            await page.GetByRole(AriaRole.Button, new() { Name = "Check (dry run)" }).ClickAsync();
            var report = page.GetByTestId("registry-report");
            await Expect(report.GetByRole(AriaRole.Heading, new() { Name = "What the import would do" })).ToBeFocusedAsync();
            await Expect(report).ToContainTextAsync("2 members in the file: 2 new, 0 changed, 0 unchanged.");
            Assert.Equal(0, Count("SELECT count(*) FROM registry_entries"));
            await Axe.AssertNoViolationsAsync(page, "the members admin page with a dry run");
            await page.GetByRole(AriaRole.Button, new() { Name = "Import", Exact = true }).ClickAsync();
            await Expect(report.GetByRole(AriaRole.Heading, new() { Name = "What the import did" })).ToBeVisibleAsync();
            Assert.Equal(2, Count("SELECT count(*) FROM registry_entries"));

            await csv.FillAsync("member_number,email,name,status\nM-3,broken\n");
            await page.GetByRole(AriaRole.Button, new() { Name = "Check (dry run)" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("line 2: expected 4 fields, found 2.");

            await page.GetByRole(AriaRole.Combobox, new() { Name = "Language" }).SelectOptionAsync("de");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Mitglieder und Stimmrechte");
            await Axe.AssertNoViolationsAsync(page, "the members admin page in German");
            await Screenshots.TakeAsync(page, "admin-members");
            Assert.Empty(admin.ConsoleErrors);
            Assert.Empty(newcomer.ConsoleErrors);
        }
        finally
        {
            // The browser tests share one server, and the others register freely.
            using var connection = server.Services.GetRequiredService<Database>().Open();
            var adminId = connection.ExecuteScalar<long>("SELECT id FROM members WHERE handle = @Handle", new { DemoAccounts.Admin.Handle });
            server.Services.GetRequiredService<PolicyService>().Set(adminId, null, """{"registration":"open"}""");
        }
    }

    [Fact]
    public async Task AnAdminSearchesAMemberAndMakesThemModeratorWhileANonAdminGetsNothing()
    {
        await using var target = await Member.RegisterAsync(server, "search.sam", "Sam Searchable");
        await using var admin = await SignInAsync(DemoAccounts.Admin.Handle);
        var page = admin.Page;
        await page.GotoAsync("/admin/members");
        var results = page.GetByTestId("member-results");
        await Expect(results).ToBeVisibleAsync();

        // A page holds 20 members; "More members" appends the rest after the page's end cursor.
        var membership = server.Services.GetRequiredService<MembershipService>();
        for (var i = 1; i <= 21; i++)
        {
            await membership.RegisterAsync($"paging.p{i:00}", $"Paging Pia {i:00}", $"paging.p{i:00}@example.org", "not-a-hash", new RegistrationClaims(null, null));
        }

        await page.GetByLabel("Search by handle or display name").FillAsync("Paging Pia");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("member-count")).ToHaveTextAsync("21 members found, 20 shown.");
        await Expect(results.Locator("tbody > tr")).ToHaveCountAsync(20);
        await page.GetByRole(AriaRole.Button, new() { Name = "More members" }).ClickAsync();
        await Expect(page.GetByTestId("member-count")).ToHaveTextAsync("21 members found, 21 shown.");
        await Expect(results.Locator("tbody > tr")).ToHaveCountAsync(21);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "More members" })).ToHaveCountAsync(0);

        await page.GetByLabel("Search by handle or display name").FillAsync("Sam Searchable");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("member-count")).ToHaveTextAsync("1 member found.");
        var row = results.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = "Sam Searchable (@search.sam)" }) });
        await Expect(row.GetByRole(AriaRole.Cell).Nth(0)).ToHaveTextAsync("member");
        await Expect(row.GetByRole(AriaRole.Cell).Nth(1)).ToHaveTextAsync("yes");

        await page.GetByRole(AriaRole.Button, new() { Name = "Manage @search.sam" }).ClickAsync();
        var roles = page.GetByRole(AriaRole.Group, new() { Name = "Roles of @search.sam" });
        await roles.GetByLabel("Moderator").CheckAsync();
        await roles.GetByRole(AriaRole.Button, new() { Name = "Save roles" }).ClickAsync();
        await Expect(page.GetByTestId("member-status")).ToHaveTextAsync("@search.sam now has the roles: member, moderator.");
        await Expect(row.GetByRole(AriaRole.Cell).Nth(0)).ToHaveTextAsync("member, moderator");
        Assert.Equal(1, Count("SELECT count(*) FROM member_roles r JOIN members m ON m.id = r.member_id WHERE m.handle = 'search.sam' AND r.role = 'moderator'"));

        // A suspension without a reason is refused beside its form, which takes the focus; with one, it is done.
        var voting = page.GetByRole(AriaRole.Group, new() { Name = "Voting right of @search.sam" });
        await voting.GetByRole(AriaRole.Button, new() { Name = "Suspend voting right" }).ClickAsync();
        await Expect(voting.GetByRole(AriaRole.Alert)).ToBeFocusedAsync();
        await Expect(voting.GetByRole(AriaRole.Alert)).ToContainTextAsync("Say why the voting right changes");
        await voting.GetByLabel("Reason (public, in the log)").FillAsync("Left the organisation");
        await voting.GetByRole(AriaRole.Button, new() { Name = "Suspend voting right" }).ClickAsync();
        await Expect(page.GetByTestId("member-status")).ToHaveTextAsync("The voting right of @search.sam is suspended.");
        await Expect(row.GetByRole(AriaRole.Cell).Nth(1)).ToHaveTextAsync("no");
        await Axe.AssertNoViolationsAsync(page, "the members admin page with a member open");
        await Screenshots.TakeAsync(page, "admin-members-search");

        // The member, now a moderator but no admin, gets no admin page and is refused over GraphQL.
        await target.Page.GotoAsync("/admin/members");
        await Expect(target.Page.GetByText("Only admins can see this page.")).ToBeVisibleAsync();
        await Expect(target.Page.GetByLabel("Search by handle or display name")).ToHaveCountAsync(0);
        var refused = await target.GraphQLAsync(
            "mutation($m: ID!) { setMemberRoles(input: { member: $m, roles: [MEMBER, ADMIN] }) { member { id } errors { __typename } } }",
            new { m = target.Id });
        Assert.Equal("NotAuthorizedError", refused.GetProperty("setMemberRoles").GetProperty("errors")[0].GetProperty("__typename").GetString());
        Assert.Equal(0, Count("SELECT count(*) FROM member_roles r JOIN members m ON m.id = r.member_id WHERE m.handle = 'search.sam' AND r.role = 'admin'"));
        Assert.Empty(admin.ConsoleErrors);
    }

    [Fact]
    public async Task AMemberWithoutAVotingRightReadsWhy()
    {
        await using var browser = await SignInAsync(DemoAccounts.NoVote.Handle);

        await Expect(browser.Page.GetByTestId("no-voting-right")).ToContainTextAsync("You have no voting right at the moment.");
        await Axe.AssertNoViolationsAsync(browser.Page, "the home page without a voting right");
    }

    private async Task<BrowserPage> SignInAsync(string handle)
    {
        var browser = await server.NewPageAsync();
        var page = browser.Page;
        await page.GotoAsync("/sign-in");
        await page.GetByLabel("Handle or email address").FillAsync(handle);
        await page.GetByLabel("Password").FillAsync(DemoAccounts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByTestId("signed-in-as")).ToContainTextAsync($"(@{handle})");
        return browser;
    }

    private int Count(string sql)
    {
        using var connection = server.Services.GetRequiredService<Database>().Open();
        return connection.ExecuteScalar<int>(sql);
    }

    [GeneratedRegex("[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}")]
    private static partial Regex CodePattern();
}
