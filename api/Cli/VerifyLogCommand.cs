using System.CommandLine;
using Governance.Core.Storage;

namespace Governance.Api.Cli;

/// <summary>
/// `verify-log`: recomputes the event log's hash chain and names the first broken link; with
/// `--public &lt;export&gt;`, from a downloaded public export alone, no database needed (docs/storage.md).
/// </summary>
internal static class VerifyLogCommand
{
    public static Command Create()
    {
        var storage = new StorageArguments();
        var publicExport = new Option<FileInfo?>("--public")
        {
            Description = "Verify a public export (GET /api/exports/events.ndjson, '-' for standard input) instead of the database: hidden entries count by their hashes.",
        };
        var command = new Command("verify-log", "Recompute the event log's hash chain; exit 1 and name the first broken entry if it is not intact.") { publicExport };
        storage.AddTo(command);
        command.SetAction(result =>
        {
            if (result.GetValue(publicExport) is { } export)
            {
                return VerifyPublic(export);
            }

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

    private static int VerifyPublic(FileInfo export)
    {
        PublicLogVerification verification;
        try
        {
            using var reader = export.Name == "-" ? Console.In : export.OpenText();
            verification = PublicLogExport.Verify(reader);
        }
        catch (IOException ex)
        {
            Console.Error.WriteLine($"governance verify-log: {ex.Message}");
            return 2;
        }
        catch (UnauthorizedAccessException ex)
        {
            Console.Error.WriteLine($"governance verify-log: {ex.Message}");
            return 2;
        }

        if (verification.Intact)
        {
            Console.Out.WriteLine($"Public export intact: {verification.Entries} entries, {verification.Hidden} of them hidden.");
            return 0;
        }

        Console.Out.WriteLine($"Public export broken at entry {verification.FirstBrokenSeq}: {verification.Problem}.");
        return 1;
    }
}
