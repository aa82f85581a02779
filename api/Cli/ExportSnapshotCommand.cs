using System.CommandLine;
using Governance.Core.Proposals;
using Governance.Core.Storage;

namespace Governance.Api.Cli;

/// <summary>
/// `export-snapshot &lt;proposal&gt;`: prints the snapshot (DESIGN §7) a closed vote was counted
/// from, as stored with its result, so anyone can pipe it to `recount` and compare; with
/// `--pseudonymous`, in the public form the REST export serves.
/// </summary>
internal static class ExportSnapshotCommand
{
    public static Command Create()
    {
        var storage = new StorageArguments();
        var proposal = new Argument<long>("proposal") { Description = "The id of a proposal whose vote has closed." };
        var pseudonymous = new Option<bool>("--pseudonymous")
        {
            Description = "Name members by fresh pseudonyms, as GET /api/exports/votes/{id}/snapshot.json publishes it (DESIGN §5 privacy).",
        };
        var command = new Command("export-snapshot", "Print the stored snapshot of a closed vote, for an independent recount.") { proposal, pseudonymous };
        storage.AddTo(command);
        command.SetAction(result =>
        {
            try
            {
                var database = storage.OpenExisting(result);
                var id = result.GetValue(proposal);
                var stored = new VoteService(database, TimeProvider.System).Result(id);
                if (stored is null)
                {
                    Console.Error.WriteLine($"governance export-snapshot: proposal {id} has no closed vote.");
                    return 1;
                }

                Console.Out.WriteLine(result.GetValue(pseudonymous) ? SnapshotPseudonyms.Apply(stored.SnapshotJson) : stored.SnapshotJson);
                return 0;
            }
            catch (StorageException ex)
            {
                Console.Error.WriteLine($"governance export-snapshot: {ex.Message}");
                return 2;
            }
        });
        return command;
    }
}
