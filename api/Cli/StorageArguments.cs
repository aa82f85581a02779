using System.CommandLine;
using Governance.Core.Storage;

namespace Governance.Api.Cli;

/// <summary>
/// The options that say which database a command works on, read the same way as the web
/// host reads them: appsettings.json, then environment variables (Storage__DataDirectory…),
/// then these options.
/// </summary>
internal sealed class StorageArguments
{
    public Option<string?> DataDirectory { get; } = new("--data")
    {
        Description = "The data folder holding governance.db (default: ./data).",
    };

    public Option<string?> ConnectionString { get; } = new("--connection-string")
    {
        Description = "A full connection string, overriding --data: SQLite (Data Source=…) or PostgreSQL (Host=…;Database=…;Username=…).",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(DataDirectory);
        command.Options.Add(ConnectionString);
    }

    /// <summary>
    /// The existing database, brought up to the current schema (as the service would at start):
    /// a tool never creates an empty database by mistake, and never reads a schema it predates.
    /// </summary>
    public Database OpenExisting(ParseResult result)
    {
        var database = Open(result);
        if (!database.IsPostgres && !database.DataSource.Contains(":memory:", StringComparison.Ordinal) && !File.Exists(database.DataSource))
        {
            throw new StorageException($"There is no database at '{database.DataSource}'; give --data or --connection-string, or run `seed` first.");
        }

        Migrator.Apply(database);
        return database;
    }

    public Database Open(ParseResult result)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .Build();
        var options = configuration.GetSection("Storage").Get<StorageOptions>() ?? new StorageOptions();
        if (result.GetValue(DataDirectory) is { } data)
        {
            options = options with { DataDirectory = data };
        }

        if (result.GetValue(ConnectionString) is { } connection)
        {
            options = options with { ConnectionString = connection };
        }

        return Database.FromOptions(options);
    }
}
