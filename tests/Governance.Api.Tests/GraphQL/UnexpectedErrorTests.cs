using System.Collections.Concurrent;
using System.Text.Json;
using Dapper;
using Governance.Api.Tests.Schema;
using Governance.Core.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Governance.Api.Tests.GraphQL;

/// <summary>A read that fails for a reason nobody foresaw is logged, and the client gets the log entry's correlation id.</summary>
public sealed class UnexpectedErrorTests
{
    [Fact]
    public async Task AnUnexpectedErrorIsLoggedUnderTheCorrelationIdTheClientGets()
    {
        var logs = new CapturingLoggerProvider();
        using var factory = new GovernanceApiFactory { DemoMembers = 10 };
        using var app = factory.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(logs)));
        var client = new Actor("anonymous", app.CreateClient(), null);
        await client.DataAsync("{ areas { name } }");
        using (var connection = app.Services.GetRequiredService<Database>().Open())
        {
            connection.Execute("ALTER TABLE areas RENAME TO areas_gone");
        }

        var result = await client.PostAsync("{ areas { name } }");

        var error = Assert.Single(result.GetProperty("errors").EnumerateArray());
        Assert.Equal("Unexpected Execution Error", error.GetProperty("message").GetString());
        var extensions = error.GetProperty("extensions");
        Assert.Equal("INTERNAL_SERVER_ERROR", extensions.GetProperty("code").GetString());
        var correlationId = extensions.GetProperty("correlationId").GetString()!;
        var logged = Assert.Single(logs.Entries, e => e.Level == LogLevel.Error && e.Message.Contains(correlationId, StringComparison.Ordinal));
        Assert.NotNull(logged.Exception);
        Assert.Equal(JsonValueKind.Null, result.GetProperty("data").ValueKind);
    }

    /// <summary>
    /// A read the database cannot serve (here SQLite's CANTOPEN, from a real connection to a file
    /// that is not there) is named as the storage failure it is, with the code /graphql turns into
    /// 503 and Retry-After (a PostgreSQL crash run saw "Unexpected Execution Error" with 200);
    /// any other exception stays masked.
    /// </summary>
    [Fact]
    public void AReadTheDatabaseCannotServeIsAStorageErrorNotAnUnexpectedOne()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"governance-missing-{Guid.NewGuid():N}", "governance.db");
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={missing};Mode=ReadOnly");
        var failure = Assert.Throws<Microsoft.Data.Sqlite.SqliteException>(() => connection.Open());

        var error = Governance.Api.GraphQL.GraphQLApiSwitches.StorageUnavailableError(new InvalidOperationException("a resolver's read", failure));

        Assert.NotNull(error);
        Assert.Equal(Governance.Api.Storage.StorageUnavailable.Code, error.Extensions!["code"]);
        Assert.Contains("the database file cannot be opened", error.Message, StringComparison.Ordinal);
        Assert.Null(Governance.Api.GraphQL.GraphQLApiSwitches.StorageUnavailableError(new InvalidOperationException("a bug")));
    }

    private sealed record Entry(LogLevel Level, string Message, Exception? Exception);

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        public ConcurrentQueue<Entry> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(Entries);

        public void Dispose()
        {
        }

        private sealed class Logger(ConcurrentQueue<Entry> entries) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                entries.Enqueue(new Entry(logLevel, formatter(state, exception), exception));
        }
    }
}
