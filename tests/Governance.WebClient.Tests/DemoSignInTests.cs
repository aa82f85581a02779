using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Governance.WebClient.Tests;

/// <summary>A newcomer with only the README signs in to the demo organisation as each account its table names.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class DemoSignInTests(WebClientServer server)
{
    [Fact]
    public async Task EveryAccountInTheReadmesTableSignsInToTheDemo()
    {
        var accounts = ReadmeAccounts();
        Assert.Contains(accounts, a => a.Role.Contains("admin", StringComparison.Ordinal));
        Assert.Contains(accounts, a => a.Role == "moderator");
        Assert.Contains(accounts, a => a.Role.Contains("without a voting right", StringComparison.Ordinal));
        foreach (var (handle, _, password) in accounts)
        {
            await using var browser = await server.NewPageAsync();
            var page = browser.Page;
            await page.GotoAsync("/sign-in");
            await page.GetByLabel("Handle or email address").FillAsync(handle);
            await page.GetByLabel("Password").FillAsync(password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Main).GetByText(new Regex($@"^Signed in as .+ \(@{Regex.Escape(handle)}\)$"))).ToBeVisibleAsync();

            if (handle == "demo.member")
            {
                // Karma earned from the endorsements the page lists, and enough of it for a level,
                // unless the seed's past lottery draws drew demo.member (2-8 % a period by level,
                // from the log's head hash, which the seed's clock moves): then the counterweight
                // reset it to 0, as it must, and the reset is recorded.
                await page.GotoAsync("/karma");
                var karma = double.Parse(await page.GetByTestId("karma").TextContentAsync() ?? "", CultureInfo.InvariantCulture);
                if (karma < 10)
                {
                    using var connection = ((Governance.Core.Storage.Database)server.Services.GetService(typeof(Governance.Core.Storage.Database))!).Open();
                    var resets = Dapper.SqlMapper.ExecuteScalar<long>(connection,
                        "SELECT count(*) FROM karma_changes k JOIN members m ON m.id = k.member_id WHERE m.handle = 'demo.member' AND k.reason LIKE 'lottery %'");
                    Assert.True(resets > 0, $"demo.member has karma {karma} and was never drawn in a lottery");
                }

                await Expect(page.GetByRole(AriaRole.Table).Filter(new() { HasText = "From" }).Locator("tbody tr").First).ToBeVisibleAsync();
            }

            Assert.Empty(browser.ConsoleErrors);
        }
    }

    /// <summary>The rows of the table right under the README's run command: handle, role, password.</summary>
    private static List<(string Handle, string Role, string Password)> ReadmeAccounts()
    {
        var lines = File.ReadAllLines(Path.Combine(WebClientServer.RepositoryRoot, "README.md"));
        var run = Array.FindIndex(lines, l => l.Trim() == "dotnet run --project api");
        Assert.True(run >= 0, "the README has no run command");
        var header = Array.FindIndex(lines, run, l => l.StartsWith("| handle | role | password |", StringComparison.Ordinal));
        Assert.True(header > run && header - run < 6, "the account table is not right under the run command");
        return lines.Skip(header + 2).TakeWhile(l => l.StartsWith('|'))
            .Select(l => l.Trim('|').Split('|').Select(c => c.Trim().Trim('`')).ToArray())
            .Select(c => (c[0], c[1], c[2]))
            .ToList();
    }
}
