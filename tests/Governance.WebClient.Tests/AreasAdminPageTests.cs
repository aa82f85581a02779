using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Governance.WebClient.Tests;

/// <summary>An admin adds, renames and archives an area and overrides a policy value in it, in Chromium.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AreasAdminPageTests(WebClientServer server)
{
    [Fact]
    public async Task AnAdminManagesAreasAndSeesWhereEachPolicyValueComesFrom()
    {
        await using var admin = await Member.RegisterAsync(server, "areas.admin", "Area Admin");
        await admin.GraphQLAsync("{ viewer { handle } }");
        using (var connection = ((Governance.Core.Storage.Database)server.Services.GetService(typeof(Governance.Core.Storage.Database))!).Open())
        {
            using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO member_roles (member_id, role) SELECT id, 'admin' FROM members WHERE handle = 'areas.admin' ON CONFLICT DO NOTHING";
            command.ExecuteNonQuery();
        }

        var page = admin.Page;
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Areas" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Areas and policies");

        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Allotments");
        await page.GetByLabel("Slug (in addresses: a–z, 0–9 and dashes)").FillAsync("allotments");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add area" }).ClickAsync();
        var tree = page.GetByTestId("area-tree");
        await Expect(page.GetByText("“Allotments” is added.")).ToBeVisibleAsync();

        await tree.GetByRole(AriaRole.Button, new() { Name = "Rename “Allotments”" }).ClickAsync();
        await page.GetByLabel("New name").FillAsync("Allotments and gardens");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save name" }).ClickAsync();
        await Expect(page.GetByText("The area is now “Allotments and gardens”.")).ToBeVisibleAsync();

        await tree.GetByRole(AriaRole.Button, new() { Name = "Policy of “Allotments and gardens”" }).ClickAsync();
        var editor = page.GetByTestId("policy-editor");
        await Expect(editor.GetByRole(AriaRole.Heading, new() { Name = "Policy: Allotments and gardens" })).ToBeVisibleAsync();
        await editor.GetByLabel("Days a vote is open", new() { Exact = true }).FillAsync("10");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Save policy" }).ClickAsync();
        await Expect(editor.GetByText("Saved as version 1.")).ToBeVisibleAsync();
        // The rules in force now name the area as the source of the vote's length.
        await Expect(editor.GetByRole(AriaRole.Link).Filter(new() { HasText = "Allotments and gardens" }).First).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page, "the areas admin page");
        await Screenshots.TakeAsync(page, "admin-areas");

        await tree.GetByRole(AriaRole.Button, new() { Name = "Archive “Allotments and gardens”" }).ClickAsync();
        await Expect(page.GetByText("“Allotments and gardens” is archived: it takes no new proposals, and its history stays.")).ToBeVisibleAsync();
        await Expect(tree.GetByRole(AriaRole.Button, new() { Name = "Restore “Allotments and gardens”" })).ToBeVisibleAsync();
        Assert.Empty(admin.Browser.ConsoleErrors);
    }
}
