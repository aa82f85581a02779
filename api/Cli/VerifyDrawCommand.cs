using System.CommandLine;
using Governance.Core.Domain;
using Governance.Core.Lottery;
using Governance.Core.Storage;

namespace Governance.Api.Cli;

/// <summary>`verify-draw &lt;period&gt;`: recomputes a lottery draw from the database and says whether it matches.</summary>
internal static class VerifyDrawCommand
{
    public static Command Create()
    {
        var storage = new StorageArguments();
        var period = new Argument<string>("period") { Description = "The period id: the date its week starts, e.g. 2026-11-16." };
        var command = new Command("verify-draw", "Recompute a counterweight-lottery draw from public data (period id, event-log hash, member ids) and compare it with the stored draw.") { period };
        storage.AddTo(command);
        command.SetAction(result =>
        {
            try
            {
                var database = storage.OpenExisting(result);
                var id = result.GetValue(period)!;
                var lottery = new LotteryService(database, TimeProvider.System);
                var verification = lottery.Verify(id);
                var draw = lottery.Get(id)!;
                Console.Out.WriteLine($"Period {id}: head entry {draw.HeadSeq} {draw.HeadHashHex}");
                Console.Out.WriteLine($"Seed {draw.SeedHex}; {verification.Eligible} eligible, {verification.Drawn} drawn.");
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
                Console.Error.WriteLine($"governance verify-draw: {ex.Message}");
                return 2;
            }
            catch (StorageException ex)
            {
                Console.Error.WriteLine($"governance verify-draw: {ex.Message}");
                return 2;
            }
        });
        return command;
    }
}
