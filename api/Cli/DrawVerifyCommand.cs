using System.CommandLine;
using Governance.Core.Domain;
using Governance.Core.Storage;

namespace Governance.Api.Cli;

/// <summary>
/// What a verify command prints of one recomputed draw: its public inputs (head entry and seed),
/// a one-line summary of what was drawn, any further lines (a metamoderation juror's sample), and
/// whether the stored draw matches, with each mismatch.
/// </summary>
internal sealed record DrawCheck(long HeadSeq, string HeadHashHex, string SeedHex, string Summary, bool Matches, IReadOnlyList<string> Problems, IReadOnlyList<string>? Details = null);

/// <summary>
/// The one skeleton of `verify-draw` and `verify-metamoderation-draw`: a period argument and the
/// storage options, the same report, and the same exit codes (0 matches, 1 a mismatch, 2 no such
/// draw or no database). Each command supplies only how to recompute its draw.
/// </summary>
internal static class DrawVerifyCommand
{
    public static Command Create(string name, string description, Func<Database, string, DrawCheck> check)
    {
        var storage = new StorageArguments();
        var period = new Argument<string>("period") { Description = "The period id: the date its week starts, e.g. 2026-11-16." };
        var command = new Command(name, description) { period };
        storage.AddTo(command);
        command.SetAction(result =>
        {
            try
            {
                var id = result.GetValue(period)!;
                var draw = check(storage.OpenExisting(result), id);
                Console.Out.WriteLine($"Period {id}: head entry {draw.HeadSeq} {draw.HeadHashHex}");
                Console.Out.WriteLine($"Seed {draw.SeedHex}; {draw.Summary}.");
                foreach (var line in draw.Details ?? [])
                {
                    Console.Out.WriteLine(line);
                }

                if (draw.Matches)
                {
                    Console.Out.WriteLine("The draw matches its public inputs.");
                    return 0;
                }

                foreach (var problem in draw.Problems)
                {
                    Console.Out.WriteLine($"Mismatch: {problem}.");
                }

                return 1;
            }
            catch (Exception ex) when (ex is DomainException or StorageException)
            {
                Console.Error.WriteLine($"governance {name}: {ex.Message}");
                return 2;
            }
        });
        return command;
    }
}
