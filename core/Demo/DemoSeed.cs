using Governance.Core.Clock;
using Governance.Core.Lottery;
using Governance.Core.Policies;
using Governance.Core.Storage;

namespace Governance.Core.Demo;

/// <summary>
/// Seeds a generated organisation: the import, then the closes of the votes whose window
/// ended before <c>now</c>, through the real close (snapshot, recount, stored result, event),
/// as the clock would close them after a night offline, and the counterweight lottery of the
/// last <see cref="PastDraws"/> weeks, so "verify" has a draw to check, with metamoderation
/// jurors whose judgements of the last week's moderator actions are seeded. The demo's decided
/// proposals then carry their results, and the tally decides which were accepted.
/// </summary>
public static class DemoSeed
{
    /// <summary>How many past lottery periods the demo draws unless told otherwise.</summary>
    public const int PastDraws = 2;

    /// <returns>How many ended votes were closed.</returns>
    public static int Run(Database database, GeneratedOrganisation organisation, DateTimeOffset now, IProgress<ImportProgress>? progress = null)
    {
        ImportStore.Import(database, organisation, now, progress);
        return AfterImport(database, now);
    }

    /// <summary>
    /// As <see cref="Run"/>, but null, having written nothing, when the database already holds
    /// an organisation (another instance seeded it first).
    /// </summary>
    public static int? TryRun(Database database, GeneratedOrganisation organisation, DateTimeOffset now, int pastDraws = PastDraws, bool issues = true)
    {
        return ImportStore.TryImport(database, organisation, now) ? AfterImport(database, now, pastDraws, issues) : null;
    }

    private static int AfterImport(Database database, DateTimeOffset now, int pastDraws = PastDraws, bool issues = true)
    {
        var closed = new GovernanceClock(database).CloseEndedVotes(now);
        DemoComments.Seed(database, now);
        if (issues)
        {
            DemoIssues.Seed(database, now);
        }

        var nowMs = now.ToUnixTimeMilliseconds();
        var policy = Transactions.Read(database, c => PolicyService.Resolve(c, null, null, nowMs));
        var period = LotteryPeriod.Containing(nowMs, policy.LotteryPeriodDays);
        var past = new List<LotteryPeriod>();
        for (var i = 0; i < pastDraws; i++)
        {
            period = LotteryPeriod.Containing(period.StartMs - 1, policy.LotteryPeriodDays);
            past.Insert(0, period);
        }

        foreach (var p in past)
        {
            Transactions.Write(database, (c, t) => LotteryService.Draw(c, t, p, now));
        }

        // The last draw's jurors (drawn with the lottery) judge their samples: the results have figures.
        if (past.Count > 0)
        {
            DemoMetamoderation.Seed(database, past[^1].Id, now);
        }

        return closed;
    }
}
