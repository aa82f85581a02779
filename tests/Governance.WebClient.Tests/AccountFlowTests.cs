using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Governance.WebClient.Tests;

/// <summary>A member registers, signs out and in again in a real Chromium, against the real server.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccountFlowTests(WebClientServer server)
{
    [Fact]
    public async Task AMemberRegistersSignsOutAndSignsInAgain()
    {
        await using var browser = await server.NewPageAsync();
        var page = browser.Page;

        await page.GotoAsync("/");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Welcome to Governance");
        await Axe.AssertNoViolationsAsync(page, "the welcome page");
        await Screenshots.TakeAsync(page, "welcome");

        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Register" }).ClickAsync();
        await Expect(page).ToHaveURLAsync($"{server.BaseUrl}/register");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeFocusedAsync();
        await Axe.AssertNoViolationsAsync(page, "the register page");
        await page.GetByLabel("Handle").FillAsync("ada");
        await page.GetByLabel("Display name").FillAsync("Ada Lovelace");
        await page.GetByLabel("Email address").FillAsync("ada@example.org");
        await page.GetByLabel("Password").FillAsync("analytical engine");
        await Screenshots.TakeAsync(page, "register");
        await page.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();

        var main = page.GetByRole(AriaRole.Main);
        await Expect(main.GetByText("Signed in as Ada Lovelace (@ada)")).ToBeVisibleAsync();
        await Expect(main.GetByRole(AriaRole.Heading, new() { Name = "Proposals" })).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page, "the signed-in home");
        await Screenshots.TakeAsync(page, "home");

        await main.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Welcome to Governance");
        await page.ReloadAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Welcome to Governance");

        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByLabel("Handle or email address").FillAsync("ada@example.org");
        await page.GetByLabel("Password").FillAsync("analytical engine");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(main.GetByText("Signed in as Ada Lovelace (@ada)")).ToBeVisibleAsync();

        // The session survives a reload: the cookie is the server's, not the page's.
        await page.ReloadAsync();
        await Expect(main.GetByText("Signed in as Ada Lovelace (@ada)")).ToBeVisibleAsync();
        Assert.Empty(browser.ConsoleErrors);
    }

    [Fact]
    public async Task AWrongPasswordShowsTheServersErrorAndKeepsTheMemberOnTheForm()
    {
        await server.RegisterAsync("grace", "Grace Hopper", "compiler first");
        await using var browser = await server.NewPageAsync();
        var page = browser.Page;

        await page.GotoAsync("/sign-in");
        await page.GetByLabel("Handle or email address").FillAsync("grace");
        await page.GetByLabel("Password").FillAsync("not her password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        var alert = page.GetByRole(AriaRole.Alert);
        await Expect(alert).ToHaveTextAsync("The handle, email address or password is wrong.");
        await Expect(alert).ToBeFocusedAsync();
        await Expect(page).ToHaveURLAsync($"{server.BaseUrl}/sign-in");
        await Axe.AssertNoViolationsAsync(page, "the sign-in page with an error");
        await Screenshots.TakeAsync(page, "sign-in-error");
    }

    [Fact]
    public async Task RegistrationErrorsFromTheServerAppearBesideTheirFieldsWithFocusOnTheFirst()
    {
        await using var browser = await server.NewPageAsync();
        var page = browser.Page;

        await page.GotoAsync("/register");
        await page.GetByLabel("Handle").FillAsync("X");
        await page.GetByLabel("Display name").FillAsync("Someone");
        await page.GetByLabel("Email address").FillAsync("not-an-email");
        await page.GetByLabel("Password").FillAsync("short");
        await page.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();

        var handle = page.GetByLabel("Handle");
        await Expect(handle).ToBeFocusedAsync();
        await Expect(handle).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.GetByLabel("Email address")).ToHaveAccessibleDescriptionAsync("An email address looks like name@example.org.");
        await Expect(page.GetByLabel("Display name")).Not.ToHaveAttributeAsync("aria-invalid", "true");
        await Axe.AssertNoViolationsAsync(page, "the register page with errors");
    }

    [Fact]
    public async Task AMemberCanSignInWithTheKeyboardAlone()
    {
        await server.RegisterAsync("linus", "Linus Torvalds", "keyboard only please");
        await using var browser = await server.NewPageAsync();
        var page = browser.Page;
        var keyboard = page.Keyboard;

        await page.GotoAsync("/sign-in");
        // The page is rendered by script: wait for it before the first key press.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Sign in");
        await keyboard.PressAsync("Tab");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Skip to main content" })).ToBeFocusedAsync();
        await keyboard.PressAsync("Enter");
        await keyboard.PressAsync("Tab");
        await Expect(page.GetByLabel("Handle or email address")).ToBeFocusedAsync();
        await keyboard.TypeAsync("linus");
        await keyboard.PressAsync("Tab");
        await Expect(page.GetByLabel("Password")).ToBeFocusedAsync();
        await keyboard.TypeAsync("keyboard only please");
        await keyboard.PressAsync("Enter");

        await Expect(page.GetByRole(AriaRole.Main).GetByText("Signed in as Linus Torvalds (@linus)")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeFocusedAsync();
    }

    [Fact]
    public async Task SwitchingToGermanChangesTheVisibleStringsAndIsRemembered()
    {
        await using var browser = await server.NewPageAsync();
        var page = browser.Page;

        await page.GotoAsync("/sign-in");
        await page.GetByLabel("Language").SelectOptionAsync("de");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Anmelden");
        await Expect(page.GetByLabel("Kennung oder E-Mail-Adresse")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Zum Hauptinhalt springen" })).ToBeAttachedAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "de");
        await Axe.AssertNoViolationsAsync(page, "the German sign-in page");
        await Screenshots.TakeAsync(page, "sign-in-de");

        await page.ReloadAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Anmelden");
        await page.GetByLabel("Sprache").SelectOptionAsync("en");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Sign in");
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/sign-in")]
    [InlineData("/register")]
    [InlineData("/no-such-page")]
    public async Task EveryPageIsFreeOfAxeViolationsOnAPhone(string path)
    {
        await using var browser = await server.NewPageAsync(width: 360, height: 740);
        var page = browser.Page;

        await page.GotoAsync(path);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();

        await Axe.AssertNoViolationsAsync(page, path + " at 360 px");
        var overflows = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");
        Assert.False(overflows, $"{path} scrolls sideways at 360 px");
        if (path == "/sign-in")
        {
            await Screenshots.TakeAsync(page, "sign-in-phone");
        }

        Assert.Empty(browser.ConsoleErrors);
    }
}
