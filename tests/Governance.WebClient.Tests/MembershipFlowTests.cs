using System.Text.RegularExpressions;
using Dapper;
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
