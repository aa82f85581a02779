using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Governance.WebClient.Tests;

/// <summary>An admin moves an area, with its sub-area, under another parent on /admin/areas, in Chromium.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AreaMoveFlowTests(WebClientServer server)
{
    private const string Errors = "errors { ... on UserError { code message } }";

    [Fact]
    public async Task AnAdminMovesAnAreaWithItsSubAreaUnderAnotherParent()
    {
        await using var admin = await Member.RegisterAsync(server, "move.admin", "Move Admin");
        using (var connection = ((Governance.Core.Storage.Database)server.Services.GetService(typeof(Governance.Core.Storage.Database))!).Open())
        {
            using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO member_roles (member_id, role) SELECT id, 'admin' FROM members WHERE handle = 'move.admin' ON CONFLICT DO NOTHING";
            command.ExecuteNonQuery();
        }

        async Task<string> CreateAsync(string slug, string name, string? parent)
        {
            var data = await admin.GraphQLAsync($"mutation($s: String!, $n: String!, $p: ID) {{ createArea(input: {{ slug: $s, name: $n, parent: $p }}) {{ area {{ id }} {Errors} }} }}", new { s = slug, n = name, p = parent });
            return data.GetProperty("createArea").GetProperty("area").GetProperty("id").GetString()!;
        }

        var lab = await CreateAsync("move-lab", "Move Lab", null);
        await CreateAsync("night-transit", "Night Transit", lab);
        var bikes = await CreateAsync("cargo-bikes", "Cargo Bikes", lab);
        await CreateAsync("bike-depots", "Bike Depots", bikes);

        var page = admin.Page;
        await page.GotoAsync("/admin/areas");
        var tree = page.GetByTestId("area-tree");
        // A root has no move button: roots stay roots.
        await Expect(tree.GetByRole(AriaRole.Button, new() { Name = "Rename “Move Lab”" })).ToBeVisibleAsync();
        await Expect(tree.GetByRole(AriaRole.Button, new() { Name = "Move “Move Lab”" })).ToHaveCountAsync(0);

        await tree.GetByRole(AriaRole.Button, new() { Name = "Move “Cargo Bikes”" }).ClickAsync();
        var parent = page.GetByLabel("Move “Cargo Bikes” under");
        // Neither the area itself nor anything under it is offered as its new parent.
        await Expect(parent.Locator("option", new() { HasText = "Cargo Bikes" })).ToHaveCountAsync(0);
        await Expect(parent.Locator("option", new() { HasText = "Bike Depots" })).ToHaveCountAsync(0);
        await parent.SelectOptionAsync(new SelectOptionValue { Label = "\u2003Night Transit" });
        await Axe.AssertNoViolationsAsync(page, "the areas admin page with the move form open");
        await Screenshots.TakeAsync(page, "admin-areas-move");
        await page.GetByRole(AriaRole.Button, new() { Name = "Move area" }).ClickAsync();

        await Expect(page.GetByText("“Cargo Bikes” is now under “Night Transit”.")).ToBeVisibleAsync();
        // The innermost item that holds Night Transit's buttons is its own.
        var transit = tree.GetByRole(AriaRole.Listitem).Filter(new() { Has = page.GetByRole(AriaRole.Button, new() { Name = "Rename “Night Transit”" }) }).Last;
        await Expect(transit.GetByRole(AriaRole.Button, new() { Name = "Rename “Cargo Bikes”" })).ToBeVisibleAsync();
        await Expect(transit.GetByRole(AriaRole.Button, new() { Name = "Rename “Bike Depots”" })).ToBeVisibleAsync();

        var parentNow = await admin.GraphQLAsync("query($a: ID!) { node(id: $a) { ... on Area { parent { name } } } }", new { a = bikes });
        Assert.Equal("Night Transit", parentNow.GetProperty("node").GetProperty("parent").GetProperty("name").GetString());
        Assert.Empty(admin.Browser.ConsoleErrors);
    }
}
