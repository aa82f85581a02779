using System.CommandLine;
using Governance.Core.Metamoderation;

namespace Governance.Api.Cli;

/// <summary>`verify-metamoderation-draw &lt;period&gt;`: recomputes a metamoderation draw from the database and says whether it matches.</summary>
internal static class VerifyMetamoderationDrawCommand
{
    public static Command Create() => DrawVerifyCommand.Create(
        "verify-metamoderation-draw",
        "Recompute a metamoderation draw (its jurors) from public data (period id, event-log hash, member ids) and compare it with the stored draw.",
        (database, id) =>
        {
            var service = new MetamoderationService(database, TimeProvider.System);
            var verification = service.Verify(id);
            var draw = service.Get(id)!;
            return new DrawCheck(draw.HeadSeq, draw.HeadHashHex, draw.SeedHex,
                $"{verification.Eligible} eligible, {verification.Jurors} jurors: {string.Join(", ", draw.Jurors)}; {verification.Actions} moderator actions",
                verification.Matches, verification.Problems,
                [.. verification.Samples.Select(j => $"Juror {j.Key}'s sample: {(j.Value.Count == 0 ? "none" : string.Join(", ", j.Value))}.")]);
        });
}
