using System.Text.Json;
using Governance.Api.Tests;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Governance.WebClient.Tests;

/// <summary>
/// The real api on a real loopback port with a fresh database, serving the built web client
/// (web-client/dist, built by the api's build), and one Debian Chromium driven by Playwright.
/// Shared by all browser tests; each test opens its own browser context (own cookies).
/// </summary>
#pragma warning disable CA1001 // xunit disposes the fixture through IAsyncLifetime.DisposeAsync, which disposes the factory.
public class WebClientServer : IAsyncLifetime
#pragma warning restore CA1001
{
    private readonly Factory factory = new();

    public WebClientServer()
    {
    }

    /// <summary>A server with some settings of its own (a collection that needs another mode).</summary>
    protected WebClientServer(IReadOnlyDictionary<string, string> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        foreach (var (key, value) in settings)
        {
            factory.Settings[key] = value;
        }
    }

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public string BaseUrl { get; private set; } = "";

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The app's services, for tests that seed data or move the clock (<c>GovernanceClock.RunDue</c>).</summary>
    public IServiceProvider Services => factory.Services;

    private IPlaywright playwright = null!;

    public async Task InitializeAsync()
    {
        factory.UseKestrel(0);
        factory.StartServer();
        BaseUrl = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()
            .Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');

        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
            ],
        });
    }

    public async Task DisposeAsync()
    {
        await Browser.CloseAsync();
        playwright.Dispose();
        await factory.DisposeAsync();
    }

    /// <summary>A fresh context (no cookies, no stored language) with a page on it; CSP violations fail the test.</summary>
    public async Task<BrowserPage> NewPageAsync(int width = 1024, int height = 768)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "en-GB",
        });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        var result = new BrowserPage(context, page);
        page.Console += (_, message) =>
        {
            // A signed-out page's GET /api/account/session answers 401 by design; Chromium logs
            // that as "Failed to load resource". Everything else (CSP refusals, script errors) counts.
            if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
            {
                result.ConsoleErrors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => result.ConsoleErrors.Add(error);
        return result;
    }

    /// <summary>Registers a member through the REST api (for tests that start at sign-in).</summary>
    public async Task RegisterAsync(string handle, string displayName, string password)
    {
        using var client = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        var body = JsonSerializer.Serialize(new { handle, displayName, email = $"{handle}@example.org", password });
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        var response = await client.PostAsync(new Uri("/api/account/register", UriKind.Relative), content);
        response.EnsureSuccessStatusCode();
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Governance.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Governance.sln not found above " + AppContext.BaseDirectory);
    }

    private sealed class Factory : GovernanceApiFactory
    {
        public Factory()
        {
            DemoMembers = 10;

            // Browser tests register a member per person they need: more than one IP's sign-in budget.
            Settings["RateLimits:SignInAttemptsPerMinute"] = "1000";
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            var dist = Path.Combine(RepositoryRoot, "web-client", "dist");
            if (!File.Exists(Path.Combine(dist, "index.html")))
            {
                throw new InvalidOperationException($"{dist} has no index.html: the api's build builds the web client unless SkipWebClientBuild=true.");
            }

            builder.UseSetting("WebClient:DistDirectory", dist);
        }
    }
}

/// <summary>A page in its own browser context, with the errors its console reported.</summary>
public sealed class BrowserPage(IBrowserContext context, IPage page) : IAsyncDisposable
{
    public IPage Page { get; } = page;

    public List<string> ConsoleErrors { get; } = [];

    public async ValueTask DisposeAsync() => await context.CloseAsync();
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<WebClientServer>
{
    public const string Name = "browser";
}
