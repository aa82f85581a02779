using Microsoft.Playwright;

namespace Governance.WebClient.Tests;

/// <summary>
/// Screenshots of the main pages. Written next to the test binaries on every run; with
/// UPDATE_SCREENSHOTS=1 into docs/screenshots/ (checked in, shown in the README) instead.
/// </summary>
public static class Screenshots
{
    public static async Task TakeAsync(IPage page, string name)
    {
        var folder = Environment.GetEnvironmentVariable("UPDATE_SCREENSHOTS") == "1"
            ? Path.Combine(WebClientServer.RepositoryRoot, "docs", "screenshots")
            : Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }
}
