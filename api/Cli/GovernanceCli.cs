using System.CommandLine;

namespace Governance.Api.Cli;

/// <summary>
/// The api project's command line. `serve` is the default and is run by Program.cs as a web
/// host; every other command runs here and exits. `--help` works on every command.
/// </summary>
public static class GovernanceCli
{
    private static readonly string[] HelpTokens = ["--help", "-h", "-?", "/?", "--version"];

    /// <summary>True when the arguments ask for a tool command (or help) rather than the web host.</summary>
    public static bool IsToolCommand(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length == 0)
        {
            return false;
        }

        if (HelpTokens.Contains(args[0]))
        {
            return true;
        }

        if (args[0] == "serve")
        {
            return args.Any(a => HelpTokens.Contains(a));
        }

        return !args[0].StartsWith('-');
    }

    /// <summary>The host's arguments: everything after an explicit `serve`.</summary>
    public static string[] ServeArguments(string[] args) =>
        args.Length > 0 && args[0] == "serve" ? args[1..] : args;

    public static Task<int> RunAsync(string[] args) => CreateRootCommand().Parse(args).InvokeAsync();

    public static RootCommand CreateRootCommand()
    {
        var root = new RootCommand("Governance: liquid democracy for membership organisations.");
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(SeedCommand.Create());
        root.Subcommands.Add(VerifyLogCommand.Create());
        root.Subcommands.Add(RecountCommand.Create());
        root.Subcommands.Add(VerifyDrawCommand.Create());
        root.Subcommands.Add(VerifyMetamoderationDrawCommand.Create());
        root.Subcommands.Add(SimulateCommand.Create());
        root.Subcommands.Add(ExportSnapshotCommand.Create());
        root.Subcommands.Add(BackupCommand.Create());
        return root;
    }
}
