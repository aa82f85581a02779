using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Dapper;
using Governance.Core.Demo;
using Governance.Core.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Governance.Api.Tests;

/// <summary>The demo organisation's sign-in accounts: only in a demo-seeded database, and named in the start-up log.</summary>
public sealed class DemoSignInTests
{
    [Fact]
    public async Task TheStartUpLogNamesTheDemoAccountsAndEachSignsInWithItsRole()
    {
        using var factory = new LoggedFactory { DemoMembers = 20 };
        using var client = factory.CreateClient();

        var log = string.Join('\n', factory.Lines);
        foreach (var account in DemoAccounts.All)
        {
            Assert.Contains($"{account.Handle}", log, StringComparison.Ordinal);
        }

        Assert.Contains(DemoAccounts.Password, log, StringComparison.Ordinal);
        foreach (var account in DemoAccounts.All)
        {
            using var fresh = factory.CreateClient();
            var response = await fresh.PostAsJsonAsync("/api/account/sign-in", new { handleOrEmail = account.Handle, password = DemoAccounts.Password });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var member = (await response.JsonAsync()).GetProperty("member");
            var roles = member.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).ToList();
            Assert.Equal(account == DemoAccounts.Admin, roles.Contains("admin"));
            Assert.Equal(account == DemoAccounts.Admin || account == DemoAccounts.Moderator, roles.Contains("moderator"));
            Assert.Equal(account != DemoAccounts.NoVote, member.GetProperty("votingRight").GetBoolean());
        }
    }

    [Fact]
    public async Task ADatabaseThatIsNotDemoSeededNeverGetsTheDemoPasswords()
    {
        using var factory = new LoggedFactory();
        factory.Settings["Demo:SeedOnEmptyDatabase"] = "false";
        using var client = factory.CreateClient();

        var response = await client.PostAsJsonAsync("/api/account/sign-in", new { handleOrEmail = DemoAccounts.Admin.Handle, password = DemoAccounts.Password });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        using (var connection = factory.Services.GetRequiredService<Database>().Open())
        {
            Assert.Equal(0, connection.ExecuteScalar<int>("SELECT count(*) FROM member_credentials"));
        }

        Assert.DoesNotContain(factory.Lines, l => l.Contains(DemoAccounts.Password, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AChangedDemoPasswordIsNoLongerAnnounced()
    {
        var folder = Directory.CreateTempSubdirectory("governance-api-test-").FullName;
        string? postgres;
        using (var factory = new LoggedFactory(folder) { DemoMembers = 20 })
        {
            postgres = factory.PostgresConnectionString;
            using var client = ApiClient.CreateCookieClient(factory);
            var signIn = await client.PostAsJsonAsync("/api/account/sign-in", new { handleOrEmail = DemoAccounts.Admin.Handle, password = DemoAccounts.Password });
            var csrf = (await signIn.JsonAsync()).GetProperty("csrfToken").GetString()!;
            using var change = new HttpRequestMessage(HttpMethod.Post, "/api/account/password") { Content = JsonContent.Create(new { currentPassword = DemoAccounts.Password, newPassword = "a private password" }) };
            change.Headers.Add("X-CSRF-Token", csrf);
            Assert.Equal(HttpStatusCode.NoContent, (await client.SendAsync(change)).StatusCode);
        }

        using (var restarted = new LoggedFactory(folder) { DemoMembers = 20, PostgresConnectionString = postgres })
        {
            using var _ = restarted.CreateClient();
            var log = string.Join('\n', restarted.Lines);
            Assert.Contains(DemoAccounts.Moderator.Handle, log, StringComparison.Ordinal);
            Assert.DoesNotContain(DemoAccounts.Admin.Handle, log, StringComparison.Ordinal);
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    private sealed class LoggedFactory(string? folder = null) : GovernanceApiFactory(folder)
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(logging => logging.AddProvider(new Capture(Lines)));
        }
    }

    private sealed class Capture(ConcurrentQueue<string> lines) : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue(formatter(state, exception));

        public void Dispose()
        {
        }
    }
}
