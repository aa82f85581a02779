using System.CommandLine;

namespace Governance.Api.Cli;

/// <summary>
/// `serve` is handled by Program.cs as the web host; it is declared here so that `--help`
/// describes it. Host options such as --urls and --Storage:DataDirectory pass straight through.
/// </summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var command = new Command("serve", "Run the web service (the default). Host settings pass through, e.g. --urls http://localhost:5000 --Storage:DataDirectory ./data.");
        command.Options.Add(new Option<string?>("--urls") { Description = "Addresses to listen on (default http://localhost:5000)." });
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(_ => 0);
        return command;
    }
}
