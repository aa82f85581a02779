using System.CommandLine;
using Governance.Core.Lottery;

namespace Governance.Api.Cli;

/// <summary>`verify-draw &lt;period&gt;`: recomputes a lottery draw from the database and says whether it matches.</summary>
internal static class VerifyDrawCommand
{
    public static Command Create() => DrawVerifyCommand.Create(
        "verify-draw",
        "Recompute a counterweight-lottery draw from public data (period id, event-log hash, member ids) and compare it with the stored draw.",
        (database, id) =>
        {
            var lottery = new LotteryService(database, TimeProvider.System);
            var verification = lottery.Verify(id);
            var draw = lottery.Get(id)!;
            return new DrawCheck(draw.HeadSeq, draw.HeadHashHex, draw.SeedHex,
                $"{verification.Eligible} eligible, {verification.Drawn} drawn", verification.Matches, verification.Problems);
        });
}
