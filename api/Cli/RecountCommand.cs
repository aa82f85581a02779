using System.CommandLine;

namespace Governance.Api.Cli;

/// <summary>
/// `recount &lt;snapshot.json | -&gt;`: the independent recount of a closed vote (DESIGN §7), through
/// the same engine the server runs. Prints the tally JSON, or refuses a malformed snapshot on
/// standard error with a non-zero exit and nothing on standard output.
/// </summary>
internal static class RecountCommand
{
    public static Command Create()
    {
        var snapshot = new Argument<string>("snapshot") { Description = "The snapshot file, or - for standard input." };
        var command = new Command("recount", "Recount a closed vote from its snapshot (DESIGN §7) and print the tally as JSON.") { snapshot };
        command.SetAction(result =>
        {
            var path = result.GetValue(snapshot)!;
            if (path == "-")
            {
                return Core.Delegation.Recount.Recount.Run(Console.In, Console.Out, Console.Error);
            }

            if (!File.Exists(path))
            {
                Console.Error.WriteLine($"recount: refused: no such file '{path}'");
                return 1;
            }

            using var reader = new StreamReader(path, System.Text.Encoding.UTF8);
            return Core.Delegation.Recount.Recount.Run(reader, Console.Out, Console.Error);
        });
        return command;
    }
}
