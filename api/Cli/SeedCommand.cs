using System.CommandLine;
using Governance.Api.Storage;
using Governance.Core.Demo;
using Governance.Core.Storage;
using Spectre.Console;

namespace Governance.Api.Cli;

/// <summary>`seed --members N`: generates a realistic organisation into an empty database.</summary>
internal static class SeedCommand
{
    public static Command Create()
    {
        var storage = new StorageArguments();
        var members = new Option<int>("--members") { Description = "How many members (100 to 1,000,000 and more).", DefaultValueFactory = _ => 2_000 };
        var seed = new Option<int>("--seed") { Description = "The generator's seed: the same seed gives the same organisation.", DefaultValueFactory = _ => 20_261_121 };
        var command = new Command("seed", "Generate a realistic organisation (Bogus, fixed seed) into an empty database.") { members, seed };
        storage.AddTo(command);
        members.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 10 or > 5_000_000)
            {
                r.AddError("--members must be between 10 and 5,000,000.");
            }
        });
        command.SetAction(result =>
        {
            try
            {
                var database = storage.Open(result);
                Migrator.Apply(database);
                Run(database, result.GetValue(members), result.GetValue(seed));
                return 0;
            }
            catch (StorageException ex)
            {
                Console.Error.WriteLine($"governance seed: {ex.Message}");
                return 1;
            }
        });
        return command;
    }

    private static void Run(Database database, int members, int seed)
    {
        var now = TimeProvider.System.GetUtcNow();
        var started = System.Diagnostics.Stopwatch.StartNew();
        AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(context =>
            {
                var generate = context.AddTask("generate members", maxValue: members);
                var organisation = DemoSignIn.WithPasswords(OrganisationGenerator.Generate(members, seed, now, new Progress(generate)));
                generate.Value = members;
                var tasks = new Dictionary<string, ProgressTask>();
                DemoSeed.Run(database, organisation, now, new ImportReporter(context, tasks));
            });
        AnsiConsole.MarkupLine($"Seeded [bold]{members:N0}[/] members into {Markup.Escape(database.DataSource)} in {started.Elapsed.TotalSeconds:F1} s.");
    }

    /// <summary>Synchronous progress: System.Progress would post to the thread pool and arrive late.</summary>
    private sealed class Progress(ProgressTask task) : IProgress<int>
    {
        public void Report(int value) => task.Value = value;
    }

    private sealed class ImportReporter(ProgressContext context, Dictionary<string, ProgressTask> tasks) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value)
        {
            if (!tasks.TryGetValue(value.Stage, out var task))
            {
                task = context.AddTask($"write {value.Stage}", maxValue: Math.Max(1, value.Total));
                tasks[value.Stage] = task;
            }

            task.Value = value.Done;
        }
    }
}
