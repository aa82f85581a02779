using System.CommandLine;
using Governance.Core.Storage;

namespace Governance.Api.Cli;

/// <summary>`verify-log`: recomputes the event log's hash chain and names the first broken link.</summary>
internal static class VerifyLogCommand
{
    public static Command Create()
    {
        var storage = new StorageArguments();
        var command = new Command("verify-log", "Recompute the event log's hash chain; exit 1 and name the first broken entry if it is not intact.");
        storage.AddTo(command);
        command.SetAction(result =>
        {
            try
            {
                var database = storage.OpenExisting(result);
                var verification = EventLog.Verify(database);
                if (verification.Intact)
                {
                    Console.Out.WriteLine($"Event log intact: {verification.Entries} entries.");
                    return 0;
                }

                Console.Out.WriteLine($"Event log broken at entry {verification.FirstBrokenSeq}: {verification.Problem}.");
                return 1;
            }
            catch (StorageException ex)
            {
                Console.Error.WriteLine($"governance verify-log: {ex.Message}");
                return 2;
            }
        });
        return command;
    }
}
