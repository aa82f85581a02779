using System.CommandLine;
using Governance.Core.Domain;
using Governance.Core.Metamoderation;
using Governance.Core.Storage;

namespace Governance.Api.Cli;

/// <summary>`verify-metamoderation-draw &lt;period&gt;`: recomputes a metamoderation draw from the database and says whether it matches.</summary>
internal static class VerifyMetamoderationDrawCommand
{
    public static Command Create()
    {
        var storage = new StorageArguments();
        var period = new Argument<string>("period") { Description = "The period id: the date its week starts, e.g. 2026-11-16." };
        var command = new Command("verify-metamoderation-draw",
            "Recompute a metamoderation draw (its jurors) from public data (period id, event-log hash, member ids) and compare it with the stored draw.") { period };
        storage.AddTo(command);
        command.SetAction(result =>
        {
            try
            {
                var database = storage.OpenExisting(result);
                var id = result.GetValue(period)!;
                var service = new MetamoderationService(database, TimeProvider.System);
                var verification = service.Verify(id);
                var draw = service.Get(id)!;
                Console.Out.WriteLine($"Period {id}: head entry {draw.HeadSeq} {draw.HeadHashHex}");
                Console.Out.WriteLine($"Seed {draw.SeedHex}; {verification.Eligible} eligible, {verification.Jurors} jurors: {string.Join(", ", draw.Jurors)}; {verification.Actions} moderator actions.");
                foreach (var (juror, sample) in verification.Samples)
                {
                    Console.Out.WriteLine($"Juror {juror}'s sample: {(sample.Count == 0 ? "none" : string.Join(", ", sample))}.");
                }

                if (verification.Matches)
                {
                    Console.Out.WriteLine("The draw matches its public inputs.");
                    return 0;
                }

                foreach (var problem in verification.Problems)
                {
                    Console.Out.WriteLine($"Mismatch: {problem}.");
                }

                return 1;
            }
            catch (DomainException ex)
            {
                Console.Error.WriteLine($"governance verify-metamoderation-draw: {ex.Message}");
                return 2;
            }
            catch (StorageException ex)
            {
                Console.Error.WriteLine($"governance verify-metamoderation-draw: {ex.Message}");
                return 2;
            }
        });
        return command;
    }
}
