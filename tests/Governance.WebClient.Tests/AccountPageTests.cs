using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Governance.WebClient.Tests;

/// <summary>
/// The account page in Chromium: a member signs out another session, makes a token (shown
/// once) and revokes it, changes the password, and stores a language that follows them to
/// another browser.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AccountPageTests(WebClientServer server)
{
    private const string Password = "correct horse battery";

    private async Task<BrowserPage> SignInElsewhereAsync(string handle, string password)
    {
        var other = await server.NewPageAsync();
        var response = await other.Page.Context.APIRequest.PostAsync("/api/account/sign-in", new() { DataObject = new { handleOrEmail = handle, password } });
        Assert.True(response.Ok, $"sign-in {handle}: {response.Status} {await response.TextAsync()}");
        return other;
    }

    [Fact]
    public async Task AMemberManagesSessionsTokensPasswordAndLanguageOnTheAccountPage()
    {
        await using var member = await Member.RegisterAsync(server, "account.walker", "Ada Walker");
        await using var laptop = await SignInElsewhereAsync("account.walker", Password);
        var page = member.Page;

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Account" }).ClickAsync();
        await Expect(page).ToHaveURLAsync($"{server.BaseUrl}/account");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Your account");
        var sessions = page.GetByTestId("sessions");
        await Expect(sessions.GetByRole(AriaRole.Row)).ToHaveCountAsync(3);
        await Expect(sessions.GetByText("This session")).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page, "the account page");
        await Screenshots.TakeAsync(page, "account");

        // Sign the laptop out from here: its next request is no longer signed in.
        await sessions.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Sign out the session from") }).ClickAsync();
        await Expect(page.GetByText("The session is signed out.")).ToBeVisibleAsync();
        await Expect(sessions.GetByRole(AriaRole.Row)).ToHaveCountAsync(2);
        Assert.Equal(401, (await laptop.Page.Context.APIRequest.GetAsync("/api/account/session")).Status);

        // A token: the secret shows once, the list never has it, revoking removes it.
        await page.GetByLabel("Name (the client it is for)").FillAsync("my voting script");
        await page.GetByLabel("vote: cast and change votes").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create token" }).ClickAsync();
        var secret = page.GetByTestId("token-secret");
        await Expect(secret).ToContainTextAsync("gov_pat_");
        var tokens = page.GetByTestId("tokens");
        await Expect(tokens.GetByRole(AriaRole.Row, new() { Name = "my voting script" })).ToContainTextAsync("read, vote");
        await Expect(tokens).Not.ToContainTextAsync(await secret.InnerTextAsync());
        await Axe.AssertNoViolationsAsync(page, "the account page with a new token");
        await Screenshots.TakeAsync(page, "account-token");
        await tokens.GetByRole(AriaRole.Button, new() { Name = "Revoke the token “my voting script”" }).ClickAsync();
        await Expect(page.GetByText("The token is revoked.")).ToBeVisibleAsync();
        await Expect(page.GetByText("You have no tokens.")).ToBeVisibleAsync();

        // The password: a wrong current one is refused beside its field; the right one changes it.
        await page.GetByLabel("Current password").FillAsync("not my password");
        await page.GetByLabel("New password").FillAsync("a much longer passphrase");
        await page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        // Two PBKDF2 checks on a busy test machine: more than the default wait.
        await Expect(page.GetByRole(AriaRole.Alert).First).ToHaveTextAsync("The current password is wrong.", new() { Timeout = 45_000 });
        await page.GetByLabel("Current password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        await Expect(page.GetByText("Your password is changed.")).ToBeVisibleAsync(new() { Timeout = 45_000 });

        // German, stored with the account: another browser signing in gets it too.
        await page.GetByLabel("Language of the web client (stored with your account)").SelectOptionAsync("de");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save language" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Dein Konto");
        await using var phone = await SignInElsewhereAsync("account.walker", "a much longer passphrase");
        await phone.Page.GotoAsync("/account");
        await Expect(phone.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Dein Konto");
        await Axe.AssertNoViolationsAsync(phone.Page, "the account page in German");
        Assert.Empty(member.Browser.ConsoleErrors);
    }
}
