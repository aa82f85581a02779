using System.Diagnostics;
using Dapper;
using Governance.Core.Delegation;
using Governance.Core.Demo;
using Governance.Core.Storage;
using Microsoft.Extensions.Options;

namespace Governance.Api.Storage;

public static class StorageExtensions
{
    public static WebApplicationBuilder AddGovernanceStorage(this WebApplicationBuilder builder)
    {
        // The provider and the folder are checked where the database is opened, which names what is wrong in one line.
        builder.Services.AddOptions<StorageOptions>().BindConfiguration("Storage")
            .Validate(
                o => !string.IsNullOrWhiteSpace(o.ConnectionString) || (!string.IsNullOrWhiteSpace(o.DatabaseFileName) && !string.IsNullOrWhiteSpace(o.DataDirectory)),
                "Without Storage:ConnectionString, Storage:DataDirectory and Storage:DatabaseFileName may not be empty.")
            .ValidateOnStart();
        builder.Services.AddOptions<DemoOptions>().BindConfiguration("Demo")
            .Validate(o => o.Members is >= 10 and <= 5_000_000, "Demo:Members must be between 10 and 5,000,000.")
            .Validate(o => o.PastLotteryDraws is >= 0 and <= 52, "Demo:PastLotteryDraws must be between 0 and 52.")
            .ValidateOnStart();
        builder.Services.AddSingleton(sp => Database.FromOptions(sp.GetRequiredService<IOptions<StorageOptions>>().Value));

        // The live delegation engine, loaded once from the database at start-up and kept in
        // step by the stores after each commit; on PostgreSQL also by the EngineFollower with
        // other instances' writes, from the event-log entry that was newest when it loaded.
        builder.Services.AddSingleton(sp =>
        {
            var database = sp.GetRequiredService<Database>();
            var head = Transactions.Read(database, c => Governance.Core.Storage.EventLog.Head(c).Seq);
            return new LoadedEngine(new EngineHost(EngineLoader.Load(database)), head);
        });
        builder.Services.AddSingleton(sp => sp.GetRequiredService<LoadedEngine>().Host);
        builder.Services.AddSingleton(sp => new EngineFollower(
            sp.GetRequiredService<Database>(), sp.GetRequiredService<EngineHost>(), sp.GetRequiredService<LoadedEngine>().HeadSeq));
        builder.Services.AddHostedService<InstanceSyncService>();
        builder.Services.AddSingleton<DelegationStore>();

        // The single writer that groups votes' commits. Each group commits and applies its
        // votes to the engine inside the engine's write gate, as every other writer does, so
        // the engine sees changes in commit order. Disposed (drained) with the host.
        builder.Services.AddSingleton(sp => new GroupCommitter(sp.GetRequiredService<Database>(), sp.GetRequiredService<EngineHost>().SerialiseWrite));

        // A full disk or a read-only file answers 503 with Retry-After, not 500.
        builder.Services.AddExceptionHandler<StorageUnavailableHandler>();
        return builder;
    }

    /// <summary>
    /// Checks the database is ours, applies pending migrations, on an empty database generates
    /// the demo organisation, and loads the delegation engine. On any storage problem it prints one line saying
    /// what is wrong and returns false, having changed nothing.
    /// </summary>
    public static bool TryInitialiseStorage(this WebApplication app)
    {
        try
        {
            var database = app.Services.GetRequiredService<Database>();
            var applied = Migrator.Apply(database);
            var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Governance.Storage");
            if (applied.Count > 0)
            {
                logger.LogInformation("Applied migrations {Migrations} to {Database}", string.Join(", ", applied), database.DataSource);
            }

            var demo = app.Services.GetRequiredService<IOptions<DemoOptions>>().Value;
            using var connection = database.Open();
            if (demo.SeedOnEmptyDatabase && connection.ExecuteScalar<long>("SELECT count(*) FROM members") == 0)
            {
                var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow();
                var organisation = DemoSignIn.WithPasswords(OrganisationGenerator.Generate(demo.Members, demo.Seed, now));
                if (DemoSeed.TryRun(database, organisation, now, demo.PastLotteryDraws, demo.Issues) is { } closed)
                {
                    logger.LogInformation("Generated the demo organisation: {Members} members (seed {Seed}), {Closed} ended votes closed", demo.Members, demo.Seed, closed);
                }
                else
                {
                    logger.LogInformation("Another instance generated the demo organisation first; using it");
                }
            }

            DemoSignIn.Log(logger, database);
            var loading = Stopwatch.StartNew();
            var members = app.Services.GetRequiredService<EngineHost>().Read(e => e.MemberCount);
            logger.LogInformation("Loaded the delegation engine: {Members} members in {Milliseconds} ms", members, loading.ElapsedMilliseconds);

            return true;
        }
        catch (StorageException ex)
        {
            Console.Error.WriteLine($"governance: {ex.Message}");
            return false;
        }
    }
}

/// <summary>The engine as loaded at start-up, and the last event-log entry it already reflects.</summary>
internal sealed record LoadedEngine(EngineHost Host, long HeadSeq);
